import type { Database } from 'better-sqlite3';
import { Settings } from '../../../shared/contract';
import { recordAudit } from '../audit/audit-log';

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  analystName: '',
  demoOffered: false,
  internalDeadlineWorkingDays: 5,
  workCalendar: [],
};

export function getSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (key in DEFAULT_SETTINGS) stored[key] = JSON.parse(value) as unknown;
  }
  // A value written by a future version that this one cannot read falls back to the default.
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The name recorded in the audit log for changes made on this workstation. */
export function currentActor(db: Database): string {
  return getSettings(db).analystName || 'analyst';
}

export function updateSettings(db: Database, patch: Partial<Settings>, now: Date): Settings {
  return db.transaction(() => {
    const before = getSettings(db);
    const upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    const after = getSettings(db);
    recordAudit(db, { at: now, actor: currentActor(db), action: 'update', entity: 'settings', entityId: 'app', before, after });
    return after;
  })();
}
