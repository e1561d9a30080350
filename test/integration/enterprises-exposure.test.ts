import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { exposureValue } from '../../electron/backend/enterprises/trade-exposure';
import type { EventPayload } from '../../shared/contract';
import { DEFAULT_FOCUS_INDUSTRIES } from '../../shared/domain/focus-industries';
import { addAnalysts, AUTHOR } from '../helpers/comment-fixtures';
import { emptyBackend, testClock } from '../helpers/temp-store';
import { unworded, writeCsv } from '../fixtures/enterprise-files';

let env: Awaited<ReturnType<typeof emptyBackend>>;
beforeEach(async () => {
  env = await emptyBackend();
  addAnalysts(env.backend);
});
afterEach(() => env.cleanup());

function importExposure(backend: Backend, file: string) {
  const { fileRef } = backend.ctx.staging.addPath(file);
  return backend.callAsync('tradeExposureImport', { fileRef });
}

function entities(backend: Backend): string[] {
  const seen: string[] = [];
  backend.subscribe((name, payload) => {
    if (name === 'dataChanged') seen.push((payload as EventPayload<'dataChanged'>).entity);
  });
  return seen;
}

// Years relative to the test clock: the figures are "last year's" and "the year before".
const thisYear = Number(testClock().now().toISOString().slice(0, 4));
const last = thisYear - 1;
const before = thisYear - 2;

describe('trade exposure', () => {
  it('imports customs figures, upserts by HS code, destination and year, rejects bad rows, and starts a full recomputation', async () => {
    const { backend } = env;
    const events = entities(backend);
    const file = writeCsv(env.dir, 'customs.csv', [
      ['HS编码', '目的地', '年份', '出口额（美元）'],
      ['850760', 'SAU', before, 5_000_000],
      ['850760', '沙特阿拉伯', last, 7_000_000],
      ['850760', 'Kazakhstan', last, 2_000_000],
      ['8507600010', 'ARE', last, 1_000_000],
      ['854143', 'SAU', last, 3_000_000],
      ['850760', 'GCC', last, 1],
      ['850760', 'Narnia', last, 1],
      ['85076', 'SAU', last, 1],
      ['850760', 'SAU', 'last year', 1],
      ['850760', 'RUS', last, -1],
    ]);
    const report = await importExposure(backend, file);
    expect(report).toMatchObject({ fileName: 'customs.csv', rowsRead: 10, added: 5, updated: 0, unchanged: 0, rejected: 5, warningsJobId: expect.any(String) });
    expect(report.rejections.map((r) => [r.row, r.field, r.code])).toEqual([
      [7, 'destination', 'destination.bloc'],
      [8, 'destination', 'destination.unknown'],
      [9, 'hs_code', 'hsCode.customs'],
      [10, 'year', 'year.invalid'],
      [11, 'value_usd', 'value.invalid'],
    ]);
    expect(await unworded(report.rejections)).toEqual([]);
    expect(backend.ctx.jobs.get(report.warningsJobId!)).toMatchObject({ kind: 'warningsRecompute', input: { scope: 'all', reason: 'tradeExposure' } });
    // The import reports the registry's figures; the recomputation it started, the warnings.
    await backend.ctx.jobs.settle(report.warningsJobId!);
    expect(events).toEqual(['enterprises', 'warnings']);
    expect(backend.call('tradeExposureSummary', {})).toEqual({ rows: 5, years: [before, last], destinations: 3, totalUsd: 18_000_000 });
    expect(backend.ctx.db.prepare("SELECT kind FROM enterprise_imports").pluck().all()).toEqual(['tradeExposure']);

    // The same file again changes nothing and starts nothing; a changed figure is updated.
    expect(await importExposure(backend, file)).toMatchObject({ added: 0, updated: 0, unchanged: 5, warningsJobId: null });
    const changed = writeCsv(env.dir, 'customs-en.csv', [
      ['hs_code', 'destination', 'year', 'value_usd'],
      ['850760', 'SAU', last, 8_000_000],
    ]);
    expect(await importExposure(backend, changed)).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it('exposureValue sums the latest year over HS codes meeting at 6 digits and over the members given', async () => {
    const { backend } = env;
    const db = backend.ctx.db;
    expect(exposureValue(db, ['8507600010'], ['SAU'])).toBe(0);
    await importExposure(
      backend,
      writeCsv(env.dir, 'customs.csv', [
        ['hs_code', 'destination', 'year', 'value_usd'],
        ['850760', 'SAU', before, 5_000_000],
        ['850760', 'SAU', last, 7_000_000],
        ['850760', 'KAZ', last, 2_000_000],
        ['8507600010', 'ARE', last, 1_000_000],
        ['854143', 'SAU', last, 3_000_000],
        ['8507', 'SAU', last, 99_000_000],
      ]),
    );
    // An enterprise's 10-digit code meets the customs 6-digit line; the heading row is not a line.
    expect(exposureValue(db, ['8507600010'], ['SAU'])).toBe(7_000_000);
    expect(exposureValue(db, ['850760'], ['SAU', 'KAZ', 'ARE'])).toBe(10_000_000);
    expect(exposureValue(db, ['8507600010', '850760', '854143'], ['SAU'])).toBe(10_000_000);
    expect(exposureValue(db, ['850760'], ['RUS'])).toBe(0);
    expect(exposureValue(db, [], ['SAU'])).toBe(0);
  });
});

describe('focus industries', () => {
  it('lists the eight defaults, saves a new one and an edit with stamps and audit, and starts a recomputation each time', () => {
    const { backend } = env;
    const defaults = backend.call('focusIndustriesList', {});
    expect(defaults.map((f) => f.uid)).toEqual(DEFAULT_FOCUS_INDUSTRIES.map((f) => f.uid));
    expect(defaults.every((f) => f.builtIn)).toBe(true);
    const events = entities(backend);
    const made = backend.call('focusIndustriesSave', { code: 'tyres', nameZh: '轮胎', nameEn: 'Tyres', hsCodes: ['4011', '40.11.10', '4011'], keywords: ['Tyre', '轮胎'] });
    expect(made.industry).toMatchObject({ code: 'tyres', hsCodes: ['4011', '401110'], keywords: ['tyre', '轮胎'], builtIn: false, updatedBy: AUTHOR });
    expect(backend.ctx.jobs.get(made.jobId)).toMatchObject({ kind: 'warningsRecompute', input: { scope: 'all', reason: 'focusIndustries' } });
    expect(events).toEqual(['settings']);

    const ev = defaults.find((f) => f.code === 'ev')!;
    const edited = backend.call('focusIndustriesSave', { uid: ev.uid, code: 'ev', nameZh: ev.nameZh, nameEn: ev.nameEn, hsCodes: [...ev.hsCodes, '8711'], keywords: ev.keywords, justification: ev.justification });
    expect(edited.industry).toMatchObject({ uid: ev.uid, builtIn: true, hsCodes: [...ev.hsCodes, '8711'] });
    expect(edited.jobId).not.toBe(made.jobId);
    expect(backend.call('auditList', { entity: 'focus-industry' }).map((a) => a.action).sort()).toEqual(['create', 'update']);

    expect(() => backend.call('focusIndustriesSave', { code: 'ev', nameZh: '重复', hsCodes: ['8703'] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }) as Error,
    );
    expect(() => backend.call('focusIndustriesSave', { code: 'bad', nameZh: '错', hsCodes: ['123'] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error);
  });

  it('deletes as a tombstone, audited, starting a recomputation; the code is free again', () => {
    const { backend } = env;
    const food = backend.call('focusIndustriesList', {}).find((f) => f.code === 'food')!;
    const events = entities(backend);
    const gone = backend.call('focusIndustriesDelete', { uid: food.uid });
    expect(gone).toEqual({ deleted: true, jobId: expect.any(String) });
    expect(events).toEqual(['settings']);
    expect(backend.call('focusIndustriesList', {}).map((f) => f.code)).not.toContain('food');
    expect(backend.ctx.db.prepare('SELECT deleted_by FROM focus_industries WHERE uid = ?').pluck().get(food.uid)).toBe(
      backend.call('analystsList', {}).find((a) => a.name === AUTHOR)!.uid,
    );
    expect(backend.call('focusIndustriesDelete', { uid: food.uid })).toEqual({ deleted: false, jobId: null });
    expect(backend.call('auditList', { entity: 'focus-industry' })).toHaveLength(1);
    expect(backend.call('focusIndustriesSave', { code: 'food', nameZh: '食品', hsCodes: ['16'] }).industry.uid).not.toBe(food.uid);
  });
});
