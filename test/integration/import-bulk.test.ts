import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { estimateRows, shouldUseBulkMode } from '../../electron/backend/imports/bulk-mode';
import { readNotificationsFileInWorker } from '../../electron/backend/imports/parse-in-worker';
import type { WriterEvent } from '../../electron/backend/imports/prepared-row';
import { writeNotifications } from '../../electron/backend/imports/write-notifications';
import { readNotificationsFile } from '../../electron/backend/imports/readers';
import {
  EPING_HEADERS,
  epingRow,
  fixtureDir,
  inlineRowXml,
  sheetXml,
  writeEntityBombXlsx,
  writeEpingXlsx,
  writeFarCellXlsx,
  writeHandmadeXlsx,
  type EpingRow,
} from '../fixtures/eping-fixtures';
import { deflatedEntry } from '../fixtures/zip-writer';
import { countTables, recountTables } from '../helpers/dashboard-counts';
import { emptyBackend, testClock, testActor } from '../helpers/temp-store';

const WORKER = path.resolve('test/helpers/worker-bootstrap.mjs');

let a: Awaited<ReturnType<typeof emptyBackend>>;
let b: Awaited<ReturnType<typeof emptyBackend>>;
let files: ReturnType<typeof fixtureDir>;
beforeEach(async () => {
  a = await emptyBackend();
  b = await emptyBackend();
  files = fixtureDir();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
  files.cleanup();
});

const ROWS: EpingRow[] = Array.from({ length: 60 }, (_, i) =>
  epingRow({
    'Document symbol': i % 10 === 0 ? `G/TBT/N/ARE/${i}, G/TBT/N/SAU/${i}` : `G/${i % 2 ? 'SPS' : 'TBT'}/N/RUS/${i}`,
    Title: i % 3 === 0 ? `Refrigerators energy efficiency ${i}` : `Lithium batteries and chargers ${i}`,
    'HS code(s)': i % 4 === 0 ? '8418.10, 8418.21' : i % 7 === 0 ? ' 8418-10 , 8507 60' : '8507.60',
    'ICS code(s)': i % 6 === 0 ? '13.020 , 97.040.30' : '',
    Keywords: i % 5 === 0 ? 'Energy efficiency, Labelling' : i % 9 === 0 ? ' Énergie ÉCO, LABEL Ü ' : 'Batteries',
    'Distribution date': i % 10 === 0 ? '01/03/2024' : `${String((i % 27) + 1).padStart(2, '0')}/02/2024`,
    // Han and Cyrillic text is indexed as prepared text, the rest as it is stored.
    ...(i % 11 === 0 ? { Description: `电动汽车用锂电池 Технический регламент ${i}` } : {}),
  }),
);

/** Everything the full-text index holds: each term with its row, column and position. */
function ftsInstances(db: Database.Database): unknown[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'notifications_fts', 'instance')");
  return db.prepare('SELECT term, doc, col, offset FROM temp.fts_terms ORDER BY term, doc, col, offset').all();
}

const rowsOf = (db: Database.Database): unknown[] =>
  db.prepare('SELECT * FROM notifications ORDER BY id').all().map((r) => ({ ...(r as object), created_at: '', updated_at: '' }));
const familiesOf = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM measure_families ORDER BY id').all();
const codesOf = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM notification_codes ORDER BY notification_id, kind, code').all();

async function write(db: Database.Database, file: string, bulk: boolean, signal?: AbortSignal, onWorker = false): Promise<void> {
  // On a worker the rows arrive prepared (column values); inline they arrive as records.
  const reading = onWorker ? readNotificationsFileInWorker(WORKER, file) : readNotificationsFile(file);
  await writeNotifications(db, reading, () => reading.report()!, { fileName: 'f.xlsx', fileSize: 1, fileSha256: 'x', actor: testActor('t'), clock: testClock() }, { bulk, ...(signal ? { signal } : {}) });
}

const schema = (db: Database.Database): unknown =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'notifications' ORDER BY name").all();

function searchFingerprint(db: Database.Database): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const q of ['"refrigerators"', '"lithium"*', '"sau"', '"energy" AND "efficiency"']) {
    const ids = db.prepare('SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ? ORDER BY rowid').all(q) as Array<{ rowid: number }>;
    out[q] = ids.map((r) => r.rowid);
  }
  return out;
}

describe('bulk-mode import', () => {
  it('leaves the schema, search index and code table exactly as the row-by-row path does', async () => {
    const file = await writeEpingXlsx(files.file('rows.xlsx'), ROWS);
    const before = schema(a.backend.ctx.db);
    await write(a.backend.ctx.db, file, false);
    await write(b.backend.ctx.db, file, true);
    expect(schema(b.backend.ctx.db)).toEqual(before);
    // The indexes dropped for the load are built again, and hold every row.
    expect(b.backend.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(codesOf(b.backend.ctx.db)).toEqual(codesOf(a.backend.ctx.db));
    expect(codesOf(a.backend.ctx.db).length).toBeGreaterThan(60);
    // Codes are normalised as the triggers do it: HS digits only, keywords lower-cased in ASCII.
    expect(codesOf(a.backend.ctx.db)).toContainEqual(expect.objectContaining({ kind: 'hs', code: '841810' }));
    expect(codesOf(a.backend.ctx.db)).toContainEqual(expect.objectContaining({ kind: 'keyword', code: 'Énergie Éco' }));
    const fa = searchFingerprint(a.backend.ctx.db);
    // 20 rows mention refrigerators; two of them are joint rows of two symbols each.
    expect(fa['"refrigerators"']!.length).toBe(22);
    expect(searchFingerprint(b.backend.ctx.db)).toEqual(fa);
    // Six rows describe batteries in Chinese; the first is a joint row of two symbols.
    expect(b.backend.ctx.db.prepare('SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ?').all('"电池"').length).toBe(7);
    expect(ftsInstances(b.backend.ctx.db)).toEqual(ftsInstances(a.backend.ctx.db));
    expect(rowsOf(b.backend.ctx.db)).toEqual(rowsOf(a.backend.ctx.db));
    expect(familiesOf(b.backend.ctx.db)).toEqual(familiesOf(a.backend.ctx.db));
    expect(familiesOf(a.backend.ctx.db).length).toBeGreaterThan(6);
    // The dashboard's counts, added up in memory by the bulk load, as the triggers count them.
    expect(countTables(b.backend.ctx.db)).toEqual(countTables(a.backend.ctx.db));
    expect(countTables(a.backend.ctx.db)).toEqual(recountTables(a.backend.ctx.db));
    expect(countTables(a.backend.ctx.db).memberChapters.length).toBeGreaterThan(3);
    // Later row-by-row changes still reach the index: the triggers are back.
    b.backend.ctx.db.prepare("UPDATE notifications SET title = 'Solar modules' WHERE id = 1").run();
    expect(b.backend.ctx.db.prepare('SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ?').all('"solar"')).toEqual([{ rowid: 1 }]);
  });

  it('updates rows a bulk file changes exactly as the row-by-row path does', async () => {
    // A first, small import; then a file that changes some of those rows and brings many more.
    const early = ROWS.slice(0, 20).map((r, i) => ({ ...r, Title: `Draft ${i}`, Keywords: 'Old keyword', 'HS code(s)': '9999.99' }));
    const first = await writeEpingXlsx(files.file('first.xlsx'), early);
    const second = await writeEpingXlsx(files.file('second.xlsx'), ROWS);
    for (const [env, bulk] of [[a, false], [b, true]] as const) {
      await write(env.backend.ctx.db, first, false);
      await write(env.backend.ctx.db, second, bulk);
    }
    expect(rowsOf(b.backend.ctx.db)).toEqual(rowsOf(a.backend.ctx.db));
    expect(codesOf(b.backend.ctx.db)).toEqual(codesOf(a.backend.ctx.db));
    expect(codesOf(a.backend.ctx.db)).not.toContainEqual(expect.objectContaining({ code: '999999' }));
    expect(ftsInstances(b.backend.ctx.db)).toEqual(ftsInstances(a.backend.ctx.db));
    expect(familiesOf(b.backend.ctx.db)).toEqual(familiesOf(a.backend.ctx.db));
    // Rows the file changes move in the counts as they do in the row-by-row path.
    expect(countTables(b.backend.ctx.db)).toEqual(countTables(a.backend.ctx.db));
    expect(countTables(b.backend.ctx.db)).toEqual(recountTables(b.backend.ctx.db));
    expect(b.backend.ctx.db.prepare('SELECT count(*) AS n FROM notification_changes').get()).toEqual(
      a.backend.ctx.db.prepare('SELECT count(*) AS n FROM notification_changes').get(),
    );
  });

  it('writes the code rows it has collected whenever the reader has no rows, and ends with the same table', async () => {
    const file = await writeEpingXlsx(files.file('rows.xlsx'), ROWS);
    await write(a.backend.ctx.db, file, false);
    const db = b.backend.ctx.db;
    const reading = readNotificationsFile(file);
    const written: number[] = [];
    // A reader that has nothing for a moment after every fifth row.
    async function* withPauses(): AsyncGenerator<WriterEvent> {
      let n = 0;
      for await (const e of reading) {
        yield e;
        if (++n % 5 === 0) {
          yield { kind: 'idle' };
          written.push((db.prepare('SELECT count(*) AS n FROM notification_codes').get() as { n: number }).n);
        }
      }
    }
    await writeNotifications(db, withPauses(), () => reading.report()!, { fileName: 'f.xlsx', fileSize: 1, fileSha256: 'x', actor: testActor('t'), clock: testClock() }, { bulk: { idleCodeRows: 20 } });
    // The table grew in steps while rows still came, not all at the end.
    expect(new Set(written).size).toBeGreaterThan(5);
    expect(written[0]).toBeGreaterThan(0);
    expect(written[0]).toBeLessThan(codesOf(a.backend.ctx.db).length / 5);
    expect(codesOf(db)).toEqual(codesOf(a.backend.ctx.db));
    expect(rowsOf(db)).toEqual(rowsOf(a.backend.ctx.db));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a cancelled bulk import brings back every index and trigger', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => epingRow({ 'Document symbol': `G/SPS/N/KAZ/${i + 1}` }));
    const file = await writeEpingXlsx(files.file('big.xlsx'), rows);
    const before = schema(a.backend.ctx.db);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await expect(write(a.backend.ctx.db, file, true, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(schema(a.backend.ctx.db)).toEqual(before);
    expect(a.backend.ctx.db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 0 });
  });

  it('merges no full-text segments while it loads, and leaves the merge setting as it was', async () => {
    const file = await writeEpingXlsx(files.file('rows.xlsx'), ROWS);
    const automerge = (db: Database.Database): unknown =>
      db.prepare(`SELECT v FROM notifications_fts_config WHERE k = 'automerge'`).pluck().get();
    const seen: unknown[] = [];
    const db = b.backend.ctx.db;
    db.exec(`INSERT INTO notifications_fts (notifications_fts, rank) VALUES ('automerge', 8)`);
    const reading = readNotificationsFile(file);
    async function* watched(): AsyncGenerator<WriterEvent> {
      for await (const e of reading) {
        seen.push(automerge(db));
        yield e;
      }
    }
    await writeNotifications(db, watched(), () => reading.report()!, { fileName: 'f.xlsx', fileSize: 1, fileSha256: 'x', actor: testActor('t'), clock: testClock() }, { bulk: true });
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(automerge(db)).toBe(8);
    // Without a setting of its own the table gets FTS5's default back.
    await write(a.backend.ctx.db, file, true);
    expect(automerge(a.backend.ctx.db)).toBe(4);
  });

  it('is chosen for a first large load only', () => {
    expect(shouldUseBulkMode(estimateRows(34 * 1024 * 1024, 'eping.xlsx'), 0)).toBe(true);
    expect(shouldUseBulkMode(estimateRows(34 * 1024 * 1024, 'eping.xlsx'), 116_000)).toBe(false);
    expect(shouldUseBulkMode(estimateRows(200 * 1024, 'weekly.xlsx'), 0)).toBe(false);
  });
});

describe('parsing on a worker thread', () => {
  it('refuses a hostile part whichever thread checks it, and writes nothing', async () => {
    const sheet = sheetXml(inlineRowXml(1, [...EPING_HEADERS]) + inlineRowXml(2, ['G/TBT/N/SAU/1', 'Saudi Arabia', 'Batteries']));
    const dtd = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst><si><t>&a;</t></si></sst>';
    const cases: Array<[file: string, message: RegExp]> = [
      // The worksheets are checked on the worker, every other part on the writer's thread.
      [writeEntityBombXlsx(files.file('sheet-bomb.xlsx')), /part 'xl\/worksheets\/sheet1\.xml' declares a DTD or XML entities/],
      [writeHandmadeXlsx(files.file('strings-dtd.xlsx'), sheet, [deflatedEntry('xl/sharedStrings.xml', dtd)]), /part 'xl\/sharedStrings\.xml' declares a DTD/],
      [writeFarCellXlsx(files.file('far.xlsx'), { dimension: true }), /its dimension is A1:XFD1048576/],
    ];
    for (const [file, message] of cases) {
      const started = Date.now();
      const failure = importNotificationsFile(a.backend.ctx.db, file, { actor: testActor('t'), clock: a.backend.ctx.clock, parseWorkerScript: WORKER });
      await expect(failure).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(message) });
      expect(Date.now() - started).toBeLessThan(5000);
    }
    expect(a.backend.ctx.db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 0 });
    // Each refusal is in the history, and nothing else is.
    expect(a.backend.ctx.db.prepare("SELECT status, inserted FROM imports").all()).toEqual(cases.map(() => ({ status: 'refused', inserted: 0 })));
    // The same workbook without the hostile part imports.
    const report = await importNotificationsFile(a.backend.ctx.db, writeHandmadeXlsx(files.file('fine.xlsx'), sheet), { actor: testActor('t'), clock: a.backend.ctx.clock, parseWorkerScript: WORKER });
    expect(report).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it('stores the rows it prepares exactly as the writer stores records read on its own thread', async () => {
    const file = await writeEpingXlsx(files.file('rows.xlsx'), ROWS);
    await write(a.backend.ctx.db, file, false);
    await write(b.backend.ctx.db, file, true, undefined, true);
    expect(rowsOf(b.backend.ctx.db)).toEqual(rowsOf(a.backend.ctx.db));
    expect(codesOf(b.backend.ctx.db)).toEqual(codesOf(a.backend.ctx.db));
    expect(ftsInstances(b.backend.ctx.db)).toEqual(ftsInstances(a.backend.ctx.db));
    expect(familiesOf(b.backend.ctx.db)).toEqual(familiesOf(a.backend.ctx.db));
    expect(familiesOf(a.backend.ctx.db).length).toBeGreaterThan(6);
  });

  it('gives the same report as parsing inline', async () => {
    const file = await writeEpingXlsx(files.file('rows.xlsx'), [...ROWS, epingRow({ 'Document symbol': 'G/TBT/N/SAU/9', 'Distribution date': '31/02/2024' })]);
    const inline = await importNotificationsFile(a.backend.ctx.db, file, { actor: testActor('t'), clock: a.backend.ctx.clock });
    const threaded = await importNotificationsFile(b.backend.ctx.db, file, { actor: testActor('t'), clock: b.backend.ctx.clock, parseWorkerScript: WORKER });
    const strip = (r: typeof inline): unknown => ({ ...r, importId: 0, startedAt: '', finishedAt: '' });
    expect(strip(threaded)).toEqual(strip(inline));
    expect(threaded.rejections[0]).toMatchObject({ field: 'Distribution date' });
  });

  it('passes a whole-file rejection through from the worker', async () => {
    const file = files.file('notes.csv');
    (await import('node:fs')).writeFileSync(file, 'a,b\n1,2\n');
    await expect(importNotificationsFile(a.backend.ctx.db, file, { actor: testActor('t'), clock: a.backend.ctx.clock, parseWorkerScript: WORKER })).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
    });
  });
});
