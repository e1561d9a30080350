import type { Database } from 'better-sqlite3';
import { addDays } from '../../electron/backend/notifications/list-query';
import type { WarningFactor, WarningMatch } from '../../shared/contract';
import { todayOf, type Clock } from '../../shared/domain/clock';
import { creditCodeCheckCharacter } from '../../shared/domain/credit-code';
import { UNRECORDED_ANALYST_UID } from '../../shared/domain/uid';
import { importRecords, parsedRecord } from './import-records';
import { insertEnterpriseRow, insertWarningRow } from './warning-fixtures';

/** A valid unified social credit code from 17 characters (the check character appended). */
export function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

const factor = (key: WarningFactor['key'], value: string, points: number, max: number): WarningFactor => ({ key, value, params: {}, points, max, evidence: [] });
const match = (hsCode: string, market: string, valueUsd: number): WarningMatch => ({
  hsCode,
  market,
  depth: 'line',
  measureCode: hsCode,
  valueUsd,
  valueSource: 'enterprise',
});

/**
 * A store with two measures and four enterprises:
 * - 浙江绿能电池: red on the Saudi battery regulation (translated), orange on the UAE labelling
 *   rule (untranslated), a blue one and a closed yellow one (both left out of its letter);
 * - 江苏储能科技: red on the Saudi regulation; 宁波家电: yellow on it; 杭州无预警: none.
 */
export async function letterStore(db: Database, clock: Clock, actorUid: string) {
  const today = todayOf(clock);
  const dates = { comments: addDays(today, 30), adoption: addDays(today, 90), inForce: addDays(today, 200), uaeInForce: addDays(today, 120) };
  await importRecords(db, [
    parsedRecord('G/TBT/N/SAU/1201', {
      title: 'Technical regulation for lithium-ion batteries',
      description: 'The draft sets safety requirements.\nSecond paragraph that the letter leaves out.',
      commentDeadline: dates.comments,
      proposedAdoption: dates.adoption,
      proposedEntryIntoForce: dates.inForce,
    }),
    parsedRecord('G/TBT/N/ARE/350', { title: 'Energy labelling of household refrigerators', description: 'Refrigerators shall carry an energy label.' }),
    parsedRecord('G/TBT/N/KEN/77', { title: 'Standard for dry cells' }),
    parsedRecord('G/TBT/N/KEN/78', { title: 'Standard for button cells' }),
  ]);
  const id = (symbol: string) => (db.prepare('SELECT id FROM notifications WHERE symbol = ?').get(symbol) as { id: number }).id;
  const ids = { sau: id('G/TBT/N/SAU/1201'), are: id('G/TBT/N/ARE/350'), ken: id('G/TBT/N/KEN/77'), ken78: id('G/TBT/N/KEN/78') };
  db.prepare(
    `INSERT INTO notification_translations (notification_id, title_zh, description_zh, status, uid, created_at, created_by, updated_at, updated_by)
     VALUES (?, '锂离子电池技术法规', ?, 'final', pingyi_uid_at(?), ?, ?, ?, ?)`,
  ).run(ids.sau, '该技术法规草案规定锂离子电池的安全要求，并要求产品在投放市场前取得合格证书。\n第二段不进入预警函。', clock.now().toISOString(), clock.now().toISOString(), UNRECORDED_ANALYST_UID, clock.now().toISOString(), UNRECORDED_ANALYST_UID);

  const enterprise = (name: string, code: string) =>
    insertEnterpriseRow(db, { name, creditCode: creditCode(code), actorUid, lines: [{ hsCode: '850760', market: 'SAU', annualExportUsd: 1_200_000 }] });
  const green = enterprise('浙江绿能电池有限公司', '91330100MA2H3K5L7');
  const storage = enterprise('江苏储能科技有限公司', '91320500MA1N2P3Q4');
  const appliances = enterprise('宁波家电有限公司', '91330200MA2B3C4D5');
  const quiet = enterprise('杭州无预警有限公司', '91330100MA2E5F6G7');

  const sau = { notificationId: ids.sau, symbols: ['G/TBT/N/SAU/1201'], members: ['SAU'], commentDeadline: dates.comments, entryIntoForce: dates.inForce, actorUid };
  const warnings = {
    greenSau: insertWarningRow(db, {
      ...sau,
      enterpriseUid: green,
      score: 82,
      level: 'red',
      factors: [factor('exposure', 'usd', 30, 30), factor('nature', 'conformity', 20, 20), factor('commentWindow', 'days', 12, 15)],
      matches: [match('850760', 'SAU', 1_200_000)],
    }),
    greenAre: insertWarningRow(db, {
      notificationId: ids.are,
      symbols: ['G/TBT/N/ARE/350'],
      members: ['ARE'],
      entryIntoForce: dates.uaeInForce,
      enterpriseUid: green,
      score: 55,
      level: 'orange',
      factors: [factor('nature', 'labelling', 14, 20), factor('exposure', 'usd', 20, 30)],
      matches: [match('841810', 'ARE', 300_000), match('841810', 'SAU', 100_000)],
      actorUid,
    }),
    greenBlue: insertWarningRow(db, { notificationId: ids.ken, symbols: ['G/TBT/N/KEN/77'], members: ['KEN'], enterpriseUid: green, score: 12, level: 'blue', actorUid }),
    storageSau: insertWarningRow(db, { ...sau, enterpriseUid: storage, score: 74, level: 'red', matches: [match('850760', 'SAU', 800_000)] }),
    appliancesSau: insertWarningRow(db, { ...sau, enterpriseUid: appliances, score: 35, level: 'yellow' }),
  };
  // The row fixture leaves the adoption date out; the engine copies it from the notification.
  db.prepare('UPDATE warnings SET adoption = ? WHERE uid = ?').run(dates.adoption, warnings.greenSau);
  // A closed warning of the first enterprise: handled, so no letter repeats it.
  insertWarningRow(db, { notificationId: ids.ken78, symbols: ['G/TBT/N/KEN/78'], members: ['KEN'], enterpriseUid: green, score: 40, level: 'yellow', state: 'closed', actorUid });
  return { today, dates, ids, enterprises: { green, storage, appliances, quiet }, warnings, codes: { green: creditCode('91330100MA2H3K5L7') } };
}
