import type { Database } from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend';
import type { ReportBlock, ReportDocument, ReportTable } from '../../shared/contract/reports';
import { todayOf } from '../../shared/domain/clock';
import { addAnalysts, AUTHOR, by, commentWithPoints, submit } from './comment-fixtures';
import { importRecords, parsedRecord } from './import-records';
import { emptyBackend, testClock } from './temp-store';
import { insertEnterpriseRow, insertWarningRow } from './warning-fixtures';
import { analystUid, creditCode, notificationId, plusDays } from './warnings-workflow-store';

export { plusDays };

/** The Chinese title the analysts gave the Saudi battery regulation. */
export const SAU_TITLE_ZH = '锂离子电池及电池组技术法规';

export interface ReportStore {
  backend: Backend;
  db: Database;
  cleanup: () => void;
  today: string;
  /** The period most tests report on: the 60 days up to today. */
  from: string;
  to: string;
  ids: Record<string, number>;
  warnings: Record<'red82' | 'orange55' | 'yellow35' | 'redClosed' | 'orangeEgy', string>;
  comments: { battery: number; cars: number; uae: number; draft: number };
}

/**
 * A store for the reports, every date counted from today (the test clock):
 * - in the period (the last 60 days), SCO members and partners: Saudi Arabia (a battery
 *   regulation on 8507 with its addendum, another on 850760, an SPS measure on fish 0302), the
 *   UAE (850760; cars 87038010, within the customs line 870380), Russia (cars 8703; an SPS measure), Egypt (its final date already past);
 * - outside the scope: a US notification in the period, a Kazakh one distributed before it
 *   (whose final date still falls in the coming weeks);
 * - customs figures: Saudi Arabia 850760 = 600, 030211 = 300, 870380 = 100 (latest year) and
 *   an older year; the UAE 850760 = 1000, 870380 = 500;
 * - warnings: red 82, orange 55 and yellow 35 open on Saudi measures, a closed red one, an
 *   orange one on Egypt's measure;
 * - comments: on the Saudi battery regulation (two points: adopted with the addendum as
 *   evidence, not adopted), on the Russian car rule (awaiting), on the UAE's (not adopted),
 *   and a draft never submitted.
 */
export async function reportStore(): Promise<ReportStore> {
  const clock = testClock();
  const { backend, cleanup } = await emptyBackend(clock);
  const db = backend.ctx.db;
  const today = todayOf(clock);
  const d = (n: number): string => plusDays(today, n);
  await importRecords(db, [
    parsedRecord('G/TBT/N/SAU/1201', { title: 'Lithium-ion batteries and battery packs', distributionDate: d(-30), commentDeadline: d(10), hsCodes: ['8507'] }),
    parsedRecord('G/TBT/N/SAU/1201/Add.1', { title: 'Lithium-ion batteries: comment period', distributionDate: d(-5), hsCodes: ['8507'] }),
    parsedRecord('G/TBT/N/SAU/1250', { title: 'Energy storage systems', distributionDate: d(-3), commentDeadline: d(45), hsCodes: ['850760'] }),
    parsedRecord('G/SPS/N/SAU/500', { title: 'Fresh and chilled fish', distributionDate: d(-20), commentDeadline: d(40), hsCodes: ['0302'] }),
    parsedRecord('G/TBT/N/ARE/700', { title: '<b>Battery</b> storage requirements', distributionDate: d(-15), commentDeadline: d(25), hsCodes: ['850760'] }),
    parsedRecord('G/TBT/N/ARE/710', { title: 'Passenger cars', distributionDate: d(-6), hsCodes: ['87038010'] }),
    parsedRecord('G/TBT/N/RUS/300', { title: 'Motor vehicles safety', distributionDate: d(-40), commentDeadline: d(5), hsCodes: ['8703'] }),
    parsedRecord('G/SPS/N/RUS/301', { title: 'Veterinary requirements for dairy', distributionDate: d(-10), commentDeadline: d(60) }),
    parsedRecord('G/TBT/N/EGY/100', { title: 'Household refrigerators energy efficiency', distributionDate: d(-8), commentDeadline: d(-1), hsCodes: ['8418'] }),
    parsedRecord('G/TBT/N/USA/999', { title: 'Consumer products', distributionDate: d(-12), commentDeadline: d(3) }),
    parsedRecord('G/TBT/N/KAZ/50', { title: 'Fertilizers', distributionDate: d(-100), commentDeadline: d(15), hsCodes: ['3105'] }),
  ]);
  const id = (symbol: string): number => notificationId(db, symbol);
  const ids = Object.fromEntries(
    ['G/TBT/N/SAU/1201', 'G/TBT/N/SAU/1201/Add.1', 'G/TBT/N/SAU/1250', 'G/SPS/N/SAU/500', 'G/TBT/N/ARE/700', 'G/TBT/N/ARE/710', 'G/TBT/N/RUS/300', 'G/SPS/N/RUS/301', 'G/TBT/N/EGY/100', 'G/TBT/N/USA/999', 'G/TBT/N/KAZ/50'].map((s) => [s, id(s)]),
  );
  addAnalysts(backend);
  const actorUid = analystUid(backend, AUTHOR);
  const triage = (symbol: string, industries: string[]): void => void backend.call('notificationsTriageUpdate', { id: ids[symbol]!, industries });
  triage('G/TBT/N/SAU/1201', ['lithium-battery']);
  triage('G/TBT/N/SAU/1250', ['lithium-battery']);
  triage('G/SPS/N/SAU/500', ['aquatic-products']);
  triage('G/TBT/N/ARE/700', ['ev', 'lithium-battery']);
  triage('G/TBT/N/RUS/300', ['ev']);
  triage('G/TBT/N/EGY/100', ['household-appliances']);
  backend.call('notificationsTranslationUpdate', { id: ids['G/TBT/N/SAU/1201']!, titleZh: SAU_TITLE_ZH, descriptionZh: '', translator: AUTHOR, status: 'final' });

  // Customs figures: the year before last is there to be ignored.
  const year = Number(today.slice(0, 4)) - 1;
  const exposure = db.prepare('INSERT INTO trade_exposure (hs_code, destination, year, value_usd) VALUES (?, ?, ?, ?)');
  for (const [hs, dest, y, v] of [
    ['850760', 'SAU', year, 600],
    ['030211', 'SAU', year, 300],
    ['870380', 'SAU', year, 100],
    ['850760', 'SAU', year - 1, 5000],
    ['940540', 'SAU', year - 1, 7000],
    ['850760', 'ARE', year, 1000],
    ['870380', 'ARE', year, 500],
  ] as const) exposure.run(hs, dest, y, v);

  const battery = insertEnterpriseRow(db, { name: '宁德示例电池有限公司', creditCode: creditCode('91350100MA2Y00001'), actorUid, lines: [{ hsCode: '850760', market: 'SAU', annualExportUsd: 600 }] });
  const appliance = insertEnterpriseRow(db, { name: '青岛示例电器有限公司', creditCode: creditCode('91370200MA3C00002'), actorUid });
  const sau = ids['G/TBT/N/SAU/1201']!;
  const warnings = {
    red82: insertWarningRow(db, { notificationId: sau, symbols: ['G/TBT/N/SAU/1201', 'G/TBT/N/SAU/1201/Add.1'], members: ['SAU'], enterpriseUid: battery, score: 82, level: 'red', commentDeadline: d(10), actorUid }),
    orange55: insertWarningRow(db, { notificationId: sau, symbols: ['G/TBT/N/SAU/1201'], members: ['SAU'], enterpriseUid: appliance, score: 55, level: 'orange', commentDeadline: d(10), state: 'acknowledged', actorUid }),
    yellow35: insertWarningRow(db, { notificationId: ids['G/SPS/N/SAU/500']!, symbols: ['G/SPS/N/SAU/500'], area: 'SPS', members: ['SAU'], industryCode: 'aquatic-products', score: 35, level: 'yellow', actorUid }),
    redClosed: insertWarningRow(db, { notificationId: ids['G/TBT/N/SAU/1250']!, symbols: ['G/TBT/N/SAU/1250'], members: ['SAU'], enterpriseUid: battery, score: 90, level: 'red', state: 'closed', actorUid }),
    orangeEgy: insertWarningRow(db, { notificationId: ids['G/TBT/N/EGY/100']!, symbols: ['G/TBT/N/EGY/100'], members: ['EGY'], enterpriseUid: appliance, score: 60, level: 'orange', actorUid }),
  };

  const batteryComment = submit(backend, commentWithPoints(backend, sau, 2), d(-20));
  const [p1, p2] = batteryComment.content.points;
  by(backend, AUTHOR).call('commentsRecordOutcome', { id: batteryComment.id, pointKey: p1!.key, outcome: 'adopted', evidence: { kind: 'notification', symbol: 'G/TBT/N/SAU/1201/Add.1' }, costSparedCny: 1_500_000, costMethod: '按测试费用估算' });
  by(backend, AUTHOR).call('commentsRecordOutcome', { id: batteryComment.id, pointKey: p2!.key, outcome: 'not_adopted', date: d(-4) });
  const cars = submit(backend, commentWithPoints(backend, ids['G/TBT/N/RUS/300']!, 1), d(-15), 'CHN/TBT/2026/002');
  const uae = submit(backend, commentWithPoints(backend, ids['G/TBT/N/ARE/700']!, 1), d(-10), 'CHN/TBT/2026/003');
  by(backend, AUTHOR).call('commentsRecordOutcome', { id: uae.id, pointKey: uae.content.points[0]!.key, outcome: 'not_adopted', date: d(-2) });
  const draft = commentWithPoints(backend, ids['G/TBT/N/EGY/100']!, 1);

  return {
    backend,
    db,
    cleanup,
    today,
    from: d(-60),
    to: today,
    ids,
    warnings,
    comments: { battery: batteryComment.id, cars: cars.id, uae: uae.id, draft: draft.id },
  };
}

/** The blocks of a kind, in order. */
export function blocksOf<T extends ReportBlock['type']>(doc: ReportDocument, type: T): Array<Extract<ReportBlock, { type: T }>> {
  return doc.blocks.filter((b): b is Extract<ReportBlock, { type: T }> => b.type === type);
}

export function tableOf(doc: ReportDocument, id: string): ReportTable {
  const t = doc.blocks.find((b): b is ReportTable => b.type === 'table' && b.id === id);
  if (!t) throw new Error(`no table ${id} in ${doc.blocks.map((b) => (b.type === 'table' ? b.id : b.type)).join(', ')}`);
  return t;
}

/** Every text of the document (headings, paragraphs, list items, table cells, chart titles), one per line. */
export function textOf(doc: ReportDocument): string {
  const parts: string[] = [doc.title, doc.subtitle ?? ''];
  for (const b of doc.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'recommendations') parts.push(b.text);
    else if (b.type === 'list') parts.push(...b.items);
    else if (b.type === 'table') parts.push(b.title, ...b.rows.map((r) => r.join(' ')));
    else parts.push(b.chart.title);
  }
  return parts.join('\n');
}

/** The outline: level-1 headings and the types of what follows, for checking the order of sections. */
export function headings(doc: ReportDocument, level: 1 | 2 | 3 = 1): string[] {
  return doc.blocks.filter((b): b is Extract<ReportBlock, { type: 'heading' }> => b.type === 'heading' && b.level === level).map((b) => b.text);
}

export { recordChanges } from './warnings-workflow-store';
