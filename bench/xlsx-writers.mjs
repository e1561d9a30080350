// Streaming XLSX writers compared for the reports' Excel annexes: each candidate writes 105,000
// rows of 15 columns (Chinese headers, text, dates, numbers) to a file in a process of its own
// (time, peak RSS), then the file is read back with exceljs's streaming reader (a development
// dependency) and sampled rows are compared with what was written.
//
// The candidates are not dependencies of the app; install them beside, then point at them:
//   npm install --prefix /tmp/xlsx-eval @cj-tech-master/excelts@5.1.17 @zurmokeeper/exceljs@4.4.9 \
//     @atomictech/xlsx-write-stream@2.0.2 write-excel-file@4.1.1 exceljs@4.4.0
//   node bench/xlsx-writers.mjs /tmp/xlsx-eval [candidate ...]
// PINGYI_BENCH_ROWS changes the row count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env.PINGYI_BENCH_ROWS ?? 105_000);
const HEADERS = ['通报号', '通报成员', '成员（中文）', '领域', '标题', '中文标题', '描述', '产品', 'HS编码', '分发日期', '评议截止日期', '评议条数', '风险评分', '状态', '链接'];
const MEMBERS = [['SAU', '沙特阿拉伯'], ['RUS', '俄罗斯'], ['KAZ', '哈萨克斯坦'], ['ARE', '阿联酋'], ['TUR', '土耳其'], ['IND', '印度']];
const WORDS = 'energy efficiency refrigerators lithium batteries electric vehicles solar modules fertilizer aquatic products labelling conformity assessment test methods transition period'.split(' ');
const ZH = ['电动汽车', '锂电池', '光伏组件', '家用冰箱', '能效', '矿物肥料', '水产品', '限量', '合格评定', '标签', '试验方法', '过渡期'];
const STATUS = ['待评议', '已评议', '已提交', '已采纳'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1995, 0, 1);

/** A small deterministic generator, so every candidate writes the same rows. */
function words(seed, count, list, joiner) {
  let x = seed * 2654435761 >>> 0;
  const out = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(list[x % list.length]);
  }
  return out.join(joiner);
}

function row(i) {
  const [code, zh] = MEMBERS[i % MEMBERS.length];
  const distributed = new Date(FIRST_DAY + (i % 11_000) * DAY_MS);
  return [
    `G/TBT/N/${code}/${1000 + i}`,
    code,
    zh,
    i % 3 === 0 ? 'SPS' : 'TBT',
    words(i, 12, WORDS, ' '),
    words(i, 6, ZH, '、'),
    words(i + 7, 45, WORDS, ' '),
    words(i + 3, 5, WORDS, ', '),
    `${8500 + (i % 99)}.${10 + (i % 89)}`,
    distributed,
    new Date(distributed.getTime() + 60 * DAY_MS),
    i % 7,
    Math.round((i % 1000) * 0.73) / 10,
    STATUS[i % STATUS.length],
    `https://docs.wto.org/doc/${i}.pdf`,
  ];
}

/** Each candidate: how it writes the rows to `file`. `req` resolves from the candidates' folder. */
const WRITERS = {
  async '@cj-tech-master/excelts'(req, file) {
    const { WorkbookWriter } = req('@cj-tech-master/excelts');
    const workbook = new WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('通报');
    sheet.columns = HEADERS.map((header, i) => ({ header, key: String(i), ...(i === 9 || i === 10 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
    for (let i = 0; i < ROWS; i++) sheet.addRow(row(i)).commit();
    sheet.commit();
    await workbook.commit();
  },
  async '@zurmokeeper/exceljs'(req, file) {
    await exceljsStream(req('@zurmokeeper/exceljs'), file);
  },
  async exceljs(req, file) {
    await exceljsStream(req('exceljs'), file);
  },
  async '@atomictech/xlsx-write-stream'(req, file) {
    const mod = req('@atomictech/xlsx-write-stream');
    const XLSXWriteStream = mod.default ?? mod;
    const writer = new XLSXWriteStream({ header: true, columns: HEADERS });
    const done = pipeline(writer, fs.createWriteStream(file));
    for (let i = 0; i < ROWS; i++) {
      if (!writer.write(row(i))) await new Promise((resolve) => writer.once('drain', resolve));
    }
    writer.end();
    await done;
  },
  async 'write-excel-file'(req, file) {
    // Not a streaming writer: the whole sheet is handed over as one array.
    const mod = req('write-excel-file/node');
    const writeExcelFile = mod.default ?? mod;
    const data = [HEADERS.map((value) => ({ value }))];
    for (let i = 0; i < ROWS; i++) data.push(row(i).map((value) => (value instanceof Date ? { value, format: 'yyyy-mm-dd' } : { value })));
    await writeExcelFile(data).toFile(file);
  },
};

async function exceljsStream(ExcelJS, file) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('通报');
  sheet.columns = HEADERS.map((header, i) => ({ header, key: String(i), ...(i === 9 || i === 10 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  for (let i = 0; i < ROWS; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

/** Read the file back and compare the header and sampled rows with what was written. */
async function verify(file) {
  const ExcelJS = createRequire(import.meta.url)('exceljs');
  const samples = new Set([0, 1, Math.floor(ROWS / 2), ROWS - 1]);
  const problems = [];
  let count = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const r of sheet) {
      const values = r.values.slice(1);
      if (r.number === 1) {
        if (values.join('|') !== HEADERS.join('|')) problems.push(`header reads ${values.join('|')}`);
        continue;
      }
      const i = r.number - 2;
      count++;
      if (!samples.has(i)) continue;
      row(i).forEach((expected, c) => {
        const got = values[c];
        const same = expected instanceof Date ? got instanceof Date && got.getTime() === expected.getTime() : got === expected;
        if (!same) problems.push(`row ${i} column ${HEADERS[c]}: wrote ${expected instanceof Date ? expected.toISOString() : expected}, read ${got instanceof Date ? got.toISOString() : JSON.stringify(got)}`);
      });
    }
  }
  if (count !== ROWS) problems.push(`${count} rows read, ${ROWS} written`);
  return problems;
}

const [, , first, ...rest] = process.argv;
if (first === '--write') {
  const [dir, name, file] = rest;
  const started = performance.now();
  await WRITERS[name](createRequire(path.join(dir, 'package.json')), file);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify({ ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  if (!first) {
    console.error('Usage: node bench/xlsx-writers.mjs DIR [candidate ...] (DIR: where the candidates are installed)');
    process.exit(2);
  }
  const dir = path.resolve(first);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-xlsx-'));
  console.log(`${ROWS} rows × ${HEADERS.length} columns, Node ${process.version}`);
  for (const name of rest.length > 0 ? rest : Object.keys(WRITERS)) {
    const file = path.join(out, `${name.replace(/[@/]/g, '_')}.xlsx`);
    const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--write', dir, name, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.log(`${name}@${version}: failed\n${child.stderr.trim().split('\n').slice(0, 5).join('\n')}`);
      continue;
    }
    const { ms, maxRssMb } = JSON.parse(child.stdout);
    const mb = (fs.statSync(file).size / 1048576).toFixed(1);
    const problems = await verify(file);
    console.log(`${name}@${version}: ${(ms / 1000).toFixed(1)} s, peak RSS ${maxRssMb} MB, ${mb} MB file; read back: ${problems.length === 0 ? 'rows, dates and Chinese text as written' : problems.slice(0, 4).join('; ')}`);
    fs.rmSync(file);
  }
  fs.rmSync(out, { recursive: true });
}
