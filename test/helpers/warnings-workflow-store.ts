import type { Database } from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend';
import type { DataEntity } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { creditCodeCheckCharacter } from '../../shared/domain/credit-code';
import { addAnalysts, AUTHOR } from './comment-fixtures';
import { importRecords, parsedRecord } from './import-records';
import { emptyBackend } from './temp-store';
import { insertEnterpriseRow, insertWarningRow } from './warning-fixtures';

/** A valid unified social credit code from its first 17 characters. */
export const creditCode = (first17: string): string => `${first17}${creditCodeCheckCharacter(first17)}`;

export const BATTERY_CODE = creditCode('91350100MA2Y00001');
export const APPLIANCE_CODE = creditCode('91370200MA3C00002');

const DAY_MS = 86_400_000;

/** The calendar date `days` after `iso`. */
export function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export const notificationId = (db: Database, symbol: string): number => {
  const id = db.prepare('SELECT id FROM notifications WHERE symbol = ?').pluck().get(symbol) as number | undefined;
  if (id === undefined) throw new Error(`no notification ${symbol}`);
  return id;
};

export const analystUid = (backend: Backend, name: string): string => {
  const a = backend.call('analystsList', {}).find((x) => x.name === name);
  if (!a) throw new Error(`no analyst ${name}`);
  return a.uid;
};

/** Every dataChanged event the backend pushes from now on, as entity and ids. */
export function recordChanges(backend: Backend): Array<{ entity: DataEntity; ids?: Array<number | string> }> {
  const seen: Array<{ entity: DataEntity; ids?: Array<number | string> }> = [];
  backend.subscribe((name, payload) => {
    if (name === 'dataChanged') seen.push(payload as { entity: DataEntity; ids?: Array<number | string> });
  });
  return seen;
}

export const SYMBOLS = {
  base: 'G/TBT/N/SAU/1201',
  addendum: 'G/TBT/N/SAU/1201/Add.1',
  egypt: 'G/TBT/N/EGY/100',
  egyptAddendum: 'G/TBT/N/EGY/100/Add.1',
  gccSau: 'G/TBT/N/SAU/1300',
  gccAre: 'G/TBT/N/ARE/700',
} as const;

const GULF = ['SAU', 'ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'YEM'];

export interface WarningsStore {
  backend: Backend;
  dir: string;
  cleanup: () => void;
  db: Database;
  today: string;
  /** The acting analyst (AUTHOR). */
  actorUid: string;
  enterprises: { battery: string; appliance: string };
  warnings: Record<'red82' | 'orange55' | 'yellow35' | 'red72' | 'blue20' | 'removed90', string>;
  familyKey: string;
}

/**
 * A store with six notifications (a Saudi regulation and its addendum, an Egyptian one and its
 * addendum, and one GSO draft notified by Saudi Arabia and the UAE: a family), two enterprises
 * and six warnings, one of them removed (tombstoned):
 * - red82: Saudi regulation × battery maker, direct, comments due in 5 days;
 * - orange55: Saudi regulation × appliance maker, broad, acknowledged, in force in 40 days;
 * - yellow35: Egyptian × appliance maker, text match, no deadline;
 * - red72: GSO family × battery maker, every Gulf member, lithium batteries, comments in 20 days;
 * - blue20: Egyptian × the EV focus industry, a date already past;
 * - removed90: Egyptian × battery maker, tombstoned.
 */
export async function warningsStore(): Promise<WarningsStore> {
  const env = await emptyBackend();
  const { backend } = env;
  const db = backend.ctx.db;
  addAnalysts(backend);
  const actorUid = analystUid(backend, AUTHOR);
  const gsoTitle = 'GSO draft: Lithium-ion batteries safety requirements';
  await importRecords(db, [
    parsedRecord(SYMBOLS.base, { title: 'Electrical appliances and batteries' }),
    parsedRecord(SYMBOLS.addendum),
    parsedRecord(SYMBOLS.egypt, { title: 'Household refrigerators' }),
    parsedRecord(SYMBOLS.egyptAddendum),
    parsedRecord(SYMBOLS.gccSau, { title: gsoTitle, distributionDate: '2026-03-02' }),
    parsedRecord(SYMBOLS.gccAre, { title: gsoTitle, distributionDate: '2026-03-02' }),
  ]);
  const today = todayOf(backend.ctx.clock);
  const battery = insertEnterpriseRow(db, { name: '宁德示例电池有限公司', creditCode: BATTERY_CODE, industry: '电池制造', actorUid });
  const appliance = insertEnterpriseRow(db, { name: '青岛示例家电有限公司', creditCode: APPLIANCE_CODE, industry: '家用电器', actorUid });
  const base = notificationId(db, SYMBOLS.base);
  const egypt = notificationId(db, SYMBOLS.egypt);
  const gcc = notificationId(db, SYMBOLS.gccSau);
  const saudi = { notificationId: base, symbols: [SYMBOLS.base, SYMBOLS.addendum], members: ['SAU'], actorUid };
  const egyptian = { notificationId: egypt, symbols: [SYMBOLS.egypt, SYMBOLS.egyptAddendum], members: ['EGY'], actorUid };
  const w = {
    red82: insertWarningRow(db, { ...saudi, enterpriseUid: battery, score: 82, level: 'red', match: 'direct', commentDeadline: plusDays(today, 5) }),
    orange55: insertWarningRow(db, {
      ...saudi,
      enterpriseUid: appliance,
      score: 55,
      level: 'orange',
      match: 'broad',
      state: 'acknowledged',
      entryIntoForce: plusDays(today, 40),
    }),
    yellow35: insertWarningRow(db, { ...egyptian, enterpriseUid: appliance, score: 35, level: 'yellow', match: 'text' }),
    red72: insertWarningRow(db, {
      notificationId: gcc,
      symbols: [SYMBOLS.gccAre, SYMBOLS.gccSau],
      members: GULF,
      enterpriseUid: battery,
      score: 72,
      level: 'red',
      match: 'direct',
      commentDeadline: plusDays(today, 20),
      actorUid,
    }),
    blue20: insertWarningRow(db, { ...egyptian, industryCode: 'ev', score: 20, level: 'blue', match: 'broad', commentDeadline: plusDays(today, -3) }),
    removed90: insertWarningRow(db, { ...egyptian, enterpriseUid: battery, score: 90, level: 'red', commentDeadline: plusDays(today, 2) }),
  };
  // What the engine writes and the fixture leaves plain: the family's measure key, the focus
  // industries a warning reaches, and a tombstone.
  // A Saudi base opens a Gulf family of its own (later members may join it), so its measure is
  // keyed by the family too.
  db.prepare(
    `UPDATE warnings SET measure_key = coalesce((SELECT 'family:' || f.key FROM notifications n JOIN measure_families f ON f.id = n.family_id
       WHERE n.id = warnings.notification_id), measure_key)`,
  ).run();
  db.prepare("UPDATE warnings SET industries = ',lithium-battery,' WHERE uid = ?").run(w.red72);
  const familyKey = db.prepare('SELECT f.key FROM measure_families f JOIN notifications n ON n.family_id = f.id WHERE n.id = ?').pluck().get(gcc) as string;
  db.prepare("UPDATE warnings SET industries = ',ev,' WHERE uid = ?").run(w.blue20);
  db.prepare('UPDATE warnings SET deleted_at = ?, deleted_by = ? WHERE uid = ?').run(backend.ctx.clock.now().toISOString(), actorUid, w.removed90);
  return { ...env, db, today, actorUid, enterprises: { battery, appliance }, warnings: w, familyKey };
}
