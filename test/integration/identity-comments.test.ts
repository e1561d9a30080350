import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { acceptVersion, type ArrivingVersion } from '../../electron/backend/comments/version-arrival';
import { configureConnection, DATABASE_FILE, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import type { ChannelOutput } from '../../shared/contract';
import { fixedClock } from '../../shared/domain/clock';
import { isUid, UNRECORDED_ANALYST_UID, uidAt } from '../../shared/domain/uid';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, point, submit } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend, makeTempDir, testClock, TEST_NOW } from '../helpers/temp-store';

const COMMENT_TABLES = [
  'comments',
  'comment_versions',
  'comment_events',
  'comment_outcomes',
  'comment_followups',
  'comment_language_marks',
  'comment_templates',
] as const;

function refused(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const snapshot = (keys: string[], concern: string) =>
  JSON.stringify({
    titleZh: '关于沙特冰箱能效法规的评议意见',
    titleEn: 'Comments on G/TBT/N/SAU/1402',
    points: keys.map((key) => ({ key, templateCode: null, ...point(Number(key.slice(1)), { concernEn: `${concern} ${key}` }) })),
  });

/** A store at schema version 170 with two comments written the old way: names everywhere. */
function seedAt170(db: Database.Database): void {
  migrate(db, testClock(), migrations.filter((m) => m.version <= 170));
  db.exec(`
    INSERT INTO analysts (name, active, created_at) VALUES ('张敏', 1, '2025-01-02T00:00:00.000Z'), ('李强', 1, '2025-01-03T00:00:00.000Z');
    INSERT INTO notifications (id, symbol, area, member_code, base_symbol, doc_type, title, distribution_date, source, created_at, updated_at) VALUES
      (1, 'G/TBT/N/SAU/1402', 'TBT', 'SAU', 'G/TBT/N/SAU/1402', 'regular', 'Refrigerators', '2025-01-10', 'manual', 'x', 'x'),
      (2, 'G/TBT/N/SAU/1402/Add.1', 'TBT', 'SAU', 'G/TBT/N/SAU/1402', 'addendum', 'Refrigerators', '2025-06-01', 'manual', 'x', 'x'),
      (3, 'G/TBT/N/KAZ/51', 'TBT', 'KAZ', 'G/TBT/N/KAZ/51', 'regular', 'Batteries', '2025-02-01', 'manual', 'x', 'x');
    INSERT INTO comments (id, notification_id, author, status, title_zh, title_en, current_version, next_point_no,
        submission_date, submission_channel, submission_reference, created_at, updated_at) VALUES
      (1, 1, '张敏', 'submitted', '关于沙特冰箱能效法规的评议意见', 'Comments on G/TBT/N/SAU/1402', 3, 3,
        '2025-02-20', 'enquiry-point', 'CHN/TBT/2025/001', '2025-02-01T01:00:00.000Z', '2025-02-20T09:00:00.000Z'),
      (2, 3, '李强', 'draft', '', '', 1, 1, NULL, NULL, NULL, '2025-03-01T01:00:00.000Z', '2025-03-01T01:00:00.000Z');
  `);
  const version = db.prepare(
    'INSERT INTO comment_versions (comment_id, version, author, created_at, updated_at, autosave, note, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  version.run(1, 1, '张敏', '2025-02-01T01:00:00.000Z', '2025-02-01T01:00:00.000Z', 0, 'created', snapshot([], ''));
  version.run(1, 2, '张敏', '2025-02-02T01:00:00.000Z', '2025-02-02T01:00:00.000Z', 1, '', snapshot(['p1', 'p2'], 'first'));
  version.run(1, 3, '李强', '2025-02-03T01:00:00.000Z', '2025-02-03T01:00:00.000Z', 0, '', snapshot(['p2', 'p1'], 'second'));
  version.run(2, 1, '李强', '2025-03-01T01:00:00.000Z', '2025-03-01T01:00:00.000Z', 0, 'created', snapshot([], ''));
  db.exec(`
    INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note, version) VALUES
      (1, '2025-02-01T01:00:00.000Z', '张敏', NULL, 'draft', '', 1),
      (1, '2025-02-10T01:00:00.000Z', '张敏', 'draft', 'in_review', '', 3),
      (1, '2025-02-12T01:00:00.000Z', '李强', 'in_review', 'approved', '', 3),
      (1, '2025-02-20T09:00:00.000Z', '张敏', 'approved', 'submitted', '', 3),
      (2, '2025-03-01T01:00:00.000Z', '李强', NULL, 'draft', '', 1);
    INSERT INTO comment_outcomes (comment_id, point_key, outcome, outcome_date, evidence_kind, evidence_notification_id, evidence_date,
        note, recorded_at, recorded_by) VALUES
      (1, 'p1', 'adopted', '2025-06-01', 'notification', 2, '2025-06-01', '', '2025-06-05T00:00:00.000Z', '李强');
    INSERT INTO comment_followups (comment_id, notification_id, detected_at, acknowledged_by, acknowledged_at) VALUES
      (1, 2, '2025-06-02T00:00:00.000Z', '李强', '2025-06-05T00:00:00.000Z');
    INSERT INTO comment_language_marks (comment_id, point_key, part, stale, marked_at, marked_by) VALUES
      (1, 'p2', 'concern', 'zh', '2025-02-03T01:00:00.000Z', '李强');
    UPDATE comment_templates SET proposal_en = 'Our own wording', updated_by = '李强', updated_at = '2025-01-20T00:00:00.000Z'
      WHERE code = 'comment-period';
    INSERT INTO comment_templates (code, name_zh, name_en, built_in, updated_at, updated_by)
      VALUES ('labelling-language', '接受英文标签', 'Accept English labels', 0, '2025-01-21T00:00:00.000Z', '张敏');
  `);
}

describe('migration 0200 on a store from schema version 170', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = makeTempDir();
    db = new Database(path.join(tmp.dir, DATABASE_FILE));
    configureConnection(db);
    seedAt170(db);
    migrate(db, testClock());
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const uidOf = (name: string): string => db.prepare('SELECT uid FROM analysts WHERE name = ?').pluck().get(name) as string;

  it('gives every row of the comment tables a unique UUIDv7, dated by the row, with stamps', () => {
    const all: string[] = [];
    for (const table of COMMENT_TABLES) {
      const rows = db.prepare(`SELECT uid, created_at, created_by, updated_at, updated_by, deleted_at FROM ${table}`).all() as Array<Record<string, string | null>>;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(isUid(r.uid), `${table} ${String(r.uid)}`).toBe(true);
        expect(r.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(r.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(r.deleted_at).toBeNull();
        all.push(r.uid!);
      }
    }
    expect(new Set(all).size).toBe(all.length);
    // A uid carries the instant the record was made.
    const comment = db.prepare('SELECT uid, created_at FROM comments WHERE id = 1').get() as { uid: string; created_at: string };
    expect(comment.uid.slice(0, 13)).toBe(uidAt(comment.created_at).slice(0, 13));
  });

  it('turns every name into the analyst uid, and built-in templates nobody edited into the unrecorded analyst', () => {
    const [zhang, li] = [uidOf(AUTHOR), uidOf(REVIEWER)];
    expect(db.prepare('SELECT id, created_by, updated_by FROM comments ORDER BY id').all()).toEqual([
      { id: 1, created_by: zhang, updated_by: zhang },
      { id: 2, created_by: li, updated_by: li },
    ]);
    expect(db.prepare('SELECT version, created_by FROM comment_versions WHERE comment_id = 1 ORDER BY version').all()).toEqual([
      { version: 1, created_by: zhang },
      { version: 2, created_by: zhang },
      { version: 3, created_by: li },
    ]);
    expect(db.prepare('SELECT to_status, created_by FROM comment_events WHERE comment_id = 1 ORDER BY id').all()).toEqual([
      { to_status: 'draft', created_by: zhang },
      { to_status: 'in_review', created_by: zhang },
      { to_status: 'approved', created_by: li },
      { to_status: 'submitted', created_by: zhang },
    ]);
    expect(db.prepare('SELECT recorded_by, created_by FROM comment_outcomes').get()).toEqual({ recorded_by: li, created_by: li });
    expect(db.prepare('SELECT acknowledged_by, created_by, updated_by FROM comment_followups').get()).toEqual({
      acknowledged_by: li,
      created_by: UNRECORDED_ANALYST_UID,
      updated_by: li,
    });
    expect(db.prepare('SELECT marked_by FROM comment_language_marks').pluck().get()).toBe(li);
    const templates = db.prepare('SELECT code, created_by, updated_by FROM comment_templates').all() as Array<{ code: string; created_by: string; updated_by: string }>;
    const byCode = new Map(templates.map((t) => [t.code, t]));
    expect(byCode.get('international-test-methods')).toMatchObject({ created_by: UNRECORDED_ANALYST_UID, updated_by: UNRECORDED_ANALYST_UID });
    expect(byCode.get('comment-period')).toMatchObject({ created_by: UNRECORDED_ANALYST_UID, updated_by: li });
    expect(byCode.get('labelling-language')).toMatchObject({ created_by: zhang, updated_by: zhang });
    // The name columns are gone: records keep uids, names come from the analyst list.
    const columns = (table: string): string[] => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('comments')).not.toContain('author');
    expect(columns('comment_versions')).not.toContain('author');
    expect(columns('comment_events')).not.toContain('actor');
  });

  it('gives each point a uid that stays with its key across versions, and keeps every text', () => {
    const versions = (db.prepare('SELECT version, snapshot FROM comment_versions WHERE comment_id = 1 ORDER BY version').all() as Array<{ version: number; snapshot: string }>).map(
      (v) => JSON.parse(v.snapshot) as { titleZh: string; points: Array<Record<string, string>> },
    );
    const [, second, third] = versions;
    expect(second!.points.map((p) => p.key)).toEqual(['p1', 'p2']);
    for (const p of [...second!.points, ...third!.points]) expect(isUid(p.uid)).toBe(true);
    const uidOfKey = (points: Array<Record<string, string>>, key: string) => points.find((p) => p.key === key)!.uid;
    expect(uidOfKey(third!.points, 'p1')).toBe(uidOfKey(second!.points, 'p1'));
    expect(uidOfKey(third!.points, 'p2')).toBe(uidOfKey(second!.points, 'p2'));
    expect(uidOfKey(second!.points, 'p1')).not.toBe(uidOfKey(second!.points, 'p2'));
    // The texts are as they were, the uid added after the key.
    const { uid: _uid, ...rest } = third!.points[0]!;
    expect(rest).toEqual({ key: 'p2', templateCode: null, ...point(2, { concernEn: 'second p2' }) });
    expect(Object.keys(third!.points[0]!).slice(0, 3)).toEqual(['key', 'uid', 'templateCode']);
    expect(third!.titleZh).toBe('关于沙特冰箱能效法规的评议意见');
  });

  it('names the version each workflow step saw by uid', () => {
    const rows = db
      .prepare('SELECT e.version, e.version_uid, v.uid FROM comment_events e JOIN comment_versions v ON v.comment_id = e.comment_id AND v.version = e.version')
      .all() as Array<{ version_uid: string; uid: string }>;
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.version_uid).toBe(r.uid);
  });

  it('serves the migrated comments with names, uids and the same outcomes and flags', async () => {
    db.close();
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true, clock: testClock() });
    try {
      const c = backend.call('commentsGet', { id: 1, today: '2025-07-01' });
      expect(c).toMatchObject({ author: AUTHOR, reviewer: REVIEWER, status: 'submitted', version: 3 });
      expect(c.events.map((e) => e.actor)).toEqual([AUTHOR, AUTHOR, REVIEWER, AUTHOR]);
      expect(c.pointOutcomes).toEqual([expect.objectContaining({ pointKey: 'p1', outcome: 'adopted', recordedBy: REVIEWER })]);
      expect(c.followups).toEqual([expect.objectContaining({ symbol: 'G/TBT/N/SAU/1402/Add.1', acknowledgedBy: REVIEWER })]);
      expect(c.languageMarks).toEqual([expect.objectContaining({ pointKey: 'p2', markedBy: REVIEWER })]);
      expect(backend.call('commentsVersions', { id: 1 }).map((v) => [v.version, v.author])).toEqual([
        [3, REVIEWER],
        [2, AUTHOR],
        [1, AUTHOR],
      ]);
      const own = backend.call('commentTemplatesList', {}).find((t) => t.code === 'labelling-language');
      expect(own).toMatchObject({ updatedBy: AUTHOR });
    } finally {
      backend.close();
      db = new Database(path.join(tmp.dir, DATABASE_FILE));
    }
  });
});

describe('comments under one actor, by uid', () => {
  let env: Awaited<ReturnType<typeof emptyBackend>>;
  let backend: Backend;
  let notificationId: number;
  beforeEach(async () => {
    env = await emptyBackend();
    backend = env.backend;
    addAnalysts(backend);
    notificationId = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/SAU/1500', title: 'Lead-acid batteries', distributionDate: '2026-01-15', commentDeadline: '2026-12-31' },
    ])['G/TBT/N/SAU/1500']!;
  });
  afterEach(() => env.cleanup());

  const db = () => backend.ctx.db;
  const uidOf = (name: string): string => backend.call('analystsList', {}).find((a) => a.name === name)!.uid;
  const draft = (): ChannelOutput<'commentsGet'> => {
    const c = backend.call('commentsCreate', { target: { kind: 'notification', notificationId } });
    return backend.call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 't', titleEn: 't', points: [point(1), point(2)] });
  };

  it('records the acting analyst by uid on the comment, its versions, its steps and in the audit log', () => {
    const c = draft();
    const zhang = uidOf(AUTHOR);
    expect(c).toMatchObject({ author: AUTHOR, authorUid: zhang });
    expect(isUid(c.uid)).toBe(true);
    expect(db().prepare('SELECT created_by, updated_by FROM comments WHERE id = ?').get(c.id)).toEqual({ created_by: zhang, updated_by: zhang });
    expect(db().prepare('SELECT DISTINCT created_by FROM comment_versions WHERE comment_id = ?').pluck().all(c.id)).toEqual([zhang]);
    expect(c.events[0]).toMatchObject({ actor: AUTHOR, actorUid: zhang, versionUid: expect.any(String) });
    const audit = db().prepare("SELECT actor_id, entity_uid FROM audit_log WHERE entity = 'comment' AND entity_id = ?").all(String(c.id));
    expect(audit.length).toBeGreaterThan(1);
    for (const a of audit) expect(a).toEqual({ actor_id: zhang, entity_uid: c.uid });
  });

  it('keeps a deleted draft as a tombstone: not found, not listed, not counted, with its history', () => {
    const c = draft();
    by(backend, REVIEWER);
    expect(backend.call('commentsDelete', { id: c.id })).toEqual({ deleted: true });

    expect(refused(() => backend.call('commentsGet', { id: c.id })).code).toBe('NOT_FOUND');
    expect(backend.call('commentsList', {}).items).toEqual([]);
    expect(backend.call('commentsDashboard', {}).byStatus.draft).toBe(0);
    expect(backend.call('commentsList', { notificationId }).total).toBe(0);
    expect(refused(() => backend.call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: '', titleEn: '', points: [] })).code).toBe('NOT_FOUND');
    // Kept: the row with who deleted it and when, its versions and steps.
    const row = db().prepare('SELECT uid, deleted_at, deleted_by FROM comments WHERE id = ?').get(c.id);
    expect(row).toEqual({ uid: c.uid, deleted_at: expect.stringMatching(/^\d{4}-/), deleted_by: uidOf(REVIEWER) });
    expect(db().prepare('SELECT count(*) FROM comment_versions WHERE comment_id = ?').pluck().get(c.id)).toBe(2);
    expect(db().prepare('SELECT count(*) FROM comment_events WHERE comment_id = ?').pluck().get(c.id)).toBe(1);
    expect(backend.call('auditList', { entity: 'comment', entityId: String(c.id), limit: 1 })[0]).toMatchObject({
      action: 'delete',
      actor: REVIEWER,
      actorId: uidOf(REVIEWER),
      entityUid: c.uid,
    });
    // The notification is free for a new comment.
    expect(backend.call('commentsCreate', { target: { kind: 'notification', notificationId } }).id).not.toBe(c.id);
  });

  it('leaves a submitted comment that was deleted as a draft elsewhere out of the statistics', () => {
    const sent = submit(backend, draft(), '2026-03-01');
    expect(backend.call('commentsStats', {}).totals.awaiting).toBe(1);
    // A tombstone is what a later exchange may bring for any comment; statistics leave it out.
    db().prepare("UPDATE comments SET deleted_at = '2026-11-20T00:00:00.000Z', deleted_by = ? WHERE id = ?").run(uidOf(AUTHOR), sent.id);
    expect(backend.call('commentsStats', {}).totals.awaiting).toBe(0);
    expect(backend.call('commentsDashboard', {}).outcomes.awaiting).toBe(0);
  });

  it('refuses approval by the author by uid, and records the second analyst by uid', () => {
    let c = backend.call('commentsTransition', { id: draft().id, to: 'in_review', baseVersion: 2 });
    const e = refused(() => backend.call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(`${AUTHOR} wrote this comment and cannot approve it`);
    expect(e.details).toMatchObject({ author: uidOf(AUTHOR) });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    expect(c).toMatchObject({ reviewer: REVIEWER, reviewerUid: uidOf(REVIEWER), authorUid: uidOf(AUTHOR) });
    expect(c.events.at(-1)).toMatchObject({ toStatus: 'approved', actorUid: uidOf(REVIEWER), versionUid: expect.any(String) });
  });

  it('folds autosaves into one version that keeps its uid, so the audit trail names a version that exists', () => {
    const c = draft();
    const autosave = (concernEn: string, base: number) =>
      backend.call('commentsSave', { id: c.id, baseVersion: base, autosave: true, titleZh: 't', titleEn: 't', points: [{ key: 'p1', ...point(1, { concernEn }) }] });
    const first = autosave('one', c.version);
    const second = autosave('two', first.version);
    const third = autosave('three', second.version);
    expect([first.version, second.version, third.version]).toEqual([3, 4, 5]);
    const versions = backend.call('commentsVersions', { id: c.id });
    // The three autosaves are one version, numbered as the last write.
    expect(versions.map((v) => [v.version, v.autosave])).toEqual([
      [5, true],
      [2, false],
      [1, false],
    ]);
    const entries = backend.call('auditList', { entity: 'comment', entityId: String(c.id), limit: 50 });
    const named = entries.map((a) => (a.after as { versionUid?: string } | null)?.versionUid).filter((u): u is string => u !== undefined);
    expect(named.length).toBeGreaterThanOrEqual(3);
    const kept = new Set(db().prepare('SELECT uid FROM comment_versions WHERE comment_id = ?').pluck().all(c.id) as string[]);
    for (const uid of named) expect(kept.has(uid)).toBe(true);
    const autosaveEntry = entries.find((a) => a.action === 'autosave');
    expect((autosaveEntry?.after as { versionUid: string }).versionUid).toBe(versions[0]!.uid);
    expect(backend.call('commentsVersionGet', { id: c.id, version: 5 }).content.points[0]!.concernEn).toBe('three');
  });

  it('numbers versions that arrive from another workstation after its own, keeping every one', () => {
    const c = draft();
    const local = backend.call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 't3', titleEn: 't3', points: c.content.points });
    expect(local.version).toBe(3);
    const clock = fixedClock(TEST_NOW);
    const zhang = uidOf(AUTHOR);
    const elsewhere = (uid: string, number: number, title: string, keys: string[]): ArrivingVersion => ({
      uid,
      commentUid: c.uid,
      number,
      createdAt: '2026-11-19T08:00:00.000Z',
      createdBy: zhang,
      updatedAt: '2026-11-19T08:00:00.000Z',
      updatedBy: zhang,
      autosave: false,
      note: 'made elsewhere',
      content: { titleZh: title, titleEn: title, points: keys.map((key) => ({ key, uid: uidAt('2026-11-19T08:00:00.000Z'), templateCode: null, ...point(1) })) },
    });
    const a = elsewhere(uidAt('2026-11-19T08:00:00.000Z'), 2, 'from A', ['p1', 'p7']);
    const b = elsewhere(uidAt('2026-11-19T09:00:00.000Z'), 3, 'from B', ['p1']);
    const actor = actingAnalyst(db());
    // Their numbers (2 and 3) are taken here: they get the next free ones.
    expect(acceptVersion(db(), actor, a, clock)).toEqual({ version: 4, added: true });
    expect(acceptVersion(db(), actor, b, clock)).toEqual({ version: 5, added: true });
    // The same version arriving again adds nothing.
    expect(acceptVersion(db(), actor, a, clock)).toEqual({ version: 4, added: false });
    // A version with a uid that is not one, or by an analyst unknown here, is refused, and nothing is written.
    const before = db().prepare('SELECT count(*) FROM comment_versions').pluck().get();
    expect(() => acceptVersion(db(), actor, { ...b, uid: 'not-a-uid' }, clock)).toThrow(/uid: not-a-uid is not a version uid/);
    expect(() => acceptVersion(db(), actor, { ...b, uid: uidAt(TEST_NOW), createdBy: uidAt(TEST_NOW) }, clock)).toThrow(/createdBy: .* is not on the analyst list/);
    expect(() => acceptVersion(db(), actor, { ...b, uid: uidAt(TEST_NOW), content: { titleZh: 1 } }, clock)).toThrow(/^content: /);
    expect(db().prepare('SELECT count(*) FROM comment_versions').pluck().get()).toBe(before);

    // The current text stays as it was; a local save afterwards takes the next number.
    expect(backend.call('commentsGet', { id: c.id })).toMatchObject({ version: 3, titleZh: 't3' });
    const next = backend.call('commentsSave', { id: c.id, baseVersion: 3, titleZh: 't6', titleEn: 't6', points: [...local.content.points, point(9)] });
    expect(next.version).toBe(6);
    // The arrived p7 is reserved: the new point is p8.
    expect(next.content.points.map((p) => p.key)).toEqual(['p1', 'p2', 'p8']);
    const listed = backend.call('commentsVersions', { id: c.id });
    expect(listed.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(new Set(listed.map((v) => v.uid)).size).toBe(6);
    expect(listed.find((v) => v.version === 4)).toMatchObject({ uid: a.uid, note: 'made elsewhere', author: AUTHOR });
    expect(backend.call('commentsVersionGet', { id: c.id, version: 5 }).content.titleZh).toBe('from B');
    // An arrived version can be made current by restoring it.
    const restored = backend.call('commentsRestore', { id: c.id, version: 4, baseVersion: 6 });
    expect(restored).toMatchObject({ version: 7, titleZh: 'from A' });
  });

  it('clears an outcome with a tombstone; recording it again brings back the same record', () => {
    const sent = submit(backend, draft(), '2026-03-01');
    let c = backend.call('commentsRecordOutcome', { id: sent.id, pointKey: 'p1', outcome: 'not_adopted', date: '2026-06-01' });
    const uid = c.pointOutcomes[0]!.uid;
    expect(backend.call('commentsStats', {}).totals.points.notAdopted).toBe(1);
    c = by(backend, REVIEWER).call('commentsClearOutcome', { id: sent.id, pointKey: 'p1' });
    expect(c.pointOutcomes).toEqual([]);
    expect(c.outcomes.pending).toBe(2);
    expect(backend.call('commentsStats', {}).totals.points.notAdopted).toBe(0);
    expect(db().prepare('SELECT deleted_by FROM comment_outcomes WHERE uid = ?').pluck().get(uid)).toBe(uidOf(REVIEWER));
    c = backend.call('commentsRecordOutcome', { id: sent.id, pointKey: 'p1', outcome: 'no_reply' });
    expect(c.pointOutcomes).toEqual([expect.objectContaining({ uid, outcome: 'no_reply', recordedBy: REVIEWER, recordedByUid: uidOf(REVIEWER) })]);
    expect(db().prepare('SELECT deleted_at FROM comment_outcomes WHERE uid = ?').pluck().get(uid)).toBeNull();
  });

  it('keeps a deleted template as a tombstone: gone from the list, its code still taken', () => {
    const own = backend.call('commentTemplatesSave', { code: 'labelling-language', nameZh: '接受英文标签', nameEn: 'Accept English labels' });
    expect(own).toMatchObject({ updatedBy: AUTHOR, updatedByUid: uidOf(AUTHOR) });
    expect(backend.call('commentTemplatesDelete', { id: own.id })).toEqual({ deleted: true });
    expect(backend.call('commentTemplatesList', {}).map((t) => t.code)).not.toContain('labelling-language');
    expect(db().prepare('SELECT deleted_by FROM comment_templates WHERE uid = ?').pluck().get(own.uid)).toBe(uidOf(AUTHOR));
    const e = refused(() => backend.call('commentTemplatesSave', { code: 'labelling-language', nameZh: 'x', nameEn: 'x' }));
    expect([e.code, e.message]).toEqual(['CONFLICT', expect.stringMatching(/was used by a deleted template/)]);
    expect(refused(() => backend.call('commentsInsertTemplate', { commentId: draft().id, templateId: own.id, baseVersion: 2 })).code).toBe('NOT_FOUND');
  });
});
