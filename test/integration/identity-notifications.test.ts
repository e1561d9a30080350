import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { runCli } from '../../electron/cli/run-cli';
import { fixedClock } from '../../shared/domain/clock';
import { isUid, UNRECORDED_ANALYST_UID } from '../../shared/domain/uid';
import { actAs } from '../helpers/acting';
import { insertNotifications, minimalPdf } from '../helpers/notification-fixtures';
import { emptyBackend, makeTempDir, testClock } from '../helpers/temp-store';

const TABLES = ['notification_triage', 'notification_translations', 'notification_industries', 'attachments', 'saved_searches', 'settings', 'trade_concerns'];
const SHA = 'a'.repeat(64);

const analystUid = (db: Database.Database, name: string): string => db.prepare('SELECT uid FROM analysts WHERE name = ?').pluck().get(name) as string;

/** A store at schema 170, before analysts had uids, with a row in every table of the notification side. */
function seedVersion170(db: Database.Database): { sau: number; rus: number } {
  migrate(db, testClock(), migrations.filter((m) => m.version < 180));
  const ids = insertNotifications(db, [{ symbol: 'G/TBT/N/SAU/1400' }, { symbol: 'G/SPS/N/RUS/300' }]);
  const sau = ids['G/TBT/N/SAU/1400']!;
  const rus = ids['G/SPS/N/RUS/300']!;
  db.exec(`
    INSERT INTO analysts (name, active, created_at) VALUES ('张敏', 1, '2025-01-01T00:00:00.000Z'), ('李华', 1, '2025-02-01T00:00:00.000Z');
    INSERT INTO settings (key, value) VALUES ('analystName', '"张敏"'), ('locale', '"en"'), ('internalDeadlineWorkingDays', '7'),
      ('lastFullIntegrityCheck', '"2026-01-05T00:00:00.000Z"');
    INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES
      ('2026-01-02T00:00:00.000Z', '王芳', 'triage', 'notification', '${sau}', NULL, NULL),
      ('2026-01-03T00:00:00.000Z', '李华', 'translate', 'notification', '${sau}', NULL, NULL),
      ('2026-01-04T00:00:00.000Z', '张敏', 'translate', 'notification', '${sau}', NULL, NULL);
    INSERT INTO notification_triage (notification_id, status, relevance, assignee, notes, updated_at, updated_by) VALUES
      (${sau}, 'assessing', 'high', '李华', '电动汽车测试方法', '2026-01-10T00:00:00.000Z', '张敏'),
      (${rus}, 'screening', NULL, NULL, '', '2026-01-11T00:00:00.000Z', 'analyst');
    INSERT INTO notification_industries (notification_id, industry) VALUES (${sau}, 'ev'), (${sau}, 'photovoltaic');
    INSERT INTO notification_translations (notification_id, title_zh, description_zh, translator, status, updated_at) VALUES
      (${sau}, '电动汽车技术法规', '海湾标准草案', '张敏', 'reviewed', '2026-01-04T00:00:00.000Z');
    INSERT INTO attachments (notification_id, file_name, sha256, size, media_type, added_at, added_by) VALUES
      (${sau}, 'draft.pdf', '${SHA}', 10, 'application/pdf', '2026-01-06T00:00:00.000Z', '赵六');
    INSERT INTO saved_searches (name, query, created_at, created_by) VALUES ('电池', '{"query":"电池"}', '2026-01-07T00:00:00.000Z', '张敏');
    INSERT INTO trade_concerns (title_zh, committee, members, created_at, created_by, updated_at, updated_by) VALUES
      ('欧亚经济联盟水产品限量', 'SPS', '["RUS"]', '2026-01-08T00:00:00.000Z', '张敏', '2026-01-09T00:00:00.000Z', '李华');
    INSERT INTO trade_concern_notifications (concern_id, notification_id, position) VALUES (1, ${rus}, 0);
  `);
  return { sau, rus };
}

describe('migration 0190: identity for the notification side', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = makeTempDir();
    db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'));
    configureConnection(db);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('gives every row a unique UUIDv7, keeps its data, and names analysts by uid', async () => {
    const { sau, rus } = seedVersion170(db);
    migrate(db, fixedClock('2026-11-20T02:00:00.000Z'));
    const uidOf = (name: string): string => analystUid(db, name);

    const uids: string[] = [];
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT uid, created_by, updated_by FROM ${table}`).all() as Array<{ uid: string; created_by: string; updated_by: string }>;
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        expect(isUid(r.uid), `${table} ${r.uid}`).toBe(true);
        for (const by of [r.created_by, r.updated_by]) expect(by === UNRECORDED_ANALYST_UID || isUid(by), `${table} ${by}`).toBe(true);
        uids.push(r.uid);
      }
    }
    expect(new Set(uids).size).toBe(uids.length);

    expect(db.prepare('SELECT * FROM notification_triage WHERE notification_id = ?').get(sau)).toMatchObject({
      status: 'assessing',
      relevance: 'high',
      notes: '电动汽车测试方法',
      assignee_uid: uidOf('李华'),
      // First triaged by 王芳 (the audit log says), last changed by 张敏.
      created_at: '2026-01-02T00:00:00.000Z',
      created_by: uidOf('王芳'),
      updated_at: '2026-01-10T00:00:00.000Z',
      updated_by: uidOf('张敏'),
      deleted_at: null,
    });
    expect(db.prepare('SELECT updated_by FROM notification_triage WHERE notification_id = ?').pluck().get(rus)).toBe(uidOf('analyst'));
    expect(db.prepare('SELECT * FROM notification_translations').get()).toMatchObject({
      title_zh: '电动汽车技术法规',
      status: 'reviewed',
      translator_uid: uidOf('张敏'),
      created_by: uidOf('李华'),
      updated_by: uidOf('张敏'),
    });
    expect(db.prepare('SELECT industry, updated_by FROM notification_industries ORDER BY industry').all()).toEqual([
      { industry: 'ev', updated_by: uidOf('张敏') },
      { industry: 'photovoltaic', updated_by: uidOf('张敏') },
    ]);
    // 赵六 only ever attached a file: now an analyst, inactive.
    expect(db.prepare("SELECT active FROM analysts WHERE name = '赵六'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT file_name, sha256, created_at, created_by FROM attachments').get()).toEqual({
      file_name: 'draft.pdf',
      sha256: SHA,
      created_at: '2026-01-06T00:00:00.000Z',
      created_by: uidOf('赵六'),
    });
    expect(db.prepare('SELECT name, query, created_by FROM saved_searches').get()).toEqual({ name: '电池', query: '{"query":"电池"}', created_by: uidOf('张敏') });
    expect(db.prepare('SELECT title_zh, created_at, created_by, updated_at, updated_by FROM trade_concerns').get()).toEqual({
      title_zh: '欧亚经济联盟水产品限量',
      created_at: '2026-01-08T00:00:00.000Z',
      created_by: uidOf('张敏'),
      updated_at: '2026-01-09T00:00:00.000Z',
      updated_by: uidOf('李华'),
    });
    // The analyst name setting is superseded by the acting analyst; the store check's time is the workstation's.
    expect(db.prepare("SELECT deleted_at FROM settings WHERE key = 'analystName'").pluck().get()).toBe('2026-11-20T02:00:00.000Z');
    expect(db.prepare("SELECT value FROM workstation WHERE key = 'lastFullIntegrityCheck'").pluck().get()).toBe('"2026-01-05T00:00:00.000Z"');
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'lastFullIntegrityCheck'").pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();

    // The app reads it all back with names for people and uids for records.
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true, clock: testClock() });
    try {
      const detail = backend.call('notificationsGet', { id: sau });
      expect(detail.triage).toMatchObject({ assignee: '李华', assigneeId: analystUid(backend.ctx.db, '李华'), updatedBy: '张敏', industries: ['ev', 'photovoltaic'] });
      expect(detail.translation).toMatchObject({ translator: '张敏', updatedBy: '张敏' });
      expect(detail.attachments).toMatchObject([{ fileName: 'draft.pdf', addedBy: '赵六', addedAt: '2026-01-06T00:00:00.000Z' }]);
      expect(backend.call('savedSearchesList', {})).toMatchObject([{ name: '电池', createdBy: '张敏' }]);
      expect(backend.call('tradeConcernsList', {})).toMatchObject([{ createdBy: '张敏', updatedBy: '李华', notifications: [{ symbol: 'G/SPS/N/RUS/300' }] }]);
      expect(backend.call('settingsGet', {})).toMatchObject({ locale: 'en', internalDeadlineWorkingDays: 7 });
      expect(backend.call('analystsActing', {}).name).toBe('张敏');
      expect(backend.call('notificationsList', { assignee: '李华' }).items.map((i) => i.id)).toEqual([sau]);
      expect(backend.call('notificationsList', { industries: ['ev'] }).items.map((i) => i.id)).toEqual([sau]);
    } finally {
      backend.close();
    }
    db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'));
  });
});


describe('one actor, tombstones', () => {
  let env: Awaited<ReturnType<typeof emptyBackend>>;
  let backend: Backend;
  let id: number;
  beforeEach(async () => {
    env = await emptyBackend();
    backend = env.backend;
    id = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1400' }])['G/TBT/N/SAU/1400']!;
  });
  afterEach(() => env.cleanup());

  it('records the acting analyst by uid on triage and translation, in the rows and the audit log', () => {
    const wang = actAs(backend, '王芳');
    backend.call('notificationsTriageUpdate', { id, status: 'assessing', assignee: '李华' });
    backend.call('notificationsTranslationUpdate', { id, titleZh: '铅酸蓄电池', descriptionZh: '', translator: '张敏', status: 'draft' });
    const db = backend.ctx.db;
    expect(db.prepare('SELECT created_by, updated_by FROM notification_triage').get()).toEqual({ created_by: wang.uid, updated_by: wang.uid });
    expect(db.prepare('SELECT created_by, updated_by FROM notification_translations').get()).toEqual({ created_by: wang.uid, updated_by: wang.uid });
    const audit = backend.call('auditList', { entity: 'notification', entityId: String(id) });
    expect(audit.map((a) => [a.action, a.actor, a.actorId])).toEqual([
      ['translate', '王芳', wang.uid],
      ['triage', '王芳', wang.uid],
    ]);
    const rowUid = (table: string): unknown => db.prepare(`SELECT uid FROM ${table}`).pluck().get();
    expect(audit.map((a) => a.entityUid)).toEqual([rowUid('notification_translations'), rowUid('notification_triage')]);

    // Assignee and translator are analysts by uid; a name new to the team comes in inactive.
    const detail = backend.call('notificationsGet', { id });
    const team = backend.call('analystsList', {});
    expect(detail.triage).toMatchObject({ assignee: '李华', assigneeId: team.find((a) => a.name === '李华')!.uid, updatedBy: '王芳', updatedById: wang.uid });
    expect(detail.translation).toMatchObject({ translator: '张敏', translatorId: team.find((a) => a.name === '张敏')!.uid, updatedById: wang.uid });
    expect(team.filter((a) => a.name === '李华' || a.name === '张敏').map((a) => a.active)).toEqual([false, false]);

    // Another analyst takes over: the creation stays with the first.
    const li = actAs(backend, '李华');
    backend.call('notificationsTriageUpdate', { id, status: 'commented' });
    expect(db.prepare('SELECT created_by, updated_by FROM notification_triage').get()).toEqual({ created_by: wang.uid, updated_by: li.uid });
  });

  it('leaves a tombstone for an industry taken off, and revives the same record when it is put back', () => {
    backend.call('notificationsTriageUpdate', { id, industries: ['ev', 'photovoltaic'] });
    const uidOfEv = (): unknown => backend.ctx.db.prepare("SELECT uid FROM notification_industries WHERE industry = 'ev'").pluck().get();
    const ev = uidOfEv();
    expect(backend.call('notificationsTriageUpdate', { id, industries: ['photovoltaic'] }).industries).toEqual(['photovoltaic']);
    expect(backend.call('notificationsList', { industries: ['ev'] }).total).toBe(0);
    expect(backend.ctx.db.prepare("SELECT deleted_by FROM notification_industries WHERE industry = 'ev'").pluck().get()).toBe(backend.call('analystsActing', {}).uid);
    expect(backend.call('notificationsTriageUpdate', { id, industries: ['ev', 'photovoltaic'] }).industries).toEqual(['ev', 'photovoltaic']);
    expect(uidOfEv()).toBe(ev);
    expect(backend.call('notificationsList', { industries: ['ev'] }).items.map((i) => i.id)).toEqual([id]);
  });

  it('hides a deleted saved search but keeps it, and a new search of that name is a new record', () => {
    const first = backend.call('savedSearchSave', { name: '电池', query: { query: '电池' } });
    backend.call('savedSearchDelete', { id: first.id });
    expect(backend.call('savedSearchesList', {})).toEqual([]);
    const db = backend.ctx.db;
    expect(db.prepare('SELECT name, deleted_by FROM saved_searches WHERE id = ?').get(first.id)).toEqual({ name: '电池', deleted_by: first.createdById });
    expect(() => backend.call('savedSearchRename', { id: first.id, name: '锂电池' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    const again = backend.call('savedSearchSave', { name: '电池', query: { query: '锂电池' } });
    expect(again.id).not.toBe(first.id);
    expect(backend.call('savedSearchesList', {})).toEqual([again]);
    expect(db.prepare("SELECT count(DISTINCT uid) FROM saved_searches WHERE name = '电池'").pluck().get()).toBe(2);
  });

  it('leaves a tombstone for a removed attachment, and attaching the same file again revives it', () => {
    const wang = actAs(backend, '王芳');
    const pdf = minimalPdf('GSO 2700');
    const add = (name: string) => backend.call('attachmentsAdd', { notificationId: id, fileRef: backend.ctx.staging.addUpload(name, pdf).fileRef });
    const first = add('draft.pdf').attachment;
    expect(first).toMatchObject({ addedBy: '王芳', addedById: wang.uid });
    const db = backend.ctx.db;
    const uid = db.prepare('SELECT uid FROM attachments WHERE id = ?').pluck().get(first.id);
    backend.call('attachmentsRemove', { id: first.id });
    expect(backend.call('notificationsGet', { id }).attachments).toEqual([]);
    expect(db.prepare('SELECT deleted_by FROM attachments WHERE id = ?').pluck().get(first.id)).toBe(wang.uid);
    expect(backend.invoke('attachmentsOpen', { id: first.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const again = add('draft v2.pdf');
    expect(again).toMatchObject({ alreadyAttached: false, attachment: { id: first.id, fileName: 'draft v2.pdf' } });
    expect(db.prepare('SELECT uid, deleted_at FROM attachments WHERE id = ?').get(first.id)).toEqual({ uid, deleted_at: null });
    expect(backend.call('notificationsGet', { id }).attachments.map((a) => a.fileName)).toEqual(['draft v2.pdf']);
  });

  it('writes each changed setting as its own stamped record, by the acting analyst', () => {
    const wang = actAs(backend, '王芳');
    const locale = backend.call('settingsGet', {}).locale;
    backend.call('settingsUpdate', { internalDeadlineWorkingDays: 8, locale });
    const rows = backend.ctx.db.prepare('SELECT key, uid, updated_by FROM settings WHERE deleted_at IS NULL').all() as Array<{ key: string; uid: string; updated_by: string }>;
    // Only the value that changed is written.
    expect(rows.filter((r) => r.updated_by === wang.uid).map((r) => r.key)).toEqual(['internalDeadlineWorkingDays']);
    expect(rows.every((r) => isUid(r.uid))).toBe(true);
    expect(backend.invoke('settingsUpdate', { analystName: '王芳' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the CLI --as option', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  const cli = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('records the named active analyst for that command only, and refuses one not on the list or inactive', async () => {
    expect((await cli('demo')).code).toBe(0);
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock: testClock() });
    const own = backend.call('analystsActing', {});
    const wang = actAs(backend, '王芳');
    backend.call('analystsSetActing', { uid: own.uid });
    backend.call('analystsSave', { name: '李强', active: false });
    backend.close();

    expect((await cli('triage', 'G/TBT/N/SAU/9002', '--status', 'closed', '--as', '王芳')).code).toBe(0);
    expect((await cli('triage', 'G/TBT/N/TUR/9003', '--status', 'closed')).code).toBe(0);
    const unknown = await cli('triage', 'G/TBT/N/SAU/9002', '--status', 'screening', '--as', '无名氏');
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('as: 无名氏 is not on the analyst list') });
    const inactive = await cli('triage', 'G/TBT/N/SAU/9002', '--status', 'screening', '--as', '李强', '--json');
    expect(inactive.code).toBe(1);
    expect(JSON.parse(inactive.out)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'), { readonly: true });
    try {
      const by = (symbol: string): unknown =>
        db.prepare('SELECT t.status, t.updated_by FROM notification_triage t JOIN notifications n ON n.id = t.notification_id WHERE n.symbol = ?').get(symbol);
      expect(by('G/TBT/N/SAU/9002')).toEqual({ status: 'closed', updated_by: wang.uid });
      expect(by('G/TBT/N/TUR/9003')).toEqual({ status: 'closed', updated_by: own.uid });
      // --as acted for its command only: the workstation still acts as before.
      expect(db.prepare("SELECT value FROM workstation WHERE key = 'actingAnalyst'").pluck().get()).toBe(own.uid);
    } finally {
      db.close();
    }
  });
});
