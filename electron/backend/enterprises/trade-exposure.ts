import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TradeExposureImportReport, TradeExposureSummary } from '../../../shared/contract/enterprises';
import type { RowRejection } from '../../../shared/contract/imports';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { rejectFile } from '../imports/readers/limits';
import { columnIndex, parseUsd } from './import-columns';
import { marketResolver } from './markets';
import { readTableFile } from './table-file';

type ExposureColumn = 'hs_code' | 'destination' | 'year' | 'value_usd';

/** The customs-statistics columns, in either language. */
export const TRADE_EXPOSURE_HEADERS: ReadonlyArray<Record<ExposureColumn, string>> = [
  { hs_code: 'HS编码', destination: '目的地', year: '年份', value_usd: '出口额（美元）' },
  { hs_code: 'hs_code', destination: 'destination', year: 'year', value_usd: 'value_usd' },
];

/**
 * Import China's exports by HS code, destination and year (a customs-statistics CSV) in one
 * transaction: rows are upserted by (HS code, destination, year), each bad row rejected with its
 * reason. Destinations are countries: a bloc is refused, since the figures are per country.
 */
export async function importTradeExposure(
  db: Database,
  filePath: string,
  fileName: string,
  actor: Actor,
  clock: Clock,
): Promise<Omit<TradeExposureImportReport, 'warningsJobId'> & { changed: boolean }> {
  const table = await readTableFile(filePath);
  const col = columnIndex(table.header, TRADE_EXPOSURE_HEADERS, ['hs_code', 'destination', 'year', 'value_usd'], 'a customs-statistics file');
  const markets = marketResolver(db);
  const rejections: RowRejection[] = [];
  const rows: Array<{ hs: string; destination: string; year: number; value: number }> = [];
  const maxYear = Number(clock.now().toISOString().slice(0, 4)) + 1;
  for (const { row, cells } of table.rows) {
    const get = (c: ExposureColumn): string => (cells[col[c]] ?? '').trim();
    const hs = get('hs_code').replace(/[\s.-]/g, '');
    if (!/^\d{2,10}$/.test(hs) || hs.length % 2 !== 0) {
      rejections.push({ row, field: 'hs_code', reason: 'an HS code has 2, 4, 6, 8 or 10 digits', value: get('hs_code'), code: 'hsCode.customs', params: { value: get('hs_code') } });
      continue;
    }
    const destText = get('destination');
    const resolved = markets.resolve(destText);
    if (resolved?.bloc) {
      rejections.push({ row, field: 'destination', reason: `${resolved.bloc} is a bloc; customs figures are given per country`, value: destText, code: 'destination.bloc', params: { value: destText } });
      continue;
    }
    if (!resolved || resolved.codes.length !== 1) {
      rejections.push({ row, field: 'destination', reason: `unknown destination "${destText}": give an ISO3 code or a country name`, value: destText, code: 'destination.unknown', params: { value: destText } });
      continue;
    }
    const year = Number(get('year'));
    if (!Number.isInteger(year) || year < 1990 || year > maxYear) {
      rejections.push({ row, field: 'year', reason: `the year must be a whole year from 1990 to ${maxYear}`, value: get('year'), code: 'year.invalid', params: { value: get('year'), max: maxYear } });
      continue;
    }
    const value = parseUsd(get('value_usd'));
    if (value === null || !Number.isFinite(value) || value < 0) {
      rejections.push({ row, field: 'value_usd', reason: value === null ? 'the export value is empty' : 'the export value must be a number of USD, not negative', value: get('value_usd'), code: 'value.invalid', params: { value: get('value_usd') } });
      continue;
    }
    rows.push({ hs, destination: resolved.codes[0]!, year, value });
  }
  if (rows.length === 0 && rejections.length === 0) throw rejectFile('The file has no rows under its header.', { reason: 'EMPTY' });

  const sha256 = crypto.createHash('sha256').update(table.bytes).digest('hex');
  return db.transaction(() => {
    const importId = Number(
      db
        .prepare("INSERT INTO enterprise_imports (kind, file_name, file_sha256, format, at, actor_id, report) VALUES ('tradeExposure', ?, ?, ?, ?, ?, '{}')")
        .run(fileName, sha256, table.format, clock.now().toISOString(), actor.uid).lastInsertRowid,
    );
    const find = db.prepare('SELECT value_usd FROM trade_exposure WHERE hs_code = ? AND destination = ? AND year = ?').pluck();
    const insert = db.prepare('INSERT INTO trade_exposure (hs_code, destination, year, value_usd, import_id) VALUES (?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE trade_exposure SET value_usd = ?, import_id = ? WHERE hs_code = ? AND destination = ? AND year = ?');
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const r of rows) {
      const old = find.get(r.hs, r.destination, r.year) as number | undefined;
      if (old === undefined) {
        insert.run(r.hs, r.destination, r.year, r.value, importId);
        added += 1;
      } else if (old !== r.value) {
        update.run(r.value, importId, r.hs, r.destination, r.year);
        updated += 1;
      } else {
        unchanged += 1;
      }
    }
    const report = { fileName, rowsRead: table.rows.length, added, updated, unchanged, rejected: rejections.length, rejections };
    db.prepare('UPDATE enterprise_imports SET report = ? WHERE id = ?').run(JSON.stringify(report), importId);
    return { ...report, changed: added + updated > 0 };
  })();
}

/** What customs figures the store holds. */
export function tradeExposureSummary(db: Database): TradeExposureSummary {
  const totals = db.prepare('SELECT count(*) AS rows, count(DISTINCT destination) AS destinations, COALESCE(sum(value_usd), 0) AS total FROM trade_exposure').get() as {
    rows: number;
    destinations: number;
    total: number;
  };
  const years = db.prepare('SELECT DISTINCT year FROM trade_exposure ORDER BY year').pluck().all() as number[];
  return { rows: totals.rows, years, destinations: totals.destinations, totalUsd: totals.total };
}

/**
 * China's export value (USD) in the latest year the customs figures hold, summed over the given
 * HS codes and members: the stand-in for an enterprise that gave no figures, and the base of
 * coverage figures. Codes meet at 6 digits: a customs row of 850760 counts for an enterprise's
 * 8507600010, and a customs row of 8507600010 for an enterprise's 850760. Each customs row counts
 * once however many of the codes it meets. 0 when nothing matches.
 */
export function exposureValue(db: Database, hsCodes: readonly string[], members: readonly string[]): number {
  if (hsCodes.length === 0 || members.length === 0) return 0;
  const prefixes = [...new Set(hsCodes.map((c) => c.replace(/\D/g, '').slice(0, 6)).filter((c) => c.length === 6))];
  if (prefixes.length === 0) return 0;
  const memberList = [...new Set(members)];
  const year = db.prepare('SELECT max(year) FROM trade_exposure').pluck().get() as number | null;
  if (year === null) return 0;
  const sql = `SELECT COALESCE(sum(value_usd), 0) FROM trade_exposure
    WHERE year = ? AND destination IN (${memberList.map(() => '?').join(',')}) AND substr(hs_code, 1, 6) IN (${prefixes.map(() => '?').join(',')})`;
  return db.prepare(sql).pluck().get(year, ...memberList, ...prefixes) as number;
}
