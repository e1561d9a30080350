import type { Database } from 'better-sqlite3';
import type { Analyst } from '../../../shared/contract';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';

interface AnalystRow {
  name: string;
  active: number;
  created_at: string;
}

const collator = new Intl.Collator('zh');

/** The team, active analysts first, each group in pinyin order. */
export function listAnalysts(db: Database): Analyst[] {
  const rows = db.prepare('SELECT name, active, created_at FROM analysts').all() as AnalystRow[];
  return rows
    .map((r) => ({ name: r.name, active: r.active === 1, createdAt: r.created_at }))
    .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
}

/**
 * Add an analyst or change whether one is active. Names are identities in the history of every
 * comment, so they are never renamed or removed; someone who left is marked inactive.
 */
export function saveAnalyst(db: Database, actor: string, input: { name: string; active: boolean }, now: Date): Analyst[] {
  return db.transaction(() => {
    const before = db.prepare('SELECT name, active, created_at FROM analysts WHERE name = ?').get(input.name) as AnalystRow | undefined;
    if (before && (before.active === 1) === input.active) return listAnalysts(db);
    db.prepare(
      `INSERT INTO analysts (name, active, created_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET active = excluded.active`,
    ).run(input.name, input.active ? 1 : 0, now.toISOString());
    recordAudit(db, {
      at: now,
      actor,
      action: before ? 'update' : 'create',
      entity: 'analyst',
      entityId: input.name,
      before: before ? { active: before.active === 1 } : undefined,
      after: { active: input.active },
    });
    return listAnalysts(db);
  })();
}

/**
 * The analyst acting on a write ("acting as" in the app): must be on the team list and active.
 * There are no passwords in this offline tool; the name is what the history records.
 */
export function requireActiveAnalyst(db: Database, name: string, field = 'actor'): string {
  const row = db.prepare('SELECT active FROM analysts WHERE name = ?').get(name) as { active: number } | undefined;
  if (!row) {
    const message = `${name} is not on the analyst list; add them under Settings → analysts first`;
    throw new AppError('VALIDATION', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
  if (row.active !== 1) {
    const message = `${name} is marked inactive on the analyst list and cannot act on comments`;
    throw new AppError('VALIDATION', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
  return name;
}
