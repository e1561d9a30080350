import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let ids: Record<string, number>;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1320' }, { symbol: 'G/TBT/N/ARE/610' }]);
});
afterEach(() => {
  vi.restoreAllMocks();
  env.cleanup();
});

/** The statements appInfo prepares during `fn`, passed through to the real connection. */
function statementsDuring(fn: () => void): string[] {
  const db = backend.ctx.db;
  const prepare = db.prepare.bind(db);
  const seen: string[] = [];
  const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    seen.push(sql.replace(/\s+/g, ' ').trim());
    return prepare(sql);
  }) as typeof db.prepare);
  fn();
  spy.mockRestore();
  return seen;
}

const readsNotifications = (statements: string[]): string[] => statements.filter((sql) => /FROM notifications/.test(sql));

describe('app info', () => {
  it('does not count the notifications again after a write of another entity', () => {
    expect(backend.call('appInfo', {}).counts.notifications).toBe(2);
    backend.call('savedSearchSave', { name: '沙特', query: { memberCodes: ['SAU'] } });
    backend.call('notificationsTriageUpdate', { id: ids['G/TBT/N/SAU/1320']!, status: 'assessing' });
    const statements = statementsDuring(() => backend.call('appInfo', {}));
    expect(readsNotifications(statements)).toEqual([]);
    // Only the audit entries added since the last count are counted.
    expect(statements.filter((sql) => /FROM audit_log/.test(sql))).toEqual(['SELECT count(*) AS n, max(id) AS last FROM audit_log WHERE id > ?']);
  });

  it('counts the notifications again after a change to them, and audit entries after every write', () => {
    const before = backend.call('appInfo', {});
    backend.call('notificationsTriageUpdate', { id: ids['G/TBT/N/SAU/1320']!, status: 'assessing' });
    const afterTriage = backend.call('appInfo', {});
    expect(afterTriage.counts).toEqual({ ...before.counts, auditEntries: before.counts.auditEntries + 1 });

    const created = backend.call('notificationsCreate', { area: 'TBT', memberCode: 'UZB', title: 'Low-voltage equipment', distributionDate: '2026-03-10', commentDeadline: null });
    let info = afterTriage;
    const statements = statementsDuring(() => (info = backend.call('appInfo', {})));
    expect(readsNotifications(statements).length).toBeGreaterThan(0);
    expect(info.counts).toEqual({ ...afterTriage.counts, notifications: 3, auditEntries: afterTriage.counts.auditEntries + 1 });
    expect(backend.call('auditList', { entity: 'notification', entityId: String(created.id) })).toHaveLength(1);
  });

  it('keeps the figures it has until a change can have moved them', () => {
    expect(backend.call('appInfo', {}).counts.notifications).toBe(2);
    // Rows written behind the backend's back, with no change reported: the kept count stands.
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/KAZ/51', source: 'demo' }]);
    backend.call('settingsUpdate', { internalDeadlineWorkingDays: 7 });
    expect(backend.call('appInfo', {})).toMatchObject({ counts: { notifications: 2 }, demoLoaded: false });
    backend.ctx.emit('dataChanged', { entity: 'notifications' });
    expect(backend.call('appInfo', {})).toMatchObject({ counts: { notifications: 3 }, demoLoaded: true });
  });

  it('starts from nothing known after a restore', async () => {
    expect(backend.call('appInfo', {}).counts.notifications).toBe(2);
    backend.call('backupsCreate', {});
    await backend.ctx.backups.settle();
    backend.call('notificationsCreate', { area: 'TBT', memberCode: 'UZB', title: 'Low-voltage equipment', distributionDate: '2026-03-10', commentDeadline: null });
    expect(backend.call('appInfo', {}).counts.notifications).toBe(3);
    backend.call('backupsRestore', { id: backend.call('backupsList', {}).backups[0]!.id });
    expect(backend.call('appInfo', {}).counts.notifications).toBe(2);
  });
});
