import type { Database } from 'better-sqlite3';
import { WarningRules } from '../../../shared/contract/warnings';
import type { Clock } from '../../../shared/domain/clock';
import { DEFAULT_WARNING_RULES } from '../../../shared/domain/warning-rules';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp } from '../db/record-identity';
import { AppError } from '../errors';

/** The settings key the rules are kept under (getSettings leaves unknown keys alone). */
export const WARNING_RULES_KEY = 'warningRules';

/**
 * The rules in effect: the saved ones, or the defaults when none are saved or the saved value
 * cannot be read (written by a later version with other factors).
 */
export function getWarningRules(db: Database): WarningRules {
  const value = db.prepare('SELECT value FROM settings WHERE key = ? AND deleted_at IS NULL').pluck().get(WARNING_RULES_KEY) as string | undefined;
  if (value === undefined) return DEFAULT_WARNING_RULES;
  try {
    const parsed = WarningRules.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_WARNING_RULES;
  } catch {
    return DEFAULT_WARNING_RULES;
  }
}

/**
 * Save the rules (checked again here: the CLI and tests call this directly), by the acting
 * analyst, audited with the rules before and after. Returns the rules now in effect.
 */
export function saveWarningRules(db: Database, rules: WarningRules, actor: Actor, clock: Clock): WarningRules {
  const parsed = WarningRules.safeParse(rules);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `The warning rules are not valid: ${issue.path.join('.') || 'rules'}: ${issue.message}`, { issues: parsed.error.issues });
  }
  return db.transaction(() => {
    const before = getWarningRules(db);
    db.prepare(
      `INSERT INTO settings (key, value, uid, created_at, created_by, updated_at, updated_by)
       VALUES (@key, @value, @uid, @created_at, @created_by, @updated_at, @updated_by)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         deleted_at = NULL, deleted_by = NULL`,
    ).run({ key: WARNING_RULES_KEY, value: JSON.stringify(parsed.data), ...newRecordStamp(actor, clock) });
    recordAudit(db, { at: clock.now(), actor, action: 'update', entity: 'warningRules', entityId: WARNING_RULES_KEY, before, after: parsed.data });
    return parsed.data;
  })();
}
