import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { runCli } from '../../electron/cli/run-cli';
import { events as eventSchemas, jobKinds, type EventName, type WarningRules } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { DEFAULT_WARNING_RULES } from '../../shared/domain/warning-rules';
import { epingRow, fixtureDir, writeEpingXlsx } from '../fixtures/eping-fixtures';
import { addAnalysts, AUTHOR } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { emptyBackend, makeTempDir } from '../helpers/temp-store';
import { insertEnterpriseRow } from '../helpers/warning-fixtures';

type Env = Awaited<ReturnType<typeof emptyBackend>>;
let env: Env;
let files: ReturnType<typeof fixtureDir>;
let seen: Array<[EventName, unknown]>;
beforeEach(async () => {
  env = await emptyBackend();
  files = fixtureDir();
  addAnalysts(env.backend);
  seen = [];
  env.backend.subscribe((name, payload) => {
    // Every event pushed is checked against the contract.
    eventSchemas[name].parse(payload);
    seen.push([name, payload]);
  });
});
afterEach(() => {
  env.cleanup();
  files.cleanup();
});

const backend = () => env.backend;
const db = () => env.backend.ctx.db;
function day(n: number): string {
  const d = new Date(`${todayOf(env.backend.ctx.clock)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** The ePing export's day/month/year. */
const eping = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function exporter(market: string, usd: number | null): string {
  return insertEnterpriseRow(db(), {
    name: '杭州锂能科技有限公司',
    creditCode: '91330100MA2B3C4D5E',
    lines: [{ hsCode: '850760', market, annualExportUsd: usd }],
    actorUid: actingAnalyst(db()).uid,
  });
}

const changedEntities = (): string[] => seen.filter(([n]) => n === 'dataChanged').map(([, p]) => (p as { entity: string }).entity);

describe('the recompute job', () => {
  it('runs from its channel, reports its summary, and announces warnings raised to red or orange', async () => {
    await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/1201', { title: 'GSO draft: prohibition of lithium-ion batteries', hsCodes: ['850760'], distributionDate: day(-3), commentDeadline: day(10) }),
    ]);
    const uid = exporter('KWT', 20_000_000);
    const { jobId } = backend().call('warningsRecompute', {});
    const ended = await backend().ctx.jobs.settle(jobId);
    expect(ended.status).toBe('done');
    const result = jobKinds.warningsRecompute.result.parse(ended.result);
    // 25 + 20 + 20 (prohibition) + 8 (10 days) + 5 (lithium-ion) = 78: red.
    const w = db().prepare('SELECT uid, score, level FROM warnings WHERE target_key = ?').get(uid) as { uid: string; score: number; level: string };
    expect(w).toMatchObject({ score: 78, level: 'red' });
    expect(result.raisedUids).toContain(w.uid);
    expect(changedEntities()).toContain('warnings');
    const raised = seen.filter(([n]) => n === 'warningsRaised').map(([, p]) => p);
    expect(raised).toEqual([{ red: result.raisedRed, orange: result.raisedHigh - result.raisedRed!, warningUids: result.raisedUids }]);
    expect(result.raisedRed).toBeGreaterThanOrEqual(1);

    // Nothing changed since: the next job raises nothing and says nothing of it.
    seen = [];
    await backend().ctx.jobs.settle(backend().call('warningsRecompute', {}).jobId);
    expect(seen.some(([n]) => n === 'warningsRaised')).toBe(false);
  });

  it('a cancelled job leaves the warnings as they were', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/1201', { title: 'GSO draft on batteries', hsCodes: ['850760'], distributionDate: day(-3) })]);
    exporter('KWT', 1);
    const { jobId } = backend().call('warningsRecompute', {});
    backend().ctx.jobs.cancel(jobId);
    expect(await backend().ctx.jobs.settle(jobId)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(db().prepare('SELECT count(*) FROM warnings').pluck().get()).toBe(0);
  });
});

describe('the rules', () => {
  it('are the defaults until saved', () => {
    expect(backend().call('warningRulesGet', {})).toEqual(DEFAULT_WARNING_RULES);
  });

  it('refuses weights over 100 and thresholds out of order, and keeps the store as it was', () => {
    const heavy: WarningRules = { ...DEFAULT_WARNING_RULES, weights: { ...DEFAULT_WARNING_RULES.weights, exposure: 60 } };
    expect(() => backend().call('warningRulesSave', heavy)).toThrow(/more than 100/);
    const upside: WarningRules = { ...DEFAULT_WARNING_RULES, thresholds: { red: 40, orange: 50, yellow: 30 } };
    expect(() => backend().call('warningRulesSave', upside)).toThrow(/fall from red/);
    expect(db().prepare("SELECT count(*) FROM settings WHERE key = 'warningRules'").pluck().get()).toBe(0);
    expect(backend().ctx.jobs.pending('warningsRecompute')).toEqual([]);
  });

  it('saving them is audited, stamped by the acting analyst, and recomputes every warning under them', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/1201', { title: 'GSO draft on batteries', hsCodes: ['850760'], distributionDate: day(-3) })]);
    const uid = exporter('KWT', 20_000_000);
    await backend().ctx.jobs.settle(backend().call('warningsRecompute', {}).jobId);
    // 25 (20 M) + 20 (line) + 5 (lithium-ion) = 50: orange.
    expect(db().prepare('SELECT score, level FROM warnings WHERE target_key = ?').get(uid)).toEqual({ score: 50, level: 'orange' });

    seen = [];
    const rules: WarningRules = { ...DEFAULT_WARNING_RULES, thresholds: { red: 50, orange: 40, yellow: 20 } };
    const saved = backend().call('warningRulesSave', rules);
    expect(saved.rules).toEqual(rules);
    expect(changedEntities()).toEqual(['settings']);
    const job = await backend().ctx.jobs.settle(saved.jobId);
    expect(job).toMatchObject({ kind: 'warningsRecompute', input: { scope: 'all', reason: 'rules' }, status: 'done' });
    expect(db().prepare('SELECT score, level FROM warnings WHERE target_key = ?').get(uid)).toEqual({ score: 50, level: 'red' });
    expect(backend().call('warningRulesGet', {})).toEqual(rules);

    const me = actingAnalyst(db());
    expect(me.name).toBe(AUTHOR);
    expect(db().prepare("SELECT updated_by FROM settings WHERE key = 'warningRules'").pluck().get()).toBe(me.uid);
    const audit = db().prepare("SELECT actor, action, entity, before, after FROM audit_log WHERE entity = 'warningRules'").all() as Array<{ actor: string; before: string; after: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: AUTHOR, action: 'update' });
    expect(JSON.parse(audit[0]!.before)).toEqual(DEFAULT_WARNING_RULES);
    expect(JSON.parse(audit[0]!.after)).toEqual(rules);
  });
});

describe('the warnings pass of an import', () => {
  const rows = () => [
    epingRow({
      'Document symbol': 'G/TBT/N/SAU/1201',
      Title: 'GSO draft technical regulation for lithium-ion batteries',
      'HS code(s)': '8507.60',
      'Distribution date': eping(day(-3)),
      'Final date for comments': eping(day(40)),
    }),
    epingRow({ 'Document symbol': 'G/TBT/N/KEN/77', Title: 'Standard for maize flour', 'HS code(s)': '1102.20', 'Distribution date': eping(day(-3)), 'Final date for comments': '' }),
  ];
  const importJob = async (file: string) => {
    const { jobId } = backend().call('notificationsImportStart', { fileRef: backend().ctx.staging.addPath(file).fileRef });
    return backend().ctx.jobs.settle(jobId);
  };

  it('scores what the file added, reports it, and a re-import of the same file adds no warnings', async () => {
    const uid = exporter('OMN', 2_000_000);
    const file = await writeEpingXlsx(files.file('eping.xlsx'), rows());
    const first = await importJob(file);
    expect(first.status).toBe('done');
    const report = jobKinds.import.result.parse(first.result);
    expect(report.inserted).toBe(2);
    expect(report.warnings).toMatchObject({ created: expect.any(Number) as number });
    expect(report.warnings!.created).toBeGreaterThan(1);
    expect(db().prepare('SELECT level FROM warnings WHERE target_key = ?').pluck().get(uid)).toBe('orange');
    expect(changedEntities()).toEqual(expect.arrayContaining(['notifications', 'imports', 'warnings']));
    expect(seen.filter(([n]) => n === 'warningsRaised')).toHaveLength(1);

    const count = db().prepare('SELECT count(*) FROM warnings').pluck().get();
    seen = [];
    const again = await importJob(await writeEpingXlsx(files.file('again.xlsx'), rows()));
    const second = jobKinds.import.result.parse(again.result);
    expect(second).toMatchObject({ inserted: 0, updated: 0, warnings: null });
    expect(db().prepare('SELECT count(*) FROM warnings').pluck().get()).toBe(count);
    expect(seen.some(([n]) => n === 'warningsRaised')).toBe(false);
  });
});

describe('pingyi warnings recompute', () => {
  it('prints the summary, or the JSON with --json, progress on stderr', async () => {
    const tmp = makeTempDir();
    try {
      const run = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: '2026-11-20T02:00:00Z' });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const plain = await run('warnings', 'recompute');
      expect(plain.code).toBe(0);
      expect(plain.out).toMatch(/^Warnings recomputed: 0 measure × target pairs scored, 0 new/);
      expect(plain.err).toMatch(/warnings: (loading|scoring|writing)/);
      const json = await run('warnings', 'recompute', '--json');
      expect(json.code).toBe(0);
      expect(jobKinds.warningsRecompute.result.parse(JSON.parse(json.out))).toMatchObject({ scored: 0, created: 0 });
      expect((await run('warnings', 'recompute', 'now')).code).not.toBe(0);
    } finally {
      tmp.cleanup();
    }
  });
});
