import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { NotificationCreateInput } from '../../shared/contract';
import { parseSymbol } from '../../shared/domain/symbol';
import { insertNotifications } from '../helpers/notification-fixtures';
import { actAs } from '../helpers/acting';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  actAs(backend, '张敏');
});
afterEach(() => env.cleanup());

const uzbekDraft: NotificationCreateInput = {
  area: 'TBT',
  memberCode: 'UZB',
  title: 'Technical regulation on the safety of low-voltage equipment',
  description: 'Draft published by the national standards agency for public discussion.',
  products: 'Low-voltage electrical equipment',
  hsCodes: ['8504', '8536'],
  keywords: ['safety'],
  distributionDate: '2026-03-10',
  commentDeadline: '2026-05-09',
  documentLinks: ['https://regulation.gov.uz/ru/d/123456'],
  notificationType: 'National draft',
};

describe('manual entry', () => {
  it('keeps a notification of a non-WTO member under a national reference', () => {
    const created = backend.call('notificationsCreate', uzbekDraft);
    expect(created).toMatchObject({
      symbol: 'NAT/UZB/2026/0001',
      baseSymbol: 'NAT/UZB/2026/0001',
      parentSymbol: null,
      docType: 'regular',
      source: 'manual',
      area: 'TBT',
      memberCode: 'UZB',
      memberName: 'Uzbekistan',
      hsCodes: ['8504', '8536'],
      documentLinks: ['https://regulation.gov.uz/ru/d/123456'],
      triage: { status: 'new' },
      family: null,
    });
    expect(created.timeline.map((t) => t.symbol)).toEqual(['NAT/UZB/2026/0001']);
    expect(parseSymbol(created.symbol)).toBeNull();

    const second = backend.call('notificationsCreate', { ...uzbekDraft, title: 'Second draft' });
    expect(second.symbol).toBe('NAT/UZB/2026/0002');
    const belarus = backend.call('notificationsCreate', { ...uzbekDraft, memberCode: 'BLR', distributionDate: '2025-12-30', commentDeadline: null });
    expect(belarus.symbol).toBe('NAT/BLR/2025/0001');

    const audit = backend.call('auditList', { entity: 'notification', entityId: String(created.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor: '张敏', after: { symbol: 'NAT/UZB/2026/0001', source: 'manual' } });
    expect(backend.call('notificationsGet', { id: created.id }).title).toBe(uzbekDraft.title);
  });

  it('accepts a WTO symbol for a WTO member and links it to its base', () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/KAZ/120', distributionDate: '2026-01-05' }]);
    const addendum = backend.call('notificationsCreate', {
      ...uzbekDraft,
      memberCode: 'KAZ',
      symbol: ' g/tbt/n/kaz/120/add.1 ',
      title: 'Addendum: comment period extended',
    });
    expect(addendum).toMatchObject({ symbol: 'G/TBT/N/KAZ/120/Add.1', baseSymbol: 'G/TBT/N/KAZ/120', docType: 'addendum', source: 'manual' });
    expect(addendum.timeline.map((t) => t.symbol)).toEqual(['G/TBT/N/KAZ/120', 'G/TBT/N/KAZ/120/Add.1']);
  });

  it('groups manually entered drafts of Gulf members into one family', () => {
    const gso = { ...uzbekDraft, title: 'Electric vehicle charging — test methods', distributionDate: '2026-04-01', commentDeadline: '2026-05-31' };
    backend.call('notificationsCreate', { ...gso, memberCode: 'SAU', symbol: 'G/TBT/N/SAU/1390' });
    const uae = backend.call('notificationsCreate', { ...gso, memberCode: 'ARE', symbol: 'G/TBT/N/ARE/640' });
    expect(uae.family).toMatchObject({ kind: 'GCC' });
    expect(uae.family?.members.map((m) => m.symbol)).toEqual(['G/TBT/N/ARE/640', 'G/TBT/N/SAU/1390']);
  });

  it('refuses a WTO symbol that is already stored, naming it', () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/SPS/N/RUS/250' }]);
    const r = backend.invoke('notificationsCreate', { ...uzbekDraft, area: 'SPS', memberCode: 'RUS', symbol: 'G/SPS/N/RUS/250' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('G/SPS/N/RUS/250') } });
    expect((backend.ctx.db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n).toBe(1);
  });

  it('refuses a final date for comments before the distribution date, naming the field', () => {
    const r = backend.invoke('notificationsCreate', { ...uzbekDraft, distributionDate: '2026-05-10', commentDeadline: '2026-05-09' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('commentDeadline') } });
    if (!r.ok) expect(r.error.details).toMatchObject({ fields: [{ path: 'commentDeadline' }] });
  });

  it('refuses impossible dates, unknown countries, unsafe links and mismatched symbols', () => {
    const field = (input: unknown): string | undefined => {
      const r = backend.invoke('notificationsCreate', input);
      expect(r.ok).toBe(false);
      if (r.ok) return undefined;
      expect(r.error.code).toBe('VALIDATION');
      return (r.error.details as { fields: Array<{ path: string }> }).fields[0]?.path;
    };
    expect(field({ ...uzbekDraft, distributionDate: '2026-02-30' })).toBe('distributionDate');
    expect(field({ ...uzbekDraft, memberCode: 'XYZ' })).toBe('memberCode');
    expect(field({ ...uzbekDraft, documentLinks: ['javascript:alert(1)'] })).toBe('documentLinks.0');
    expect(field({ ...uzbekDraft, title: '  ' })).toBe('title');
    expect(field({ ...uzbekDraft, memberCode: 'KAZ', symbol: 'G/TBT/N/KGZ/5' })).toBe('symbol');
    expect(field({ ...uzbekDraft, memberCode: 'KAZ', symbol: 'G/SPS/N/KAZ/5' })).toBe('symbol');
    expect(field({ ...uzbekDraft, symbol: 'G/TBT/N/UZB/1' })).toBe('symbol');
    expect(field({ ...uzbekDraft, symbol: 'NAT/UZB/2026/0009' })).toBe('symbol');
    expect((backend.ctx.db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n).toBe(0);
  });
});

describe('editing a manual record', () => {
  it('updates the record and keeps old values in the change history', () => {
    const created = backend.call('notificationsCreate', uzbekDraft);
    const edited = backend.call('notificationsUpdateManual', {
      id: created.id,
      commentDeadline: '2026-06-08',
      keywords: ['safety', 'EMC'],
      description: uzbekDraft.description!,
    });
    expect(edited).toMatchObject({ commentDeadline: '2026-06-08', keywords: ['safety', 'EMC'], title: uzbekDraft.title });
    expect(edited.changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual(
      expect.arrayContaining([
        ['commentDeadline', '2026-05-09', '2026-06-08'],
        ['keywords', '["safety"]', '["safety","EMC"]'],
      ]),
    );
    expect(edited.changes).toHaveLength(2);
    expect(edited.changes.every((c) => c.importId === null && c.actor === '张敏')).toBe(true);

    const later = backend.call('notificationsUpdateManual', { id: created.id, commentDeadline: null });
    expect(later.changes[0]).toMatchObject({ field: 'commentDeadline', oldValue: '2026-06-08', newValue: null });
    expect(later.deadline).toEqual({ daysLeft: null, state: 'none' });

    const audit = backend.call('auditList', { entity: 'notification', entityId: String(created.id) });
    expect(audit.map((a) => a.action)).toEqual(['update', 'update', 'create']);
    expect(audit[1]).toMatchObject({
      before: { commentDeadline: '2026-05-09', keywords: ['safety'] },
      after: { commentDeadline: '2026-06-08', keywords: ['safety', 'EMC'] },
    });

    // Nothing changed: no history, no audit entry.
    backend.call('notificationsUpdateManual', { id: created.id, title: uzbekDraft.title });
    expect(backend.call('auditList', { entity: 'notification', entityId: String(created.id) })).toHaveLength(3);
  });

  it('checks the dates against what is stored', () => {
    const created = backend.call('notificationsCreate', uzbekDraft);
    const r = backend.invoke('notificationsUpdateManual', { id: created.id, commentDeadline: '2026-03-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('commentDeadline') } });
    expect(backend.call('notificationsGet', { id: created.id }).commentDeadline).toBe('2026-05-09');
  });

  it('refuses to edit an imported notification', () => {
    const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/CHN/2000' }]);
    const r = backend.invoke('notificationsUpdateManual', { id: ids['G/TBT/N/CHN/2000']!, title: 'Changed' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('G/TBT/N/CHN/2000') } });
    expect(backend.invoke('notificationsUpdateManual', { id: 424242, title: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
