import type { Database } from 'better-sqlite3';
import { Settings } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp } from '../db/record-identity';

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  demoOffered: false,
  internalDeadlineWorkingDays: 5,
  workCalendar: [],
  letterContact: { organisation: '上合组织国家技术性贸易措施研究评议基地', phone: '', email: '' },
};

export function getSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE deleted_at IS NULL').all() as Array<{ key: string; value: string }>;
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (key in DEFAULT_SETTINGS) stored[key] = JSON.parse(value) as unknown;
  }
  // A value written by a future version that this one cannot read falls back to the default.
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * Change some settings. Each key is a record of its own (uid and stamps): only the keys whose
 * value changes (from what is in effect, defaults included) are written, by the acting analyst.
 */
export function updateSettings(db: Database, actor: Actor, patch: Partial<Settings>, clock: Clock): Settings {
  return db.transaction(() => {
    const before = getSettings(db);
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, uid, created_at, created_by, updated_at, updated_by)
       VALUES (@key, @value, @uid, @created_at, @created_by, @updated_at, @updated_by)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         deleted_at = NULL, deleted_by = NULL`,
    );
    for (const [key, value] of Object.entries(patch)) {
      const text = JSON.stringify(value);
      if (value !== undefined && JSON.stringify(before[key as keyof Settings]) !== text) upsert.run({ key, value: text, ...newRecordStamp(actor, clock) });
    }
    const after = getSettings(db);
    recordAudit(db, { at: clock.now(), actor, action: 'update', entity: 'settings', entityId: 'app', before, after });
    return after;
  })();
}
