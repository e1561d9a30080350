import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveMarket } from '../../electron/backend/enterprises/markets';
import type { EventName, EventPayload } from '../../shared/contract';
import { addAnalysts, AUTHOR, by, REVIEWER } from '../helpers/comment-fixtures';
import { emptyBackend } from '../helpers/temp-store';
import { insertWarningRow } from '../helpers/warning-fixtures';
import { badCheck, creditCode } from '../fixtures/enterprise-files';

let env: Awaited<ReturnType<typeof emptyBackend>>;
beforeEach(async () => {
  env = await emptyBackend();
  addAnalysts(env.backend);
});
afterEach(() => env.cleanup());

const battery = (extra: Record<string, unknown> = {}) => ({
  name: '福州锂能科技有限公司',
  creditCode: creditCode(7),
  province: '福建省',
  city: '福州市',
  industry: '锂离子电池',
  contacts: [{ person: '张三', phone: '0591-88000001', email: 'zs@example.com' }],
  exposure: [
    { hsCode: '8507.60.0010', market: '沙特阿拉伯', annualExportUsd: 1_000_000 },
    { hsCode: '850760', market: 'rus', annualExportUsd: null },
  ],
  ...extra,
});

describe('markets', () => {
  it('resolves codes, names in both languages, ePing names, other WTO members and the two blocs; refuses the unknown', () => {
    const db = env.backend.ctx.db;
    for (const text of ['SAU', 'sau', '沙特阿拉伯', 'Saudi Arabia', ' saudi   ARABIA ', 'Saudi Arabia, Kingdom of']) {
      expect(resolveMarket(db, text)).toEqual({ codes: ['SAU'], bloc: null });
    }
    expect(resolveMarket(db, '欧盟')).toEqual({ codes: ['EU'], bloc: null });
    expect(resolveMarket(db, 'United States')).toEqual({ codes: ['USA'], bloc: null });
    for (const text of ['GCC', '海合会', '海湾合作委员会', 'Gulf Cooperation Council']) {
      expect(resolveMarket(db, text)).toEqual({ codes: ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU'], bloc: 'GCC' });
    }
    for (const text of ['EAEU', '欧亚经济联盟', 'eurasian economic union']) {
      expect(resolveMarket(db, text)).toEqual({ codes: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS'], bloc: 'EAEU' });
    }
    expect(() => resolveMarket(db, 'Atlantis')).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('"Atlantis"') }) as Error);
  });
});

describe('enterprises: save, get, list, delete', () => {
  it('saves with stamps of the acting analyst, audits, and emits enterprises and warnings', () => {
    const { backend } = env;
    const events: Array<EventPayload<'dataChanged'>> = [];
    backend.subscribe((name: EventName, payload) => {
      if (name === 'dataChanged') events.push(payload as EventPayload<'dataChanged'>);
    });
    const saved = backend.call('enterprisesSave', battery());
    expect(saved).toMatchObject({ name: '福州锂能科技有限公司', createdBy: AUTHOR, updatedBy: AUTHOR, province: '福建省' });
    expect(saved.exposure.map((l) => [l.hsCode, l.market, l.marketNameZh, l.annualExportUsd])).toEqual([
      ['850760', 'RUS', '俄罗斯', null],
      ['8507600010', 'SAU', '沙特阿拉伯', 1_000_000],
    ]);
    expect(events.map((e) => e.entity)).toEqual(['enterprises', 'warnings']);
    expect(events[0]!.ids).toEqual([saved.uid]);
    const audit = backend.call('auditList', { entity: 'enterprise' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor: AUTHOR });
  });

  it('a bloc in the form expands to its members, each with an equal share', () => {
    const saved = env.backend.call('enterprisesSave', battery({ exposure: [{ hsCode: '854143', market: 'EAEU', annualExportUsd: 1000 }] }));
    expect(saved.exposure.map((l) => `${l.market}:${l.annualExportUsd}`)).toEqual(['ARM:200', 'BLR:200', 'KAZ:200', 'KGZ:200', 'RUS:200']);
  });

  it('refuses an invalid credit code, an unknown market, and a credit code another enterprise holds', () => {
    const { backend } = env;
    expect(() => backend.call('enterprisesSave', battery({ creditCode: badCheck(creditCode(7)) }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('check character') }) as Error,
    );
    expect(() => backend.call('enterprisesSave', battery({ exposure: [{ hsCode: '850760', market: 'Narnia', annualExportUsd: 1 }] }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('Narnia') }) as Error,
    );
    backend.call('enterprisesSave', battery());
    expect(() => backend.call('enterprisesSave', battery({ name: '另一家公司' }))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('福州锂能科技有限公司') }) as Error,
    );
    const other = backend.call('enterprisesSave', battery({ name: '另一家公司', creditCode: creditCode(8) }));
    expect(() => backend.call('enterprisesSave', battery({ uid: other.uid, name: '另一家公司', creditCode: creditCode(7) }))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }) as Error,
    );
    expect(backend.call('enterprisesList', {}).total).toBe(2);
  });

  it('an edit keeps line uids, keeps old values in history, and tombstones removed lines', () => {
    const { backend } = env;
    const first = backend.call('enterprisesSave', battery());
    const saudi = first.exposure.find((l) => l.market === 'SAU')!;
    by(backend, REVIEWER);
    const second = backend.call('enterprisesSave', {
      ...battery({ uid: first.uid, city: '厦门市' }),
      exposure: [{ hsCode: '8507600010', market: 'SAU', annualExportUsd: 1_500_000 }],
    });
    expect(second.exposure).toHaveLength(1);
    expect(second.exposure[0]).toMatchObject({ uid: saudi.uid, annualExportUsd: 1_500_000 });
    expect(second).toMatchObject({ createdBy: AUTHOR, updatedBy: REVIEWER, city: '厦门市' });
    const got = backend.call('enterprisesGet', { uid: first.uid });
    const changes = got.history.map((h) => [h.field, h.line, h.oldValue, h.newValue, h.by]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['city', null, '福州市', '厦门市', REVIEWER],
        ['exposure', '8507600010 → SAU', '1000000', '1500000', REVIEWER],
        ['exposure', '850760 → RUS', '', null, REVIEWER],
      ]),
    );
    expect(got.history).toHaveLength(3);
    const lines = backend.ctx.db.prepare('SELECT market, deleted_at IS NOT NULL AS gone FROM enterprise_exposure ORDER BY market').all();
    expect(lines).toEqual([
      { market: 'RUS', gone: 1 },
      { market: 'SAU', gone: 0 },
    ]);
    // Saving the same again changes nothing and audits nothing.
    const audits = backend.call('auditList', { entity: 'enterprise' }).length;
    backend.call('enterprisesSave', { ...battery({ uid: first.uid, city: '厦门市' }), exposure: [{ hsCode: '8507600010', market: 'SAU', annualExportUsd: 1_500_000 }] });
    expect(backend.call('auditList', { entity: 'enterprise' })).toHaveLength(audits);
    expect(backend.call('enterprisesGet', { uid: first.uid }).history).toHaveLength(3);
  });

  it('lists by query over name, code, region, industry and HS code, filters by market, sorts, and counts open warnings by level', () => {
    const { backend } = env;
    const a = backend.call('enterprisesSave', battery());
    const b = backend.call('enterprisesSave', {
      name: '宁波家电有限公司',
      creditCode: creditCode(9),
      province: '浙江省',
      city: '宁波市',
      industry: '家电',
      exposure: [{ hsCode: '841810', market: 'KAZ', annualExportUsd: 5_000_000 }],
    });
    const names = (input: Parameters<typeof backend.call<'enterprisesList'>>[1]) => backend.call('enterprisesList', input).items.map((i) => i.name);
    expect(names({ query: '锂能' })).toEqual([a.name]);
    expect(names({ query: creditCode(9).toLowerCase() })).toEqual([b.name]);
    expect(names({ query: '浙江' })).toEqual([b.name]);
    expect(names({ query: '家电' })).toEqual([b.name]);
    expect(names({ query: '8507' })).toEqual([a.name]);
    expect(names({ market: 'KAZ' })).toEqual([b.name]);
    expect(names({ sort: 'exposure' })).toEqual([b.name, a.name]);

    const db = backend.ctx.db;
    const actorUid = backend.call('analystsList', {}).find((x) => x.name === AUTHOR)!.uid;
    insertWarningRow(db, { notificationId: 1, symbols: ['G/TBT/N/SAU/1'], members: ['SAU'], enterpriseUid: a.uid, level: 'red', score: 80, actorUid });
    insertWarningRow(db, { notificationId: 2, symbols: ['G/TBT/N/SAU/2'], members: ['SAU'], enterpriseUid: a.uid, level: 'yellow', score: 35, actorUid });
    insertWarningRow(db, { notificationId: 3, symbols: ['G/TBT/N/SAU/3'], members: ['SAU'], enterpriseUid: a.uid, level: 'red', score: 80, state: 'closed', actorUid });
    const list = backend.call('enterprisesList', { sort: 'warnings' });
    expect(list.items[0]).toMatchObject({ uid: a.uid, openWarnings: { red: 1, orange: 0, yellow: 1, blue: 0 }, hsCodes: ['850760', '8507600010'], markets: ['RUS', 'SAU'], totalExportUsd: 1_000_000 });
    expect(list.items[1]!.openWarnings).toEqual({ red: 0, orange: 0, yellow: 0, blue: 0 });
  });

  it('deletes as a tombstone of the enterprise and its lines, audited; the credit code is free again', () => {
    const { backend } = env;
    const a = backend.call('enterprisesSave', battery());
    const events: string[] = [];
    backend.subscribe((name, payload) => {
      if (name === 'dataChanged') events.push((payload as EventPayload<'dataChanged'>).entity);
    });
    expect(backend.call('enterprisesDelete', { uid: a.uid })).toEqual({ deleted: true });
    expect(events).toEqual(['enterprises', 'warnings']);
    expect(backend.call('enterprisesList', {}).total).toBe(0);
    expect(() => backend.call('enterprisesGet', { uid: a.uid })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM enterprise_exposure WHERE deleted_at IS NULL').pluck().get()).toBe(0);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM enterprise_exposure').pluck().get()).toBe(2);
    expect(backend.call('auditList', { entity: 'enterprise' }).map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'delete']));
    expect(backend.call('enterprisesDelete', { uid: a.uid })).toEqual({ deleted: false });
    expect(backend.call('enterprisesSave', battery()).uid).not.toBe(a.uid);
  });
});
