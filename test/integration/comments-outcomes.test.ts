import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let comment: ChannelOutput<'commentsGet'>;
const id = (symbol: string): number =>
  (backend.ctx.db.prepare('SELECT id FROM notifications WHERE symbol = ?').get(symbol) as { id: number }).id;

function refused(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  await importRecords(backend.ctx.db, [
    parsedRecord('G/TBT/N/SAU/1500', { distributionDate: '2026-01-15', commentDeadline: '2026-03-16' }),
    parsedRecord('G/TBT/N/SAU/1500/Corr.1', { distributionDate: '2026-01-20' }),
    parsedRecord('G/TBT/N/KAZ/51', { distributionDate: '2026-01-15' }),
    parsedRecord('G/TBT/N/KAZ/51/Add.1', { distributionDate: '2026-06-01' }),
  ]);
  comment = submit(backend, commentWithPoints(backend, id('G/TBT/N/SAU/1500'), 3), '2026-03-12');
});
afterEach(() => env.cleanup());

describe('outcomes per point', () => {
  it('needs evidence for an adoption, of the same measure and later than the submission', async () => {
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/SAU/1500/Add.1', { distributionDate: '2026-06-01' })]);
    const base = { id: comment.id, pointKey: 'p1' } as const;
    let e = refused(() => backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted' }));
    expect([e.code, e.message]).toEqual(['VALIDATION', expect.stringMatching(/^evidence: an adopted or partly adopted point needs evidence/)]);
    e = refused(() => backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted', evidence: { kind: 'notification', symbol: 'G/TBT/N/KAZ/51/Add.1' } }));
    expect(e.message).toBe('evidence.symbol: G/TBT/N/KAZ/51/Add.1 belongs to another measure (G/TBT/N/KAZ/51), not to the commented G/TBT/N/SAU/1500');
    e = refused(() => backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted', evidence: { kind: 'notification', symbol: 'G/TBT/N/SAU/1500/Add.9' } }));
    expect(e.message).toMatch(/G\/TBT\/N\/SAU\/1500\/Add\.9 is not on file/);
    e = refused(() => backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted', evidence: { kind: 'notification', symbol: 'G/TBT/N/SAU/1500' } }));
    expect(e.message).toMatch(/must be a later addendum or revision/);
    e = refused(() => backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted', evidence: { kind: 'notification', symbol: 'G/TBT/N/SAU/1500/Corr.1' } }));
    expect(e.message).toBe('evidence.date: 2026-01-20 is before the comment was submitted (2026-03-12)');
    e = refused(() => backend.call('commentsRecordOutcome', { ...base, pointKey: 'p9', outcome: 'not_adopted' }));
    expect(e.message).toMatch(/pointKey: p9 is not a point/);
    e = refused(() =>
      backend.call('commentsRecordOutcome', { ...base, outcome: 'adopted', evidence: { kind: 'regulation', reference: 'SASO final rule', date: '2026-08-01' }, costSparedCny: 5_000_000 }),
    );
    expect(e.message).toMatch(/^costMethod: say how/);

    // The symbol may be typed loosely; the date defaults to the addendum's distribution date.
    const c = backend.call('commentsRecordOutcome', {
      ...base,
      outcome: 'adopted',
      evidence: { kind: 'notification', symbol: 'g/tbt/n/sau/1500/add.1' },
      costSparedCny: 12_000_000,
      costMethod: 'Exports of 40,000 units × 300 CNY of repeated testing avoided',
    });
    expect(c.pointOutcomes).toEqual([
      expect.objectContaining({
        pointKey: 'p1',
        outcome: 'adopted',
        date: '2026-06-01',
        evidence: { kind: 'notification', notificationId: id('G/TBT/N/SAU/1500/Add.1'), symbol: 'G/TBT/N/SAU/1500/Add.1', date: '2026-06-01' },
        costSparedCny: 12_000_000,
        recordedBy: AUTHOR,
      }),
    ]);
    expect(c.outcomes).toEqual({ adopted: 1, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: 2 });
    expect(c.adopted).toBe(true);
    // The flagged addendum served as evidence, so it counts as checked.
    expect(c.followups).toEqual([expect.objectContaining({ symbol: 'G/TBT/N/SAU/1500/Add.1', acknowledgedBy: AUTHOR })]);
    expect(c.openFollowups).toBe(0);
  });

  it('records the other outcomes, replaces and clears them', () => {
    let c = by(backend, REVIEWER).call('commentsRecordOutcome', {
      id: comment.id,
      pointKey: 'p2',
      outcome: 'partly_adopted',
      evidence: { kind: 'regulation', reference: 'SASO Technical Regulation for Lead-Acid Batteries, published in Umm Al-Qura', date: '2026-09-01' },
    });
    c = by(backend, REVIEWER).call('commentsRecordOutcome', { id: c.id, pointKey: 'p3', outcome: 'not_adopted', date: '2026-05-01' });
    c = by(backend, REVIEWER).call('commentsRecordOutcome', { id: c.id, pointKey: 'p1', outcome: 'no_reply' });
    expect(c.outcomes).toEqual({ adopted: 0, partlyAdopted: 1, notAdopted: 1, noReply: 1, withdrawn: 0, pending: 0 });
    expect(c.pointOutcomes.find((o) => o.pointKey === 'p2')).toMatchObject({
      date: '2026-09-01',
      evidence: { kind: 'regulation', reference: expect.stringContaining('Lead-Acid'), date: '2026-09-01' },
    });
    expect(c.pointOutcomes.find((o) => o.pointKey === 'p1')?.date).toBeNull();
    c = by(backend, REVIEWER).call('commentsRecordOutcome', { id: c.id, pointKey: 'p3', outcome: 'withdrawn', date: '2026-06-10' });
    expect(c.outcomes.withdrawn).toBe(1);
    expect(c.outcomes.notAdopted).toBe(0);
    c = by(backend, REVIEWER).call('commentsClearOutcome', { id: c.id, pointKey: 'p3' });
    expect(c.outcomes.pending).toBe(1);
    expect(backend.call('auditList', { entity: 'comment', entityId: String(c.id) }).map((a) => a.action)).toContain('clear-outcome');
  });

  it('refuses outcomes before the comment is submitted', async () => {
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/KAZ/60', { distributionDate: '2026-02-01' })]);
    const draft = commentWithPoints(backend, id('G/TBT/N/KAZ/60'), 1);
    const e = refused(() => by(backend, AUTHOR).call('commentsRecordOutcome', { id: draft.id, pointKey: 'p1', outcome: 'not_adopted' }));
    expect([e.code, e.message]).toEqual(['CONFLICT', `comment ${draft.id} is draft; outcomes are recorded once it has been submitted`]);
  });
});

describe('later addenda of a commented measure', () => {
  it('flags an addendum or revision imported after the submission, once, and asks for a check', async () => {
    await importRecords(backend.ctx.db, [
      parsedRecord('G/TBT/N/SAU/1500/Add.1', { distributionDate: '2026-06-01', title: 'Entry into force postponed' }),
      parsedRecord('G/TBT/N/SAU/1500/Rev.1', { distributionDate: '2026-07-01' }),
      // Another measure and an older corrigendum are not flagged.
      parsedRecord('G/TBT/N/KAZ/51/Add.2', { distributionDate: '2026-07-01' }),
      parsedRecord('G/TBT/N/SAU/1500/Corr.2', { distributionDate: '2026-03-01' }),
    ]);
    let c = backend.call('commentsGet', { id: comment.id });
    expect(c.followups.map((f) => [f.symbol, f.docType, f.acknowledgedBy])).toEqual([
      ['G/TBT/N/SAU/1500/Rev.1', 'revision', null],
      ['G/TBT/N/SAU/1500/Add.1', 'addendum', null],
    ]);
    expect(c.openFollowups).toBe(2);
    expect(c.measureTimeline.map((t) => t.symbol)).toContain('G/TBT/N/SAU/1500/Rev.1');
    // Importing the same file again adds no second flag.
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/SAU/1500/Add.1', { distributionDate: '2026-06-01', title: 'Entry into force postponed to 2027' })]);
    expect(backend.call('commentsGet', { id: comment.id }).followups).toHaveLength(2);
    expect(backend.call('commentsList', { withOpenFollowups: true }).items.map((i) => i.id)).toEqual([comment.id]);
    expect(backend.call('commentsDashboard', {}).openFollowups).toBe(2);

    c = by(backend, REVIEWER).call('commentsAcknowledgeFollowup', { id: comment.id, notificationId: id('G/TBT/N/SAU/1500/Rev.1') });
    expect(c.followups[0]).toMatchObject({ acknowledgedBy: REVIEWER, acknowledgedAt: expect.any(String) });
    expect(c.openFollowups).toBe(1);
    expect(refused(() => by(backend, REVIEWER).call('commentsAcknowledgeFollowup', { id: comment.id, notificationId: id('G/TBT/N/KAZ/51') })).code).toBe('NOT_FOUND');
  });

  it('flags addenda of any member of a GCC family comment, and addenda entered by hand', async () => {
    const title = 'Electric vehicles - test methods';
    await importRecords(backend.ctx.db, [
      parsedRecord('G/TBT/N/ARE/610', { title, distributionDate: '2026-04-01' }),
      parsedRecord('G/TBT/N/SAU/1320', { title, distributionDate: '2026-04-01' }),
    ]);
    const familyId = backend.call('notificationsGet', { id: id('G/TBT/N/ARE/610') }).family!.id;
    const tid = backend.call('commentTemplatesList', {})[0]!.id;
    const created = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'family', familyId }, templateIds: [tid] });
    const family = submit(backend, created, '2026-05-01');
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/SAU/1320/Add.1', { distributionDate: '2026-08-01' })]);
    expect(backend.call('commentsGet', { id: family.id }).followups.map((f) => f.symbol)).toEqual(['G/TBT/N/SAU/1320/Add.1']);
    // An unsent comment on another measure is left alone.
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/KAZ/70', { distributionDate: '2026-02-01' })]);
    const draft = commentWithPoints(backend, id('G/TBT/N/KAZ/70'), 1);
    await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/KAZ/70/Add.1', { distributionDate: '2026-08-01' })]);
    expect(backend.call('commentsGet', { id: draft.id }).followups).toEqual([]);

    backend.call('notificationsCreate', { symbol: 'G/TBT/N/ARE/610/Add.1', area: 'TBT', memberCode: 'ARE', title: 'Revised test requirements adopted', distributionDate: '2026-09-01' });
    expect(backend.call('commentsGet', { id: family.id }).followups.map((f) => f.symbol)).toEqual(['G/TBT/N/ARE/610/Add.1', 'G/TBT/N/SAU/1320/Add.1']);
    // Evidence may be any member's later document of the family's measure.
    const c = by(backend, AUTHOR).call('commentsRecordOutcome', {
      id: family.id,
      pointKey: 'p1',
      outcome: 'adopted',
      evidence: { kind: 'notification', symbol: 'G/TBT/N/ARE/610/Add.1' },
    });
    expect(c.pointOutcomes.map((o) => [o.pointKey, o.outcome, o.date])).toEqual([['p1', 'adopted', '2026-09-01']]);
    expect(c.followups.map((f) => [f.symbol, f.acknowledgedBy])).toEqual([
      ['G/TBT/N/ARE/610/Add.1', AUTHOR],
      ['G/TBT/N/SAU/1320/Add.1', null],
    ]);
  });

  it('flags addenda already on file when an old submission is recorded late', async () => {
    await importRecords(backend.ctx.db, [
      parsedRecord('G/TBT/N/TUR/220', { distributionDate: '2025-01-10' }),
      parsedRecord('G/TBT/N/TUR/220/Add.1', { distributionDate: '2025-09-01' }),
    ]);
    const old = submit(backend, commentWithPoints(backend, id('G/TBT/N/TUR/220'), 1), '2025-03-01');
    expect(old.followups.map((f) => f.symbol)).toEqual(['G/TBT/N/TUR/220/Add.1']);
  });
});
