import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, point } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let ids: Record<string, number>;
let comment: ChannelOutput<'commentsGet'>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  ids = insertNotifications(backend.ctx.db, [
    // Final date Monday 16 March 2026.
    { symbol: 'G/TBT/N/SAU/1500', title: 'Lead-acid batteries', distributionDate: '2026-01-15', commentDeadline: '2026-03-16' },
    // Final date Sunday 15 March 2026.
    { symbol: 'G/TBT/N/IND/300', title: 'Lithium-ion cells', distributionDate: '2026-01-15', commentDeadline: '2026-03-15' },
    { symbol: 'G/TBT/N/KAZ/77', title: 'Photovoltaic modules', distributionDate: '2026-01-15', commentDeadline: null },
  ]);
  comment = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/SAU/1500']! } });
  comment = by(backend, AUTHOR).call('commentsSave', { id: comment.id, baseVersion: 1, titleZh: 't', titleEn: 't', points: [point(1)] });
});
afterEach(() => env.cleanup());

function refused(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

describe('the review workflow', () => {
  it('goes draft → in review → approved → submitted → reply received → closed, recording who and when', () => {
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version, note: 'ready' });
    expect(c).toMatchObject({ status: 'in_review', editable: true, nextStatuses: ['approved', 'draft'] });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    expect(c).toMatchObject({ status: 'approved', reviewer: REVIEWER, editable: false });
    c = by(backend, AUTHOR).call('commentsTransition', {
      id: c.id,
      to: 'submitted',
      submission: { date: '2026-03-12', channel: 'enquiry-point', reference: 'CHN/TBT/2026/015' },
    });
    expect(c).toMatchObject({ status: 'submitted', acceptsOutcomes: true, submission: { date: '2026-03-12', channel: 'enquiry-point', reference: 'CHN/TBT/2026/015' } });
    // Submitting marks the notification as commented in its triage.
    expect(backend.call('notificationsGet', { id: ids['G/TBT/N/SAU/1500']! }).triage.status).toBe('commented');
    c = by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'reply_received', reply: { date: '2026-05-20', summary: 'Will consider IEC methods' } });
    expect(c.reply).toEqual({ date: '2026-05-20', summary: 'Will consider IEC methods' });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'closed' });
    expect(c.nextStatuses).toEqual([]);
    expect(c.events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      [null, 'draft', AUTHOR],
      ['draft', 'in_review', AUTHOR],
      ['in_review', 'approved', REVIEWER],
      ['approved', 'submitted', AUTHOR],
      ['submitted', 'reply_received', AUTHOR],
      ['reply_received', 'closed', REVIEWER],
    ]);
    expect(c.events[1]).toMatchObject({ note: 'ready', version: 2 });
    expect(c.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const audit = backend.call('auditList', { entity: 'comment', entityId: String(c.id) }).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['to-in_review', 'to-approved', 'to-submitted', 'to-reply_received', 'to-closed']));
  });

  it('refuses self-approval with a message naming the author', () => {
    const c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    const e = refused(() => by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe(`comment ${c.id}: ${AUTHOR} wrote this comment and cannot approve it; approval needs a second analyst`);
    expect(backend.call('commentsGet', { id: c.id }).status).toBe('in_review');
  });

  it('refuses skipped steps, naming the current and requested status', () => {
    let e = refused(() => by(backend, REVIEWER).call('commentsTransition', { id: comment.id, to: 'approved', baseVersion: comment.version }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/cannot go from draft to approved/);
    expect(e.details).toMatchObject({ from: 'draft', to: 'approved' });
    e = refused(() =>
      by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'submitted', submission: { date: '2026-03-01', channel: 'email', reference: '' } }),
    );
    expect(e.message).toMatch(/cannot go from draft to submitted/);
    e = refused(() => by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'closed' }));
    expect(e.message).toMatch(/from draft it can only go to in review/);
    expect(backend.call('commentsGet', { id: comment.id }).events).toHaveLength(1);
  });

  it('returns a comment for changes and takes it through review again', () => {
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'draft', note: 'Cite IEC 62552-1 in point 1' });
    expect(c.status).toBe('draft');
    c = by(backend, AUTHOR).call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 't', titleEn: 't', points: [{ key: 'p1', ...point(1, { rationaleEn: 'IEC 62552-1' }) }] });
    c = by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'in_review', baseVersion: c.version });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    expect(c.events.map((e) => e.toStatus)).toEqual(['draft', 'in_review', 'draft', 'in_review', 'approved']);
    expect(c.events[2]).toMatchObject({ actor: REVIEWER, note: 'Cite IEC 62552-1 in point 1' });
    expect(c.events[4]!.version).toBe(3);
  });

  it('refuses a return for changes without a note saying what to change', () => {
    const c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    const e = refused(() => by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'draft', note: '   ' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('note: say what needs changing: the author reads this note on the comment');
    expect(backend.call('commentsGet', { id: c.id }).status).toBe('in_review');
  });

  it('approves only the version the reviewer read, and freezes the text once approved', () => {
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    const read = c.version;
    by(backend, AUTHOR).call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 't2', titleEn: 't2', points: [] });
    expect(refused(() => by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: read })).code).toBe('CONFLICT');
    c = backend.call('commentsGet', { id: c.id });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    const e = refused(() => by(backend, AUTHOR).call('commentsSave', { id: c.id, baseVersion: c.version, titleZh: 'x', titleEn: 'x', points: [] }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/is approved; editing is only possible in draft or in review/);
  });

  it('checks the dates of submission and reply', () => {
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    expect(
      refused(() => by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'submitted', submission: { date: '2999-01-01', channel: 'email', reference: '' } })).message,
    ).toMatch(/submission\.date: 2999-01-01 is in the future/);
    c = by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'submitted', submission: { date: '2026-03-12', channel: 'email', reference: '' } });
    expect(
      refused(() => by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'reply_received', reply: { date: '2026-03-01', summary: 'x' } })).message,
    ).toMatch(/cannot come before the submission/);
  });
});

describe('deadlines', () => {
  it('puts the internal deadline the configured number of working days before the final date', () => {
    let c = backend.call('commentsGet', { id: comment.id, today: '2026-02-20' });
    expect(c.deadlines).toMatchObject({ finalDate: '2026-03-16', internalDeadline: '2026-03-09', workingDays: 5, risk: 'ok', daysToFinal: 24, daysToInternal: 17 });
    backend.call('settingsUpdate', { internalDeadlineWorkingDays: 3 });
    c = backend.call('commentsGet', { id: comment.id, today: '2026-02-20' });
    // Monday 16 March minus 3 working days: Wednesday 11 March.
    expect(c.deadlines.internalDeadline).toBe('2026-03-11');
  });

  it('skips the holidays of the team\u2019s work calendar and counts its working weekend days', () => {
    // An example schedule: Monday 9 to Friday 13 March off, Saturday 14 March worked.
    const days = ['09', '10', '11', '12', '13'].map((d) => ({ date: `2026-03-${d}`, kind: 'holiday' as const, note: 'example' }));
    const saved = backend.call('settingsUpdate', { workCalendar: [...days, { date: '2026-03-14', kind: 'workday', note: '' }] });
    expect(saved.workCalendar).toHaveLength(6);
    let c = backend.call('commentsGet', { id: comment.id, today: '2026-02-20' });
    // Monday 16 March minus 5 working days: Saturday 14, then Friday 6, Thursday 5, Wednesday 4
    // and Tuesday 3 March.
    expect(c.deadlines.internalDeadline).toBe('2026-03-03');
    backend.call('settingsUpdate', { workCalendar: [] });
    c = backend.call('commentsGet', { id: comment.id, today: '2026-02-20' });
    expect(c.deadlines.internalDeadline).toBe('2026-03-09');
  });

  it('refuses a work calendar with a date twice or a date not in the calendar, naming the entry', () => {
    const twice = refused(() =>
      backend.call('settingsUpdate', {
        workCalendar: [
          { date: '2026-10-01', kind: 'holiday', note: '' },
          { date: '2026-10-01', kind: 'workday', note: '' },
        ],
      }),
    );
    expect(twice.code).toBe('VALIDATION');
    expect(twice.details).toMatchObject({ fields: [{ path: 'workCalendar.1.date', message: '2026-10-01 is listed twice' }] });
    const impossible = refused(() => backend.call('settingsUpdate', { workCalendar: [{ date: '2026-02-30', kind: 'holiday', note: '' }] }));
    expect(impossible.details).toMatchObject({ fields: [{ path: 'workCalendar.0.date', message: 'not a date in the calendar' }] });
    expect(backend.call('settingsGet', {}).workCalendar).toEqual([]);
  });

  it('counts back over the weekend when the final date is a Sunday', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/IND/300']! } });
    backend.call('settingsUpdate', { internalDeadlineWorkingDays: 1 });
    expect(backend.call('commentsGet', { id: c.id, today: '2026-03-01' }).deadlines.internalDeadline).toBe('2026-03-13');
  });

  it('flags comments at risk in the list and on the dashboard, and not once submitted', () => {
    let other = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/IND/300']! } });
    other = by(backend, AUTHOR).call('commentsTransition', { id: other.id, to: 'in_review', baseVersion: other.version });
    other = by(backend, REVIEWER).call('commentsTransition', { id: other.id, to: 'approved', baseVersion: other.version });
    const noDate = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/KAZ/77']! } });
    // Friday 6 March: both internal deadlines are Monday 9 March (Sunday 15 and Monday 16 March
    // minus 5 working days), one working day away: the draft cannot make it, the approved one can.
    const today = '2026-03-06';
    const list = backend.call('commentsList', { today, sort: 'deadline' });
    expect(list.items.map((i) => [i.id, i.deadlines.internalDeadline, i.deadlines.risk])).toEqual([
      [other.id, '2026-03-09', 'due-soon'],
      [comment.id, '2026-03-09', 'at-risk'],
      [noDate.id, null, 'ok'],
    ]);
    expect(backend.call('commentsList', { today, risks: ['at-risk', 'missed'] }).items.map((i) => i.id)).toEqual([comment.id]);
    let board = backend.call('commentsDashboard', { today });
    expect(board.flaggedCounts).toEqual({ dueSoon: 1, atRisk: 1, missed: 0 });
    expect(board.flagged.map((i) => i.id)).toEqual([other.id, comment.id]);
    expect(board.byStatus).toEqual({ draft: 2, in_review: 0, approved: 1, submitted: 0, reply_received: 0, closed: 0 });
    // After the final date an unsent comment has missed it.
    board = backend.call('commentsDashboard', { today: '2026-03-17' });
    expect(board.flaggedCounts).toEqual({ dueSoon: 0, atRisk: 0, missed: 2 });
    // Submitted comments are not flagged.
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'submitted', submission: { date: '2026-03-06', channel: 'enquiry-point', reference: '' } });
    expect(backend.call('commentsGet', { id: c.id, today: '2026-03-20' }).deadlines.risk).toBe('ok');
    expect(backend.call('commentsDashboard', { today }).flagged.map((i) => i.id)).toEqual([other.id]);
    expect(backend.call('commentsList', { statuses: ['submitted'] }).items.map((i) => i.id)).toEqual([c.id]);
  });
});

describe('unfinished template text', () => {
  const withMarker = () =>
    by(backend, AUTHOR).call('commentsSave', {
      id: comment.id,
      baseVersion: comment.version,
      titleZh: 't',
      titleEn: 't',
      points: [point(1), point(2, { concernEn: 'HS codes ([to be completed: HS codes]) are unclear', proposalZh: '建议【待补充：通报成员】明确范围' })],
    });

  it('refuses to send a comment for review while a point still holds "to be completed" text, naming the point and field', () => {
    const c = withMarker();
    const e = refused(() => by(backend, AUTHOR).call('commentsTransition', { id: c.id, to: 'in_review', baseVersion: c.version }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(
      `comment ${c.id} cannot go for review: text still to be completed in point 2, English concern: [to be completed: HS codes]; ` +
        'point 2, Chinese proposed change: 【待补充：通报成员】',
    );
    expect(e.details).toMatchObject({
      unfinished: [
        { point: 2, pointKey: c.content.points[1]!.key, field: 'concernEn' },
        { point: 2, pointKey: c.content.points[1]!.key, field: 'proposalZh' },
      ],
      fields: [{ path: 'points.1.concernEn' }, { path: 'points.1.proposalZh' }],
    });
    expect(backend.call('commentsGet', { id: c.id }).status).toBe('draft');
  });

  it('refuses approval of a comment whose text was made unfinished during review', () => {
    const inReview = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    comment = inReview;
    const c = withMarker();
    const e = refused(() => by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/cannot be approved: text still to be completed in point 2, English concern/);
    expect(backend.call('commentsGet', { id: c.id }).status).toBe('in_review');
  });

  it('refuses the English letter of an unfinished comment and still writes the Chinese working copy', async () => {
    const c = withMarker();
    const e: unknown = await backend.callAsync('commentsExport', { id: c.id, language: 'en' }).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/cannot be written as the English letter: text still to be completed in point 2/) });
    expect((await backend.callAsync('commentsExport', { id: c.id, language: 'zh' })).bytes).toBeGreaterThan(0);
  });
});
