import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { addAnalysts, AUTHOR, by, REVIEWER } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { emptyBackend } from '../helpers/temp-store';

describe('one actor model', () => {
  let backend: Backend;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ backend, cleanup } = await emptyBackend());
    addAnalysts(backend);
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/SAU/1500', { distributionDate: '2026-01-15' })]);
  });
  afterEach(() => cleanup());

  it('records the acting analyst by uid across triage, translation and comments, and in the audit log', () => {
    const db = backend.ctx.db;
    const uidOf = (name: string): string => backend.call('analystsList', {}).find((a) => a.name === name)!.uid;
    const id = db.prepare("SELECT id FROM notifications WHERE symbol = 'G/TBT/N/SAU/1500'").pluck().get() as number;

    by(backend, REVIEWER).call('notificationsTriageUpdate', { id, status: 'assessing' });
    by(backend, AUTHOR).call('notificationsTranslationUpdate', { id, titleZh: '沙特电动汽车法规', descriptionZh: '', translator: '', status: 'draft' });
    const comment = by(backend, REVIEWER).call('commentsCreate', { target: { kind: 'notification', notificationId: id } });

    expect(db.prepare('SELECT updated_by FROM notification_triage WHERE notification_id = ?').pluck().get(id)).toBe(uidOf(REVIEWER));
    expect(db.prepare('SELECT updated_by FROM notification_translations WHERE notification_id = ?').pluck().get(id)).toBe(uidOf(AUTHOR));
    expect(db.prepare('SELECT created_by FROM comments WHERE id = ?').pluck().get(comment.id)).toBe(uidOf(REVIEWER));
    expect(comment.authorUid).toBe(uidOf(REVIEWER));

    const audit = db
      .prepare("SELECT action, entity, actor_id FROM audit_log WHERE action IN ('triage', 'translate') OR entity = 'comment' ORDER BY id")
      .all() as Array<{ action: string; entity: string; actor_id: string }>;
    expect(audit.map((a) => [a.action, a.entity, a.actor_id])).toEqual([
      ['triage', 'notification', uidOf(REVIEWER)],
      ['translate', 'notification', uidOf(AUTHOR)],
      ['create', 'comment', uidOf(REVIEWER)],
    ]);
    // Nothing names an analyst any other way.
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE actor_id IS NULL OR actor_id NOT IN (SELECT uid FROM analysts)").pluck().get()).toBe(0);
  });
});
