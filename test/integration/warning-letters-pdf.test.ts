import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { chineseDate } from '../../shared/domain/date-words';
import { ApiError } from '../../shared/result';
import { AUTHOR, addAnalysts } from '../helpers/comment-fixtures';
import { letterStore } from '../helpers/letter-fixtures';
import { emptyBackend, testClock } from '../helpers/temp-store';

/** Where the test leaves the rendered first page, to be looked at (PINGYI_LETTER_PNG=folder). */
const PNG_DIR = process.env.PINGYI_LETTER_PNG;

let backend: Backend;
let cleanup: () => void;
let store: Awaited<ReturnType<typeof letterStore>>;
const savedChromium = process.env.PINGYI_CHROMIUM;

beforeEach(async () => {
  const clock = testClock();
  ({ backend, cleanup } = await emptyBackend(clock));
  addAnalysts(backend);
  store = await letterStore(backend.ctx.db, clock, actingAnalyst(backend.ctx.db).uid);
});
afterEach(() => {
  cleanup();
  if (savedChromium === undefined) delete process.env.PINGYI_CHROMIUM;
  else process.env.PINGYI_CHROMIUM = savedChromium;
});

const pdfTempDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('pingyi-pdf-'));

describe('a warning letter as PDF, printed by Chromium from the letter’s HTML', () => {
  it('keeps the Chinese text extractable, on A4 pages, and leaves no temporary files', async () => {
    const before = new Set(pdfTempDirs());
    const { letter, file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, format: 'pdf' });
    expect(letter.format).toBe('pdf');
    expect(file.mediaType).toBe('application/pdf');
    expect(file.fileName).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync(file.path);
    if (PNG_DIR) {
      fs.mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', file.path, path.join(PNG_DIR, 'letter')]);
      fs.copyFileSync(file.path, path.join(PNG_DIR, 'letter.pdf'));
    }
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = execFileSync('pdftotext', ['-layout', file.path, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('技术性贸易措施风险预警函');
    expect(flat).toContain(`预警〔${store.today.slice(0, 4)}〕第1号`);
    expect(flat).toContain('浙江绿能电池有限公司：');
    expect(flat).toContain('锂离子电池技术法规');
    expect(flat).toContain('G/TBT/N/SAU/1201');
    expect(flat).toContain('HS850760（出口沙特阿拉伯）');
    expect(flat).toContain(`评议截止日期${chineseDate(store.dates.comments)}`);
    expect(flat).toContain('应对建议（提交评议意见）');
    expect(flat).toContain(`联系人：${AUTHOR}`);
    // Page numbers "— 1 —" in the bottom margin.
    expect(flat).toContain('—1—');

    const info = execFileSync('pdfinfo', [file.path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    // A4 is 595.28 × 841.89 points.
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Math.round(Number(size?.[1]))).toBe(595);
    expect(Math.round(Number(size?.[2]))).toBe(842);
    // Every font is embedded and maps back to Unicode: the letter reads the same anywhere and its text can be selected.
    const fonts = execFileSync('pdffonts', [file.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      const [emb, , uni] = row.trim().split(/\s+/).slice(-5);
      expect({ emb, uni }).toEqual({ emb: 'yes', uni: 'yes' });
    }

    expect(pdfTempDirs().filter((d) => !before.has(d))).toEqual([]);
  });

  it('answers PDF_UNAVAILABLE, saying what to install or set, when the named browser is missing, and records nothing', async () => {
    process.env.PINGYI_CHROMIUM = path.join(os.tmpdir(), 'no-such-browser', 'chromium');
    let error: unknown = null;
    try {
      await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, format: 'pdf' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('PDF_UNAVAILABLE');
    expect((error as ApiError).message).toContain('PINGYI_CHROMIUM');
    expect((error as ApiError).message).toContain('no-such-browser');
    expect((backend.ctx.db.prepare('SELECT count(*) AS n FROM warning_letters').get() as { n: number }).n).toBe(0);
    expect((backend.ctx.db.prepare("SELECT count(*) AS n FROM warning_history WHERE kind = 'letter'").get() as { n: number }).n).toBe(0);
  });

  it('prints with the renderer the app puts on the context instead, when there is one', async () => {
    const pages: string[] = [];
    backend.ctx.pdf = (html) => {
      pages.push(html);
      return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
    };
    const { file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.storage, format: 'pdf' });
    expect(fs.readFileSync(file.path, 'latin1')).toBe('%PDF-1.7 stand-in');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('<title>技术性贸易措施风险预警函</title>');
    expect(pages[0]).toContain('size: A4');
    expect(pages[0]).toContain('江苏储能科技有限公司：');
  });
});
