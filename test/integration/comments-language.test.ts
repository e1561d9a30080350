import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, point } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let comment: ChannelOutput<'commentsGet'>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1500', title: 'Lead-acid batteries', distributionDate: '2026-01-15' }]);
  comment = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/SAU/1500']! } });
  comment = save(comment, [point(1), point(2, { proposalZh: '', proposalEn: '' })]);
});
afterEach(() => env.cleanup());

function save(c: ChannelOutput<'commentsGet'>, points: Array<Record<string, string>>, actor = AUTHOR): ChannelOutput<'commentsGet'> {
  return by(backend, actor).call('commentsSave', {
    id: c.id,
    baseVersion: c.version,
    titleZh: 't',
    titleEn: 't',
    points: points.map((p, i) => ({ ...(c.content.points[i] ? { key: c.content.points[i]!.key } : {}), ...p })),
  });
}

describe('Chinese and English of a point', () => {
  it('marks the English as possibly out of date when the Chinese is rewritten, and keeps the mark in the store', () => {
    const c = save(comment, [point(1, { concernZh: '关注问题1：试验方法应采用IEC 62552' }), point(2, { proposalZh: '', proposalEn: '' })], REVIEWER);
    expect(c.languageMarks).toEqual([{ pointKey: 'p1', part: 'concern', stale: 'en', markedAt: expect.any(String), markedBy: REVIEWER, markedByUid: backend.call('analystsActing', {}).uid }]);
    const stored = backend.ctx.db.prepare('SELECT point_key, part, stale FROM comment_language_marks WHERE comment_id = ?').all(c.id);
    expect(stored).toEqual([{ point_key: 'p1', part: 'concern', stale: 'en' }]);
    expect(backend.call('commentsGet', { id: c.id }).languageMarks).toEqual(c.languageMarks);
  });

  it('sets no mark for a first translation or a change of spacing', () => {
    const c = save(comment, [point(1, { concernEn: ' Concern  1 ' }), point(2, { proposalZh: '修改建议2', proposalEn: '' })]);
    expect(c.languageMarks).toEqual([]);
  });

  it('settles the mark when the marked side is updated, without marking the other side', () => {
    let c = save(comment, [point(1, { rationaleEn: 'Article 2.4 and 2.12' }), point(2, { proposalZh: '', proposalEn: '' })]);
    expect(c.languageMarks.map((m) => [m.pointKey, m.part, m.stale])).toEqual([['p1', 'rationale', 'zh']]);
    c = save(c, [point(1, { rationaleEn: 'Article 2.4 and 2.12', rationaleZh: '第2.4条和第2.12条' }), point(2, { proposalZh: '', proposalEn: '' })]);
    expect(c.languageMarks).toEqual([]);
  });

  it('lets the author confirm that the marked side still matches, and keeps who confirmed in the audit log', () => {
    const c = save(comment, [point(1, { clauseZh: '第1条第2款' }), point(2, { proposalZh: '', proposalEn: '' })]);
    const confirmed = by(backend, AUTHOR).call('commentsConfirmLanguage', { id: c.id, pointKey: 'p1', part: 'clause' });
    expect(confirmed.languageMarks).toEqual([]);
    expect(backend.call('auditList', { entity: 'comment', entityId: String(c.id) }).map((a) => a.action)).toContain('confirm-translation');
    try {
      by(backend, AUTHOR).call('commentsConfirmLanguage', { id: c.id, pointKey: 'p1', part: 'clause' });
      throw new Error('expected NOT_FOUND');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('NOT_FOUND');
    }
  });

  it('drops the marks of a point that is removed', () => {
    const c = save(comment, [point(1, { clauseZh: '第1条第2款' }), point(2, { proposalZh: '', proposalEn: '' })]);
    const removed = by(backend, AUTHOR).call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 't', titleEn: 't', points: [{ key: 'p2', ...point(2) }] });
    expect(removed.languageMarks).toEqual([]);
  });
});
