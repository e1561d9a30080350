import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { writeNotifications } from '../../electron/backend/imports/write-notifications';
import { runCli } from '../../electron/cli/run-cli';
import { readNotificationsFile } from '../../electron/backend/imports/readers';
import { epingCsvText, epingRow, writeEpingCsv, writeEpingXlsx, writeWtoJson, writeZipBombXlsx, wtoItem } from '../fixtures/eping-fixtures';
import { emptyBackend, testClock, testActor } from '../helpers/temp-store';
import { useImportEnv } from '../helpers/import-env';

const fx = useImportEnv();
const importFile = fx.importFile;

/** The writer on this thread, in bulk mode or row by row, as import-file chooses by size. */
async function writeFile(db: Database.Database, file: string, bulk: boolean) {
  const reading = readNotificationsFile(file);
  return writeNotifications(db, reading, () => reading.report()!, { fileName: 'f.xlsx', fileSize: 1, fileSha256: 'x', actor: testActor('tester'), clock: testClock() }, { bulk });
}

const deadlineOf = (db: Database.Database, symbol: string): unknown =>
  db.prepare('SELECT comment_deadline FROM notifications WHERE symbol = ?').pluck().get(symbol);
const changesOf = (db: Database.Database): unknown[] =>
  db.prepare('SELECT n.symbol, c.field, c.old_value, c.new_value FROM notification_changes c JOIN notifications n ON n.id = c.notification_id ORDER BY c.id').all();

/** The first row of SAU/1 has the original final date; a later row extends it. */
const EXTENDED = [
  epingRow({ 'Document symbol': 'G/TBT/N/SAU/1', 'Final date for comments': '30/04/2024' }),
  epingRow({ 'Document symbol': 'G/TBT/N/SAU/2' }),
  epingRow({ 'Document symbol': 'G/TBT/N/SAU/1', 'Final date for comments': '30/06/2024' }),
];

describe('a symbol met twice in one file', () => {
  for (const bulk of [false, true]) {
    it(`takes the later row, keeps the earlier values in the change history and reports an update (${bulk ? 'bulk' : 'row by row'})`, async () => {
      const db = fx.env.backend.ctx.db;
      const report = await writeFile(db, await writeEpingXlsx(fx.files.file('extended.xlsx'), EXTENDED), bulk);
      expect(report).toMatchObject({ inserted: 2, updated: 1, unchanged: 0, rejected: 0, noticed: 1, rejections: [] });
      expect(report.notices).toEqual([
        expect.objectContaining({ row: 4, code: 'REPLACES_ROW', params: { row: 2, symbol: 'G/TBT/N/SAU/1' } }),
      ]);
      expect(deadlineOf(db, 'G/TBT/N/SAU/1')).toBe('2024-06-30');
      expect(changesOf(db)).toEqual([{ symbol: 'G/TBT/N/SAU/1', field: 'comment_deadline', old_value: '2024-04-30', new_value: '2024-06-30' }]);
      // The row's search entry and codes are those of the later row, as after any update.
      expect(db.prepare('SELECT count(*) FROM notification_codes WHERE notification_id = (SELECT id FROM notifications WHERE symbol = ?)').pluck().get('G/TBT/N/SAU/1'))
        .toBe(db.prepare('SELECT count(*) FROM notification_codes WHERE notification_id = (SELECT id FROM notifications WHERE symbol = ?)').pluck().get('G/TBT/N/SAU/2'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }

  it('bulk mode and the row-by-row path store the same codes and search entries when a later row changes the codes', async () => {
    const rows = [
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/1', 'HS code(s)': '8418.10', Keywords: 'Refrigerators' }),
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/2' }),
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/1', 'HS code(s)': '8507.60', Keywords: 'Batteries' }),
    ];
    const file = await writeEpingXlsx(fx.files.file('codes.xlsx'), rows);
    const other = await emptyBackend();
    try {
      await writeFile(fx.env.backend.ctx.db, file, true);
      await writeFile(other.backend.ctx.db, file, false);
      const codes = (db: Database.Database) => db.prepare('SELECT kind, code, notification_id FROM notification_codes ORDER BY 1, 2, 3').all();
      expect(codes(fx.env.backend.ctx.db)).toEqual(codes(other.backend.ctx.db));
      expect(codes(fx.env.backend.ctx.db)).not.toContainEqual(expect.objectContaining({ code: '841810' }));
      const found = (db: Database.Database, q: string) => db.prepare('SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ?').pluck().all(q);
      expect(found(fx.env.backend.ctx.db, 'refrigerators')).toEqual([]);
      expect(found(fx.env.backend.ctx.db, 'batteries')).toEqual(found(other.backend.ctx.db, 'batteries'));
    } finally {
      other.cleanup();
    }
  });

  it('re-importing the file changes nothing and records no change', async () => {
    const file = await writeEpingXlsx(fx.files.file('extended.xlsx'), EXTENDED);
    await importFile(file);
    const db = fx.env.backend.ctx.db;
    const before = changesOf(db);
    const again = await importFile(file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0, noticed: 1 });
    expect(deadlineOf(db, 'G/TBT/N/SAU/1')).toBe('2024-06-30');
    expect(changesOf(db)).toEqual(before);
  });

  it('into a store that had the notification, both rows of the file go to its history in turn', async () => {
    await importFile(await writeEpingXlsx(fx.files.file('v1.xlsx'), [epingRow({ 'Document symbol': 'G/TBT/N/SAU/1', 'Final date for comments': '15/04/2024' })]));
    const report = await importFile(await writeEpingXlsx(fx.files.file('v2.xlsx'), EXTENDED));
    expect(report).toMatchObject({ inserted: 1, updated: 2, rejected: 0 });
    const db = fx.env.backend.ctx.db;
    expect(deadlineOf(db, 'G/TBT/N/SAU/1')).toBe('2024-06-30');
    expect(changesOf(db)).toEqual([
      { symbol: 'G/TBT/N/SAU/1', field: 'comment_deadline', old_value: '2024-04-15', new_value: '2024-04-30' },
      { symbol: 'G/TBT/N/SAU/1', field: 'comment_deadline', old_value: '2024-04-30', new_value: '2024-06-30' },
    ]);
  });

  it('takes the later row as well when the file is parsed on a worker thread', async () => {
    const file = await writeEpingXlsx(fx.files.file('extended.xlsx'), EXTENDED);
    const report = await importNotificationsFile(fx.env.backend.ctx.db, file, { actor: testActor('tester'), clock: testClock(), parseWorkerScript: path.resolve('test/helpers/worker-bootstrap.mjs') });
    expect(report).toMatchObject({ inserted: 2, updated: 1, rejected: 0, noticed: 1 });
    expect(deadlineOf(fx.env.backend.ctx.db, 'G/TBT/N/SAU/1')).toBe('2024-06-30');
  });

  it('a later CSV record of the same symbol wins as well', async () => {
    const report = await importFile(writeEpingCsv(fx.files.file('extended.csv'), EXTENDED));
    expect(report).toMatchObject({ inserted: 2, updated: 1, rejected: 0 });
    expect(deadlineOf(fx.env.backend.ctx.db, 'G/TBT/N/SAU/1')).toBe('2024-06-30');
  });
});

describe('an exact duplicate row', () => {
  it('is a notice naming the row it repeats, not a rejection', async () => {
    const rows = [epingRow({ 'Document symbol': 'G/TBT/N/SAU/1' }), epingRow({ 'Document symbol': 'G/TBT/N/SAU/2', 'Distribution date': '31/02/2024' }), epingRow({ 'Document symbol': 'G/TBT/N/SAU/1' })];
    const report = await importFile(await writeEpingXlsx(fx.files.file('dup.xlsx'), rows));
    expect(report).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, rejected: 1, noticed: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ row: 3, field: 'Distribution date' })]);
    expect(report.notices).toEqual([
      expect.objectContaining({ row: 4, code: 'DUPLICATE_ROW', params: { row: 2, symbol: 'G/TBT/N/SAU/1' }, reason: expect.stringContaining('same as row 2') }),
    ]);
    // The report read back from the history separates them the same way.
    expect(fx.env.backend.call('importsGet', { id: report.importId })).toMatchObject({ rejected: 1, noticed: 1, notices: [{ row: 4, code: 'DUPLICATE_ROW' }] });
    expect(fx.env.backend.call('importsList', {})[0]).toMatchObject({ rejected: 1, noticed: 1, rowsRead: 3, status: 'done' });
    expect(changesOf(fx.env.backend.ctx.db)).toEqual([]);
  });

  it('in a WTO JSON file is a notice too', async () => {
    const file = writeWtoJson(fx.files.file('dup.json'), [wtoItem(), wtoItem()]);
    const report = await importFile(file);
    expect(report).toMatchObject({ inserted: 1, rejected: 0, noticed: 1, notices: [{ row: 2, code: 'DUPLICATE_ROW', params: { row: 1 } }] });
  });
});

describe('a refused file', () => {
  it('with a header and no data rows is refused as holding no notifications, and appears in the history with that reason', async () => {
    const file = fx.files.file('empty.csv');
    fs.writeFileSync(file, epingCsvText([]));
    await expect(importFile(file)).rejects.toMatchObject({ code: 'IMPORT_REJECTED', details: { reason: 'NO_ROWS' } });
    const history = fx.env.backend.call('importsList', {});
    expect(history).toEqual([
      expect.objectContaining({ fileName: 'empty.csv', status: 'refused', inserted: 0, refusal: expect.objectContaining({ code: 'IMPORT_REJECTED', reason: 'NO_ROWS' }) }),
    ]);
    expect(fx.env.backend.call('importsGet', { id: history[0]!.importId })).toMatchObject({ status: 'refused', rejections: [], notices: [] });
  });

  it('an XLSX with only its header is refused the same way', async () => {
    const file = await writeEpingXlsx(fx.files.file('empty.xlsx'), []);
    await expect(importFile(file)).rejects.toMatchObject({ code: 'IMPORT_REJECTED', details: { reason: 'NO_ROWS' } });
    expect(fx.env.backend.call('importsList', {})[0]).toMatchObject({ status: 'refused', format: 'eping-xlsx' });
    expect(fx.env.backend.call('appInfo', {}).counts.notifications).toBe(0);
  });

  it('of each kind carries a reason the interface can word: an unsafe workbook, broken JSON, JSON without items', async () => {
    const notJson = fx.files.file('broken.json');
    fs.writeFileSync(notJson, '{"items": [');
    const cases: Array<[string, string]> = [
      [writeZipBombXlsx(fx.files.file('bomb.xlsx'), 64 * 1024 * 1024), 'UNSAFE_WORKBOOK'],
      [notJson, 'NOT_WTO_JSON'],
      [writeWtoJson(fx.files.file('no-items.json'), []), 'NO_ROWS'],
    ];
    for (const [file, reason] of cases) {
      await expect(importFile(file), reason).rejects.toMatchObject({ code: 'IMPORT_REJECTED', details: { reason } });
    }
    expect(fx.env.backend.call('importsList', {}).map((s) => [s.status, s.refusal?.reason])).toEqual(
      [...cases].reverse().map(([, reason]) => ['refused', reason]),
    );
  });

  it('that is not an ePing export appears in the history with the reason it was refused', async () => {
    const file = fx.files.file('notes.csv');
    fs.writeFileSync(file, 'name,amount\nfoo,1\n');
    const refused = await importFile(file).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'IMPORT_REJECTED' });
    const [entry] = fx.env.backend.call('importsList', {});
    expect(entry).toMatchObject({
      fileName: 'notes.csv',
      status: 'refused',
      refusal: { code: 'IMPORT_REJECTED', reason: 'NOT_EPING', message: (refused as Error).message, params: { missing: expect.stringContaining('Document symbol') } },
    });
  });
});

describe('pingyi import', () => {
  it('prints rejected rows and notices under their own headings, and counts which is which', async () => {
    const rows = [
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/1' }),
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/2', 'Distribution date': '31/02/2024' }),
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/1' }),
    ];
    const file = await writeEpingXlsx(fx.files.file('cli.xlsx'), rows);
    const out: string[] = [];
    const dir = fx.env.dir + '-cli';
    try {
      const code = await runCli(['import', file, '--quiet', '--data-dir', dir], { out: (t) => out.push(t), err: () => {} }, {});
      expect(code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(out).toContain('inserted 1, updated 0, unchanged 0, rejected 1 (errors), notices 1 (not errors)');
    const rejected = out.indexOf('Rejected rows (not imported):');
    const notices = out.findIndex((l) => l.startsWith('Notices'));
    expect(out[rejected + 1]).toMatch(/^ {2}row 3 \[Distribution date\]: '31\/02\/2024' is not a valid date/);
    expect(notices).toBeGreaterThan(rejected);
    expect(out[notices + 1]).toBe('  row 4 [Document symbol]: G/TBT/N/SAU/1: the same as row 2, skipped');
  });
});
