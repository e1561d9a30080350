import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { runWarningPass, type WarningScope } from '../../electron/backend/warnings/engine';
import type { WarningFactor, WarningMatch } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { addAnalysts } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { emptyBackend } from '../helpers/temp-store';
import { insertEnterpriseRow } from '../helpers/warning-fixtures';

type Env = Awaited<ReturnType<typeof emptyBackend>>;
let env: Env;
beforeEach(async () => {
  env = await emptyBackend();
  addAnalysts(env.backend);
});
afterEach(() => env.cleanup());

const db = () => env.backend.ctx.db;
const today = (): string => todayOf(env.backend.ctx.clock);
/** The date `n` days from today (negative: before). */
function day(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const pass = (scope: WarningScope = { kind: 'all' }) => runWarningPass(db(), scope, { actor: actingAnalyst(db()), clock: env.backend.ctx.clock });

let codeSeq = 0;
function enterprise(name: string, lines: Array<{ hsCode: string; market: string; annualExportUsd: number | null }>): string {
  codeSeq += 1;
  return insertEnterpriseRow(db(), { name, creditCode: `91330000MA${String(codeSeq).padStart(7, '0')}X`, lines, actorUid: actingAnalyst(db()).uid });
}

interface Row {
  uid: string;
  measure_key: string;
  target_kind: string;
  score: number;
  computed_level: string;
  level: string;
  state: string;
  close_reason: string | null;
  members: string;
  industries: string;
  stage: string;
  match: string;
  value_usd: number | null;
  factors: string;
  matches: string;
  next_deadline: string | null;
  updated_at: string;
}
const warningOf = (target: string): Row | undefined => db().prepare('SELECT * FROM warnings WHERE target_key = ?').get(target) as Row | undefined;
const pointsOf = (w: Row): Record<string, number> => Object.fromEntries((JSON.parse(w.factors) as WarningFactor[]).map((f) => [f.key, f.points]));

/** A GSO draft on lithium-ion batteries, notified by Saudi Arabia alone, comments open 50 more days. */
const gsoDraft = () =>
  parsedRecord('G/TBT/N/SAU/1201', {
    title: 'GSO draft technical regulation for lithium-ion batteries',
    hsCodes: ['8507.60'],
    distributionDate: day(-10),
    commentDeadline: day(50),
  });

describe('a GSO draft notified by one Gulf member', () => {
  it('reaches an enterprise exporting to Kuwait only, and not one exporting to Germany', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    const deu = enterprise('宁波储能有限公司', [{ hsCode: '850760', market: 'DEU', annualExportUsd: 9_000_000 }]);
    const summary = pass();

    const w = warningOf(kwt)!;
    expect(w.measure_key).toMatch(/^family:GCC\|TBT\|/);
    expect(w.members).toBe(',ARE,BHR,KWT,OMN,QAT,SAU,YEM,');
    // exposure 2 M → 25 × 0.75 = 18.75 → 19; same line → 20; "technical regulation" → 20 × 0.5 = 10;
    // comments in 50 days → 8 × 0.5 = 4; 8507.60 is the lithium-battery focus industry → 5. 19+20+10+4+5 = 58.
    expect(pointsOf(w)).toEqual({ exposure: 19, match: 20, nature: 10, deviation: 0, commentWindow: 4, entryIntoForce: 0, shortInterval: 0, focusIndustry: 5, laterDocuments: 0 });
    expect(w).toMatchObject({ score: 58, computed_level: 'orange', level: 'orange', state: 'new', match: 'direct', value_usd: 2_000_000, stage: 'draft' });
    expect(w.industries).toBe(',lithium-battery,');
    expect(w.next_deadline).toBe(day(50));
    expect(JSON.parse(w.matches) as WarningMatch[]).toEqual([{ hsCode: '850760', market: 'KWT', depth: 'line', measureCode: '850760', valueUsd: 2_000_000, valueSource: 'enterprise' }]);
    expect(warningOf(deu)).toBeUndefined();

    // The lithium-battery industry's own warning: unknown customs value 6 + line 20 + 10 + 4 + 5 = 45.
    const industry = db().prepare("SELECT score, computed_level FROM warnings WHERE target_kind = 'industry' AND target_key = 'lithium-battery'").get();
    expect(industry).toEqual({ score: 45, computed_level: 'yellow' });
    expect(summary.raisedHigh).toBe(1);
    expect(summary.raisedUids).toEqual([w.uid]);
    expect(db().prepare('SELECT kind, score, level, state, note FROM warning_history WHERE warning_uid = ?').all(w.uid)).toEqual([
      { kind: 'computed', score: 58, level: 'orange', state: 'new', note: 'created' },
    ]);
  });

  it('a Saudi rule that names no Gulf draft reaches Saudi Arabia only', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/1300', { title: 'Technical regulation for lithium-ion batteries', hsCodes: ['850760'], distributionDate: day(-5) })]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    const sau = enterprise('宁波储能有限公司', [{ hsCode: '85076000', market: 'SAU', annualExportUsd: null }]);
    pass();
    expect(warningOf(kwt)).toBeUndefined();
    expect(warningOf(sau)).toMatchObject({ members: ',SAU,', match: 'direct', value_usd: null });
  });
});

describe('later documents', () => {
  it('an addendum announcing adoption raises the level, kept in history and reported as raised', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    const report = await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/1201/Add.1', {
        title: 'GSO draft technical regulation for lithium-ion batteries',
        description: `The technical regulation was adopted on ${day(-2)} and enters into force on ${day(60)}.`,
        distributionDate: day(-1),
        proposedAdoption: day(-2),
        proposedEntryIntoForce: day(60),
      }),
    ]);
    const ids = db().prepare('SELECT id FROM notifications WHERE last_import_id = ?').pluck().all(report.importId) as number[];
    const summary = pass({ kind: 'notifications', ids });
    const w = warningOf(kwt)!;
    // 58 before; adopted → 3 × 0.6 = 1.8 → 2; entry into force in 60 days → 6; 62 days from adoption
    // to entry into force, under six months → 5. 58 + 2 + 6 + 5 = 71: red.
    expect(pointsOf(w)).toMatchObject({ laterDocuments: 2, entryIntoForce: 6, shortInterval: 5 });
    expect(w).toMatchObject({ score: 71, computed_level: 'red', level: 'red', stage: 'adopted' });
    // The enterprise's warning and the two focus industries 8507.60 reaches (lithium-ion at the
    // line; lead-acid 8507.10/20 at the heading) all changed. Appliances (8509) and photovoltaic
    // (8504.40) share only the chapter with it, which is no match.
    expect(db().prepare("SELECT target_key || ':' || match FROM warnings WHERE target_kind = 'industry' ORDER BY target_key").pluck().all()).toEqual([
      'lead-acid-battery:broad',
      'lithium-battery:direct',
    ]);
    expect(summary).toMatchObject({ changed: 3, created: 0, raisedRed: 1 });
    expect(summary.raisedUids[0]).toBe(w.uid);
    expect(db().prepare("SELECT note FROM warning_history WHERE warning_uid = ? AND kind = 'computed' ORDER BY id").pluck().all(w.uid)).toEqual([
      'created',
      'orange → red',
    ]);
    const factor = (JSON.parse(w.factors) as WarningFactor[]).find((f) => f.key === 'laterDocuments')!;
    expect(factor.evidence).toEqual([{ symbol: 'G/TBT/N/SAU/1201/Add.1', field: 'description', text: 'adopted' }]);
  });

  it('a withdrawal closes the warning, and a withdrawn measure raises no new one', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/1201/Add.2', { description: 'The notified draft has been withdrawn.', distributionDate: day(-1) })]);
    const late = enterprise('温州电池有限公司', [{ hsCode: '850760', market: 'ARE', annualExportUsd: 500_000 }]);
    const summary = pass();
    expect(warningOf(kwt)).toMatchObject({ state: 'closed', close_reason: 'withdrawn', stage: 'withdrawn' });
    expect(warningOf(late)).toBeUndefined();
    // The enterprise's and the two focus industries'.
    expect(summary.closed).toBe(3);
    expect(db().prepare("SELECT kind, state, note FROM warning_history WHERE warning_uid = ? AND kind = 'state'").all(warningOf(kwt)!.uid)).toEqual([
      { kind: 'state', state: 'closed', note: 'withdrawn' },
    ]);
  });
});

describe('what recomputation leaves alone', () => {
  it('an override, a state and a response plan survive; the computed level moves under them', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    const uid = warningOf(kwt)!.uid;
    db().prepare(
      `UPDATE warnings SET override_level = 'blue', override_reason = 'exports stopped', level = 'blue', state = 'planned',
         response_kind = 'monitor', response_note = 'watch the GSO' WHERE uid = ?`,
    ).run(uid);
    await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/1201/Add.1', { description: 'Adopted.', distributionDate: day(-1), proposedAdoption: day(-2), proposedEntryIntoForce: day(60) }),
    ]);
    const summary = pass();
    expect(db().prepare('SELECT computed_level, level, override_level, state, response_kind, response_note FROM warnings WHERE uid = ?').get(uid)).toEqual({
      computed_level: 'red',
      level: 'blue',
      override_level: 'blue',
      state: 'planned',
      response_kind: 'monitor',
      response_note: 'watch the GSO',
    });
    // Overridden to blue, so nothing was raised to red or orange for the analyst.
    expect(summary.raisedUids).not.toContain(uid);
  });

  it('a second pass over the same store changes nothing', async () => {
    await importRecords(db(), [gsoDraft()]);
    enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    const first = pass();
    const before = db().prepare('SELECT uid, updated_at, digest FROM warnings ORDER BY uid').all();
    const second = pass();
    expect(first.created).toBeGreaterThan(0);
    expect(second).toMatchObject({ created: 0, changed: 0, closed: 0, unchanged: first.created, raisedHigh: 0 });
    expect(db().prepare('SELECT uid, updated_at, digest FROM warnings ORDER BY uid').all()).toEqual(before);
  });

  it('a tombstoned warning stays tombstoned', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    db().prepare("UPDATE warnings SET deleted_at = '2026-01-01T00:00:00.000Z', deleted_by = created_by, score = 1 WHERE target_key = ?").run(kwt);
    pass();
    expect(db().prepare('SELECT count(*) FROM warnings WHERE target_key = ?').pluck().get(kwt)).toBe(1);
    expect(warningOf(kwt)).toMatchObject({ score: 1 });
  });
});

describe('warnings that no longer hold', () => {
  it('closes when the enterprise stops exporting there, and opens again when it starts again', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    db().prepare("UPDATE enterprise_exposure SET market = 'DEU' WHERE enterprise_uid = ?").run(kwt);
    expect(pass({ kind: 'enterprises', uids: [kwt] })).toMatchObject({ closed: 1 });
    expect(warningOf(kwt)).toMatchObject({ state: 'closed', close_reason: 'noLongerMatches' });
    db().prepare("UPDATE enterprise_exposure SET market = 'QAT' WHERE enterprise_uid = ?").run(kwt);
    const again = pass({ kind: 'enterprises', uids: [kwt] });
    expect(warningOf(kwt)).toMatchObject({ state: 'new', close_reason: null });
    expect(again.raisedUids).toEqual([warningOf(kwt)!.uid]);
  });

  it('closes every open warning of a removed enterprise', async () => {
    await importRecords(db(), [gsoDraft()]);
    const kwt = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'KWT', annualExportUsd: 2_000_000 }]);
    pass();
    db().prepare("UPDATE enterprises SET deleted_at = '2026-11-01T00:00:00.000Z', deleted_by = created_by WHERE uid = ?").run(kwt);
    pass({ kind: 'enterprises', uids: [kwt] });
    expect(warningOf(kwt)).toMatchObject({ state: 'closed', close_reason: 'enterpriseRemoved' });
  });
});

describe('matches', () => {
  it('a measure without HS codes reaches a product of a focus industry by its words', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/ARE/600', { title: 'Requirements for photovoltaic modules', distributionDate: day(-3) })]);
    const solar = enterprise('常州光伏有限公司', [{ hsCode: '854143', market: 'ARE', annualExportUsd: 50_000 }]);
    const other = enterprise('常州纺织有限公司', [{ hsCode: '610910', market: 'ARE', annualExportUsd: 50_000 }]);
    pass();
    const w = warningOf(solar)!;
    expect(w.match).toBe('text');
    const match = (JSON.parse(w.factors) as WarningFactor[]).find((f) => f.key === 'match')!;
    expect(match).toMatchObject({ value: 'text', points: 3, evidence: [{ symbol: 'G/TBT/N/ARE/600', field: 'text', text: 'photovoltaic' }] });
    // A text match is no HS match with the industry: the focus-industry factor stays 0.
    expect(pointsOf(w).focusIndustry).toBe(0);
    expect(w.industries).toBe(',photovoltaic,');
    expect(warningOf(other)).toBeUndefined();
  });

  it('a measure with HS codes reaches no product by its words alone', async () => {
    await importRecords(db(), [
      parsedRecord('G/TBT/N/ARE/601', { title: 'Labelling of photovoltaic inverters', hsCodes: ['850440'], distributionDate: day(-3) }),
    ]);
    const solar = enterprise('常州光伏有限公司', [{ hsCode: '854143', market: 'ARE', annualExportUsd: 50_000 }]);
    pass();
    expect(warningOf(solar)).toBeUndefined();
  });

  it('lines without a figure count China customs exports, marked as such', async () => {
    await importRecords(db(), [parsedRecord('G/SPS/N/KAZ/90', { title: 'Maximum residue levels in fish', hsCodes: ['0303'], distributionDate: day(-3) })]);
    db().prepare('INSERT INTO trade_exposure (hs_code, destination, year, value_usd) VALUES (?, ?, ?, ?)').run('030389', 'KAZ', 2024, 100_000);
    db().prepare('INSERT INTO trade_exposure (hs_code, destination, year, value_usd) VALUES (?, ?, ?, ?)').run('030389', 'KAZ', 2025, 3_000_000);
    const fish = enterprise('舟山水产有限公司', [{ hsCode: '030389', market: 'KAZ', annualExportUsd: null }]);
    pass();
    const w = warningOf(fish)!;
    expect(JSON.parse(w.matches)).toEqual([{ hsCode: '030389', market: 'KAZ', depth: 'heading', measureCode: '0303', valueUsd: 3_000_000, valueSource: 'customs' }]);
    // 3 M (latest year) → 19; heading → 12; residue levels → 15; aquatic focus industry → 5. 51: orange.
    expect(pointsOf(w)).toMatchObject({ exposure: 19, match: 12, nature: 15, focusIndustry: 5 });
    expect(w.score).toBe(51);
    // The aquatic-products industry: 3 M of customs exports under 03 to KAZ → 13 (≥ 10 M? no: 3 M is > 0 → 6).
    const industry = db().prepare("SELECT value_usd, factors FROM warnings WHERE target_key = 'aquatic-products'").get() as { value_usd: number; factors: string };
    expect(industry.value_usd).toBe(3_000_000);
    expect((JSON.parse(industry.factors) as WarningFactor[])[0]).toMatchObject({ value: 'usd', points: 6 });
  });
});

describe('the window', () => {
  it('a measure last heard of over a year ago raises nothing, unless its entry into force is ahead', async () => {
    await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/1', { title: 'Technical regulation on batteries', hsCodes: ['850760'], distributionDate: day(-400) }),
      parsedRecord('G/TBT/N/SAU/2', { title: 'Technical regulation on cells', hsCodes: ['850760'], distributionDate: day(-400), proposedEntryIntoForce: day(30) }),
    ]);
    const sau = enterprise('杭州锂能科技有限公司', [{ hsCode: '850760', market: 'SAU', annualExportUsd: 2_000_000 }]);
    pass();
    expect(db().prepare('SELECT symbols FROM warnings WHERE target_key = ?').pluck().all(sau)).toEqual(['["G/TBT/N/SAU/2"]']);
  });
});
