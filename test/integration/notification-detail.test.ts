import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { writeNotifications } from '../../electron/backend/imports/write-notifications';
import type { ImportEvent, ParsedNotification } from '../../electron/backend/imports/readers/types';
import type { EventName } from '../../shared/contract';
import { insertNotifications } from '../helpers/notification-fixtures';
import { actAs } from '../helpers/acting';
import { emptyBackend, testActor } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  actAs(backend, '张敏');
});
afterEach(() => env.cleanup());

const symbolsOf = (timeline: Array<{ symbol: string }>) => timeline.map((t) => t.symbol);

describe('measure timeline', () => {
  it('says when the base of an addendum, revision or corrigendum is not in the store, until it is imported', () => {
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/UZB/70/Add.1', distributionDate: '2026-05-10' },
      { symbol: 'G/SPS/N/RUS/80/Rev.1', distributionDate: '2026-05-10' },
      { symbol: 'G/SPS/N/RUS/80/Rev.1/Corr.1', distributionDate: '2026-05-12' },
      { symbol: 'G/TBT/N/KAZ/60', distributionDate: '2026-01-15' },
      { symbol: 'G/TBT/N/KAZ/60/Add.1', distributionDate: '2026-03-15' },
    ]);
    const missing = (symbol: string) => backend.call('notificationsGet', { id: ids[symbol]! }).missingBase;
    expect(missing('G/TBT/N/UZB/70/Add.1')).toBe('G/TBT/N/UZB/70');
    expect(missing('G/SPS/N/RUS/80/Rev.1')).toBe('G/SPS/N/RUS/80');
    expect(missing('G/SPS/N/RUS/80/Rev.1/Corr.1')).toBe('G/SPS/N/RUS/80');
    expect(missing('G/TBT/N/KAZ/60/Add.1')).toBeNull();
    expect(missing('G/TBT/N/KAZ/60')).toBeNull();
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/UZB/70', distributionDate: '2026-01-10' }]);
    expect(missing('G/TBT/N/UZB/70/Add.1')).toBeNull();
  });

  it('links revisions, addenda and corrigenda to their base, ordered by date', () => {
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/KAZ/50/Add.1', distributionDate: '2026-05-10' },
      { symbol: 'G/TBT/N/KAZ/50', distributionDate: '2026-01-15' },
      { symbol: 'G/TBT/N/KAZ/50/Rev.1/Add.1', distributionDate: '2026-09-01' },
      { symbol: 'G/TBT/N/KAZ/50/Corr.1', distributionDate: '2026-01-20' },
      { symbol: 'G/TBT/N/KAZ/50/Rev.1', distributionDate: '2026-07-01' },
      { symbol: 'G/TBT/N/KAZ/50/Add.2', distributionDate: null },
      { symbol: 'G/TBT/N/KAZ/51', distributionDate: '2026-01-15' },
    ]);
    const detail = backend.call('notificationsGet', { id: ids['G/TBT/N/KAZ/50/Add.1']! });
    expect(symbolsOf(detail.timeline)).toEqual([
      'G/TBT/N/KAZ/50',
      'G/TBT/N/KAZ/50/Corr.1',
      'G/TBT/N/KAZ/50/Add.1',
      'G/TBT/N/KAZ/50/Rev.1',
      'G/TBT/N/KAZ/50/Rev.1/Add.1',
      'G/TBT/N/KAZ/50/Add.2',
    ]);
    expect(detail.timeline.filter((t) => t.isCurrent).map((t) => t.symbol)).toEqual(['G/TBT/N/KAZ/50/Add.1']);
    expect(detail.timeline.find((t) => t.symbol === 'G/TBT/N/KAZ/50/Rev.1')).toMatchObject({ docType: 'revision', memberCode: 'KAZ' });
    expect(detail).toMatchObject({ baseSymbol: 'G/TBT/N/KAZ/50', parentSymbol: 'G/TBT/N/KAZ/50', docType: 'addendum', family: null });
  });

  it('shows every member of a GCC draft and their addenda as one measure', () => {
    const title = 'Electric vehicles — Part 2: Test methods for charging';
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/ARE/610', title, distributionDate: '2026-04-01' },
      { symbol: 'G/TBT/N/SAU/1320', title: title.toUpperCase(), distributionDate: '2026-04-01' },
      { symbol: 'G/TBT/N/KWT/700', title: `${title}.`, distributionDate: '2026-04-01' },
      { symbol: 'G/TBT/N/SAU/1320/Add.1', title: 'Comment period extended', distributionDate: '2026-06-15' },
      { symbol: 'G/TBT/N/ARE/610/Corr.1', title: 'Corrigendum', distributionDate: '2026-04-10' },
      // Same day, another draft: a separate measure.
      { symbol: 'G/TBT/N/SAU/1321', title: 'Refrigerators — energy efficiency', distributionDate: '2026-04-01' },
      // Same title, different day: not the same GSO circulation.
      { symbol: 'G/TBT/N/QAT/90', title, distributionDate: '2026-04-20' },
    ]);
    const fromKuwait = backend.call('notificationsGet', { id: ids['G/TBT/N/KWT/700']! });
    expect(fromKuwait.family).toMatchObject({ kind: 'GCC' });
    expect(fromKuwait.family?.members.map((m) => m.memberCode).sort()).toEqual(['ARE', 'KWT', 'SAU']);
    expect(symbolsOf(fromKuwait.timeline)).toEqual([
      'G/TBT/N/ARE/610',
      'G/TBT/N/KWT/700',
      'G/TBT/N/SAU/1320',
      'G/TBT/N/ARE/610/Corr.1',
      'G/TBT/N/SAU/1320/Add.1',
    ]);
    expect(fromKuwait.familyId).toBe(fromKuwait.family?.id);

    // An addendum reaches the family through its base, and shows that family's number.
    const fromAddendum = backend.call('notificationsGet', { id: ids['G/TBT/N/SAU/1320/Add.1']! });
    expect(fromAddendum.family?.id).toBe(fromKuwait.family?.id);
    expect(fromAddendum.familyId).toBe(fromKuwait.family?.id);
    expect(symbolsOf(fromAddendum.timeline)).toEqual(symbolsOf(fromKuwait.timeline));
    expect(fromAddendum.timeline.find((t) => t.isCurrent)?.symbol).toBe('G/TBT/N/SAU/1320/Add.1');

    const other = backend.call('notificationsGet', { id: ids['G/TBT/N/SAU/1321']! });
    expect(other.family).toBeNull();
    expect(symbolsOf(other.timeline)).toEqual(['G/TBT/N/SAU/1321']);
  });

  it('puts the symbols of a joint notification into one family, the bloc family when its members are EAEU members', () => {
    const joint = ['G/SPS/N/RUS/300', 'G/SPS/N/KAZ/80', 'G/SPS/N/ARM/40'];
    const ids = insertNotifications(
      backend.ctx.db,
      joint.map((symbol) => ({ symbol, title: 'Veterinary requirements', jointSymbols: joint })),
    );
    const detail = backend.call('notificationsGet', { id: ids['G/SPS/N/KAZ/80']! });
    // EAEU members notifying jointly: the same measure family their separate notifications join.
    expect(detail.family).toMatchObject({ kind: 'EAEU' });
    expect(detail.jointSymbols).toEqual(joint);
    expect(detail.timeline).toHaveLength(3);
  });

  it('never gives a family number to a notification it shows in no family', () => {
    const joint = ['G/SPS/N/RUS/301', 'G/SPS/N/KAZ/81'];
    const ids = insertNotifications(backend.ctx.db, joint.map((symbol) => ({ symbol, title: 'Veterinary rules', jointSymbols: joint })));
    // The other member left the family (a re-import that changed it): one notification is no family.
    backend.ctx.db.prepare('UPDATE notifications SET family_id = NULL WHERE id = ?').run(ids['G/SPS/N/KAZ/81']!);
    const left = backend.call('notificationsGet', { id: ids['G/SPS/N/RUS/301']! });
    expect(left.family).toBeNull();
    expect(left.familyId).toBeNull();
  });
});

describe('triage', () => {
  it('reads as new and unrated until someone triages it', () => {
    const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/IND/300' }]);
    expect(backend.call('notificationsGet', { id: ids['G/TBT/N/IND/300']! }).triage).toEqual({
      status: 'new',
      relevance: null,
      assignee: null,
      assigneeId: null,
      notes: '',
      industries: [],
      updatedAt: null,
      updatedBy: null,
      updatedById: null,
    });
  });

  it('keeps status, relevance, assignee, notes and industries and audits before and after', () => {
    const id = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1400' }])['G/TBT/N/SAU/1400']!;
    const events: EventName[] = [];
    backend.subscribe((name) => events.push(name));

    const first = backend.call('notificationsTriageUpdate', {
      id,
      status: 'assessing',
      relevance: 'high',
      assignee: ' 李娜 ',
      notes: '测试方法与国际标准不一致',
      industries: ['lithium-battery', 'ev', 'ev'],
    });
    expect(first).toMatchObject({ status: 'assessing', relevance: 'high', assignee: '李娜', industries: ['ev', 'lithium-battery'], updatedBy: '张敏' });
    expect(events).toContain('dataChanged');

    // Fields left out stay; an empty assignee clears it.
    const second = backend.call('notificationsTriageUpdate', { id, status: 'commented', assignee: '' });
    expect(second).toMatchObject({ status: 'commented', relevance: 'high', assignee: null, notes: '测试方法与国际标准不一致', industries: ['ev', 'lithium-battery'] });
    expect(backend.call('notificationsGet', { id }).triage).toEqual(second);

    const audit = backend.call('auditList', { entity: 'notification', entityId: String(id) });
    expect(audit.map((a) => a.action)).toEqual(['triage', 'triage']);
    expect(audit[1]).toMatchObject({
      actor: '张敏',
      before: { status: 'new', relevance: null, assignee: null, notes: '', industries: [] },
      after: { status: 'assessing', relevance: 'high', assignee: '李娜', industries: ['ev', 'lithium-battery'] },
    });
    expect(audit[0]).toMatchObject({ before: { status: 'assessing', assignee: '李娜' }, after: { status: 'commented', assignee: null } });

    // Saving the same values again adds nothing to the log.
    backend.call('notificationsTriageUpdate', { id, status: 'commented' });
    expect(backend.call('auditList', { entity: 'notification', entityId: String(id) })).toHaveLength(2);
  });

  it('refuses unknown industries and statuses and a missing notification', () => {
    const id = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/IND/301' }])['G/TBT/N/IND/301']!;
    expect(backend.invoke('notificationsTriageUpdate', { id, industries: ['shipbuilding'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('shipbuilding') },
    });
    expect(backend.invoke('notificationsTriageUpdate', { id, status: 'done' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(backend.invoke('notificationsTriageUpdate', { id: 999_999, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.call('notificationsGet', { id }).triage.industries).toEqual([]);
  });
});

describe('batch triage', () => {
  const setUp = (): number[] => {
    const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1501' }, { symbol: 'G/TBT/N/SAU/1502' }, { symbol: 'G/TBT/N/SAU/1503' }]);
    return ['G/TBT/N/SAU/1501', 'G/TBT/N/SAU/1502', 'G/TBT/N/SAU/1503'].map((s) => ids[s]!);
  };
  const triageOf = (id: number) => backend.call('notificationsGet', { id }).triage;

  it('sets one status, relevance and assignee on many, keeps the rest, and audits each one that changed', () => {
    const [a, b, c] = setUp() as [number, number, number];
    backend.call('notificationsTriageUpdate', { id: b, status: 'closed', relevance: 'none', notes: '与我国出口无关' });
    const events: EventName[] = [];
    backend.subscribe((name) => events.push(name));

    expect(backend.call('notificationsTriageBatch', { ids: [a, b, c], status: 'closed', relevance: 'none' })).toEqual({ updated: 2, unchanged: 1 });
    expect(events).toEqual(['dataChanged']);
    for (const id of [a, b, c]) expect(triageOf(id)).toMatchObject({ status: 'closed', relevance: 'none', updatedBy: '张敏' });
    // Notes are not the batch's to change.
    expect(triageOf(b).notes).toBe('与我国出口无关');
    expect(backend.call('auditList', { entity: 'notification', entityId: String(b) })).toHaveLength(1);
    expect(backend.call('auditList', { entity: 'notification', entityId: String(a) })[0]).toMatchObject({
      action: 'triage',
      before: { status: 'new', relevance: null },
      after: { status: 'closed', relevance: 'none' },
    });

    // An assignee alone; an empty one clears it.
    expect(backend.call('notificationsTriageBatch', { ids: [a, c], assignee: ' 李娜 ' })).toEqual({ updated: 2, unchanged: 0 });
    expect(triageOf(c)).toMatchObject({ status: 'closed', assignee: '李娜' });
    backend.call('notificationsTriageBatch', { ids: [a], assignee: '' });
    expect(triageOf(a).assignee).toBeNull();
  });

  it('changes nothing when one notification is missing, and refuses an empty or unclear batch', () => {
    const [a, b] = setUp() as [number, number];
    expect(backend.invoke('notificationsTriageBatch', { ids: [a, 999_999, b], status: 'screening' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(triageOf(a).status).toBe('new');
    expect(backend.call('auditList', { entity: 'notification', entityId: String(a) })).toEqual([]);

    for (const input of [
      { ids: [], status: 'closed' },
      { ids: [a, a], status: 'closed' },
      { ids: [a] },
      { ids: [a], status: 'done' },
      { ids: [a], notes: 'not a batch field' },
      { ids: Array.from({ length: 1001 }, (_, i) => i + 1), status: 'closed' },
    ]) {
      expect(backend.invoke('notificationsTriageBatch', input), JSON.stringify(input).slice(0, 60)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('Chinese translation', () => {
  it('round-trips title, description, translator and status, and audits each save', () => {
    const id = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/TUR/210', title: 'Regulation on mineral fertilizers' }])['G/TBT/N/TUR/210']!;
    const before = backend.call('notificationsGet', { id });
    expect(before).toMatchObject({ translation: null, titleZh: null });

    const saved = backend.call('notificationsTranslationUpdate', {
      id,
      titleZh: '矿物肥料法规',
      descriptionZh: '规定矿物肥料的标识与检测要求。',
      translator: '王芳',
      status: 'draft',
    });
    expect(saved).toMatchObject({ titleZh: '矿物肥料法规', translator: '王芳', status: 'draft' });

    backend.call('notificationsTranslationUpdate', { id, titleZh: saved.titleZh, descriptionZh: saved.descriptionZh, translator: null, status: 'final' });
    const detail = backend.call('notificationsGet', { id });
    expect(detail.titleZh).toBe('矿物肥料法规');
    expect(detail.translation).toMatchObject({ titleZh: '矿物肥料法规', descriptionZh: '规定矿物肥料的标识与检测要求。', translator: null, status: 'final' });

    const audit = backend.call('auditList', { entity: 'notification', entityId: String(id) });
    expect(audit.map((a) => a.action)).toEqual(['translate', 'translate']);
    expect(audit[1]).toMatchObject({ before: null, after: { titleZh: '矿物肥料法规', status: 'draft', translator: '王芳' } });
    expect(audit[0]).toMatchObject({ before: { status: 'draft', translator: '王芳' }, after: { status: 'final', translator: null } });
  });

  it('leaves titleZh empty while only the description is translated', () => {
    const id = insertNotifications(backend.ctx.db, [{ symbol: 'G/SPS/N/RUS/310' }])['G/SPS/N/RUS/310']!;
    backend.call('notificationsTranslationUpdate', { id, titleZh: '', descriptionZh: '水产品限量', translator: null, status: 'draft' });
    expect(backend.call('notificationsGet', { id }).titleZh).toBeNull();
  });
});

function parsed(symbol: string, changes: Partial<ParsedNotification> = {}): ParsedNotification {
  const [, area, member] = /^G\/(TBT|SPS)\/N\/([A-Z]{3})\//.exec(symbol) ?? [];
  return {
    row: 2,
    symbol,
    area: area as 'TBT' | 'SPS',
    memberCode: member!,
    memberName: member!,
    baseSymbol: symbol,
    parentSymbol: null,
    docType: 'regular',
    title: 'Lead-acid batteries for vehicles',
    description: '',
    products: '',
    hsCodes: ['8507.10'],
    icsCodes: [],
    keywords: [],
    objectives: [],
    notificationType: 'Regular',
    distributionDate: '2026-02-01',
    commentDeadline: '2026-04-02',
    documentLinks: [],
    links: { en: null, fr: null, es: null },
    proposedAdoption: null,
    proposedEntryIntoForce: null,
    countriesAffected: [],
    jointSymbols: [],
    ...changes,
  };
}

async function importRecords(records: ParsedNotification[]): Promise<void> {
  async function* events(): AsyncGenerator<ImportEvent> {
    for (const record of records) yield { kind: 'record', record };
  }
  await writeNotifications(backend.ctx.db, events(), () => ({ format: 'eping-xlsx', encoding: null, rowsRead: records.length }), {
    fileName: 'eping.xlsx',
    fileSize: 1,
    fileSha256: 'f'.repeat(64),
    actor: testActor('张敏'),
    clock: backend.ctx.clock,
    source: 'eping',
  });
}

describe('change history', () => {
  it('shows the old values a re-import replaced, newest first', async () => {
    await importRecords([parsed('G/TBT/N/SAU/1500')]);
    await importRecords([parsed('G/TBT/N/SAU/1500', { commentDeadline: '2026-05-02' })]);
    await importRecords([parsed('G/TBT/N/SAU/1500', { commentDeadline: '2026-06-01', title: 'Lead-acid batteries: transition period' })]);
    const id = (backend.ctx.db.prepare('SELECT id FROM notifications WHERE symbol = ?').get('G/TBT/N/SAU/1500') as { id: number }).id;
    const detail = backend.call('notificationsGet', { id });
    expect(detail).toMatchObject({ commentDeadline: '2026-06-01', title: 'Lead-acid batteries: transition period' });
    const deadlines = detail.changes.filter((c) => c.field === 'commentDeadline');
    expect(deadlines.map((c) => [c.oldValue, c.newValue])).toEqual([
      ['2026-05-02', '2026-06-01'],
      ['2026-04-02', '2026-05-02'],
    ]);
    expect(detail.changes.find((c) => c.field === 'title')).toMatchObject({ oldValue: 'Lead-acid batteries for vehicles', actor: '张敏' });
    expect(detail.changes[0]!.importId).toBeGreaterThan(detail.changes[detail.changes.length - 1]!.importId!);
    const ids = detail.changes.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('days left to the final date for comments', () => {
  it('marks overdue, closing-soon and open around the given day', () => {
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/PAK/1', commentDeadline: '2026-12-30' },
      { symbol: 'G/TBT/N/PAK/2', commentDeadline: '2026-12-31' },
      { symbol: 'G/TBT/N/PAK/3', commentDeadline: '2027-01-14' },
      { symbol: 'G/TBT/N/PAK/4', commentDeadline: '2027-01-15' },
      { symbol: 'G/TBT/N/PAK/5', commentDeadline: null },
    ]);
    const at = (symbol: string) => backend.call('notificationsGet', { id: ids[symbol]!, today: '2026-12-31' }).deadline;
    expect(at('G/TBT/N/PAK/1')).toEqual({ daysLeft: -1, state: 'overdue' });
    expect(at('G/TBT/N/PAK/2')).toEqual({ daysLeft: 0, state: 'closing-soon' });
    expect(at('G/TBT/N/PAK/3')).toEqual({ daysLeft: 14, state: 'closing-soon' });
    expect(at('G/TBT/N/PAK/4')).toEqual({ daysLeft: 15, state: 'open' });
    expect(at('G/TBT/N/PAK/5')).toEqual({ daysLeft: null, state: 'none' });
  });

  it('counts from the local date when no day is given, and refuses impossible days', () => {
    const id = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/PAK/9', commentDeadline: '2099-01-01' }])['G/TBT/N/PAK/9']!;
    expect(backend.call('notificationsGet', { id }).deadline.state).toBe('open');
    expect(backend.invoke('notificationsGet', { id, today: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
