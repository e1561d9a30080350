import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';
import type { Clock } from '../../shared/domain/clock';
import type { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, point } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let comment: ChannelOutput<'commentsGet'>;

/** The backend's clock, moved by hand: the autosave window is a matter of minutes between saves. */
let instant = 0;
const clock: Clock = { now: () => new Date(instant) };
const at = (time: string): void => {
  instant = Date.parse(`2026-03-10T${time}Z`);
};

beforeEach(async () => {
  at('08:00:00');
  env = await emptyBackend(clock);
  backend = env.backend;
  addAnalysts(backend);
  const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/TUR/220', title: 'Regulation on fertilizers' }]);
  comment = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/TUR/220']! } });
});
afterEach(() => {
  env.cleanup();
});

type SaveOptions = { actor?: string; autosave?: boolean; base?: number };

function save(points: ReturnType<typeof point>[], options: SaveOptions = {}) {
  const current = backend.call('commentsGet', { id: comment.id });
  return by(backend, options.actor ?? AUTHOR).call('commentsSave', {
    id: comment.id,
    baseVersion: options.base ?? current.version,
    autosave: options.autosave ?? false,
    titleZh: current.content.titleZh,
    titleEn: current.content.titleEn,
    points: points.map((p, i) => (current.content.points[i] ? { key: current.content.points[i]!.key, ...p } : p)),
  });
}

describe('comment versions', () => {
  it('keeps one version per explicit save', () => {
    save([point(1)]);
    save([point(1), point(2)]);
    expect(backend.call('commentsVersions', { id: comment.id }).map((v) => [v.version, v.autosave, v.pointCount])).toEqual([
      [3, false, 2],
      [2, false, 1],
      [1, false, 0],
    ]);
  });

  it('coalesces autosaves by the same analyst within two minutes into one version', () => {
    const first = save([point(1, { concernEn: 'The test' })], { autosave: true });
    at('08:00:40');
    save([point(1, { concernEn: 'The test method' })], { autosave: true });
    at('08:01:30');
    const third = save([point(1, { concernEn: 'The test method differs' })], { autosave: true });
    // Every save gets a new number (so stale editors are caught), but only one autosave is kept.
    expect(third.version).toBe(4);
    let versions = backend.call('commentsVersions', { id: comment.id });
    expect(versions.map((v) => v.version)).toEqual([4, 1]);
    expect(versions[0]).toMatchObject({ autosave: true, author: AUTHOR, createdAt: '2026-03-10T08:00:00.000Z', updatedAt: '2026-03-10T08:01:30.000Z' });
    expect(first.version).toBe(2);

    // Past the window a new autosave version starts.
    at('08:02:10');
    save([point(1, { concernEn: 'The test method differs from IEC' })], { autosave: true });
    versions = backend.call('commentsVersions', { id: comment.id });
    expect(versions.map((v) => v.version)).toEqual([5, 4, 1]);

    // Another analyst's autosave never merges into this one's.
    at('08:02:20');
    save([point(1, { concernEn: 'The test method differs from IEC 62552' })], { autosave: true, actor: REVIEWER });
    versions = backend.call('commentsVersions', { id: comment.id });
    expect(versions.map((v) => [v.version, v.author])).toEqual([
      [6, REVIEWER],
      [5, AUTHOR],
      [4, AUTHOR],
      [1, AUTHOR],
    ]);
  });

  it('keeps an explicit save after autosaves, and an unchanged explicit save just keeps the autosave', () => {
    save([point(1)], { autosave: true });
    at('08:00:30');
    const explicit = save([point(1)]);
    expect(explicit.version).toBe(2);
    expect(backend.call('commentsVersions', { id: comment.id })[0]).toMatchObject({ version: 2, autosave: false });
    at('08:00:50');
    save([point(1), point(2)], { autosave: true });
    expect(backend.call('commentsVersions', { id: comment.id }).map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses a save made against a stale version', () => {
    const mine = save([point(1)]);
    save([point(1), point(2)], { actor: REVIEWER });
    try {
      save([point(1, { concernEn: 'my edit' })], { base: mine.version });
      throw new Error('expected a conflict');
    } catch (e) {
      expect((e as ApiError).code).toBe('CONFLICT');
      expect((e as ApiError).message).toMatch(/you started from version 2 but version 3 is current/);
      expect((e as ApiError).details).toMatchObject({ baseVersion: 2, currentVersion: 3 });
    }
  });

  it('diffs two versions point by point, word by word in English and character by character in Chinese', () => {
    const v2 = save([
      point(1, { proposalEn: 'extend the transition period to three months', proposalZh: '将过渡期延长至三个月' }),
      point(2),
      point(3),
    ]);
    const current = backend.call('commentsGet', { id: comment.id });
    const v3 = by(backend, AUTHOR).call('commentsSave', {
      id: comment.id,
      baseVersion: v2.version,
      titleZh: current.content.titleZh,
      titleEn: 'Comments of China',
      points: [
        { key: 'p3', ...point(3) },
        { key: 'p1', ...point(1, { proposalEn: 'extend the transition period to six months', proposalZh: '将过渡期延长至六个月' }) },
        point(4),
      ],
    });
    const diff = backend.call('commentsDiff', { id: comment.id, fromVersion: v2.version, toVersion: v3.version });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.title).toEqual([
      {
        field: 'titleEn',
        segments: [
          { op: 'equal', text: 'Comments ' },
          { op: 'delete', text: 'on' },
          { op: 'insert', text: 'of' },
          { op: 'equal', text: ' ' },
          { op: 'delete', text: 'G/TBT/N/TUR/220' },
          { op: 'insert', text: 'China' },
        ],
      },
    ]);
    expect(diff.points.map((p) => [p.key, p.change, p.fromPosition, p.toPosition])).toEqual([
      ['p3', 'unchanged', 3, 1],
      ['p1', 'changed', 1, 2],
      ['p2', 'removed', 2, null],
      ['p4', 'added', null, 3],
    ]);
    // p1 and p3 swapped places: one of them counts as moved, added and removed points never do.
    expect(diff.points.filter((p) => p.moved).map((p) => p.key)).toHaveLength(1);
    expect(diff.points.filter((p) => p.moved && (p.change === 'added' || p.change === 'removed'))).toEqual([]);
    const changed = diff.points[1]!;
    expect(changed.fields.map((f) => f.field)).toEqual(['proposalZh', 'proposalEn']);
    expect(changed.fields[0]!.segments).toEqual([
      { op: 'equal', text: '将过渡期延长至' },
      { op: 'delete', text: '三' },
      { op: 'insert', text: '六' },
      { op: 'equal', text: '个月' },
    ]);
    expect(changed.fields[1]!.segments).toEqual([
      { op: 'equal', text: 'extend the transition period to ' },
      { op: 'delete', text: 'three' },
      { op: 'insert', text: 'six' },
      { op: 'equal', text: ' months' },
    ]);
    expect(diff.points[2]!.fields.every((f) => f.segments.every((s) => s.op === 'delete'))).toBe(true);
    expect(diff.points[3]!.fields.find((f) => f.field === 'concernEn')?.segments).toEqual([{ op: 'insert', text: 'Concern 4' }]);
  });

  it('restores an old version as a new version and keeps the whole history', () => {
    const v2 = save([point(1, { concernEn: 'first wording' })]);
    const v3 = save([point(1, { concernEn: 'second wording' }), point(2)]);
    const restored = by(backend, REVIEWER).call('commentsRestore', { id: comment.id, version: v2.version, baseVersion: v3.version });
    expect(restored.version).toBe(4);
    expect(restored.content.points).toHaveLength(1);
    expect(restored.content.points[0]!.concernEn).toBe('first wording');
    const versions = backend.call('commentsVersions', { id: comment.id });
    expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions[0]).toMatchObject({ note: 'restored from version 2', author: REVIEWER, autosave: false });
    expect(backend.call('commentsVersionGet', { id: comment.id, version: 3 }).content.points).toHaveLength(2);
    // The restored content equals the old version exactly.
    expect(backend.call('commentsDiff', { id: comment.id, fromVersion: 2, toVersion: 4 }).summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 1 });
    // A point removed and restored keeps its key; a new point after that gets a fresh one.
    const after = save([point(1, { concernEn: 'first wording' }), point(9)]);
    expect(after.content.points.map((p) => p.key)).toEqual(['p1', 'p3']);
  });

  it('names a version that autosaving merged away', () => {
    save([point(1)], { autosave: true });
    at('08:00:30');
    save([point(1), point(2)], { autosave: true });
    try {
      backend.call('commentsVersionGet', { id: comment.id, version: 2 });
      throw new Error('expected NOT_FOUND');
    } catch (e) {
      expect((e as ApiError).code).toBe('NOT_FOUND');
      expect((e as ApiError).message).toMatch(/kept as one version/);
    }
  });
});
