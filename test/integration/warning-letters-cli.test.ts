import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { startBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run-cli';
import { addAnalysts } from '../helpers/comment-fixtures';
import { creditCode, letterStore } from '../helpers/letter-fixtures';
import { readDocx } from '../helpers/read-docx';
import { TEST_NOW, makeTempDir, testClock } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;
let store: Awaited<ReturnType<typeof letterStore>>;

beforeEach(async () => {
  tmp = makeTempDir();
  const clock = testClock();
  const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
  try {
    addAnalysts(backend);
    store = await letterStore(backend.ctx.db, clock, actingAnalyst(backend.ctx.db).uid);
  } finally {
    backend.close();
  }
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: TEST_NOW });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pingyi warnings letter', () => {
  it('writes the Word letter for the enterprise named by its credit code', async () => {
    const target = path.join(tmp.dir, 'out', 'letter.docx');
    const r = await cli('warnings', 'letter', store.codes.green.toLowerCase(), '--format', 'docx', '--out', target, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const answer = JSON.parse(r.out) as { path: string; format: string; letter: { enterpriseName: string; symbols: string[] } };
    expect(answer).toMatchObject({ path: target, format: 'docx', letter: { enterpriseName: '浙江绿能电池有限公司', symbols: ['G/TBT/N/SAU/1201', 'G/TBT/N/ARE/350'] } });
    const text = (await readDocx(target)).paragraphs.join('\n');
    expect(text).toContain('技术性贸易措施风险预警函');
    expect(text).toContain('浙江绿能电池有限公司：');
    expect(text).toContain('锂离子电池技术法规');
  });

  it('writes the PDF letter through Chromium', async () => {
    const target = path.join(tmp.dir, 'letter.pdf');
    const r = await cli('warnings', 'letter', store.codes.green, '--format', 'pdf', '--out', target);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote ${target}`);
    const text = execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('技术性贸易措施风险预警函');
    expect(text).toContain('浙江绿能电池有限公司');
  });

  it('says what is wrong with the command line, and reports an enterprise that is not registered', async () => {
    const short = await cli('warnings', 'letter', '91330100MA2H3K5L7', '--out', 'x.docx');
    expect(short.code).toBe(2);
    expect(short.err).toContain('is not a valid credit code');
    expect((await cli('warnings', 'letter', store.codes.green, '--format', 'odt', '--out', 'x.odt')).err).toContain('--format must be docx or pdf');
    expect((await cli('warnings', 'letter', store.codes.green)).err).toContain('--out FILE is required');
    const unknown = await cli('warnings', 'letter', creditCode('91110000MA0000001'), '--out', path.join(tmp.dir, 'x.docx'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('NOT_FOUND');
    expect(unknown.err).toContain(creditCode('91110000MA0000001'));
  });
});
