import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run-cli';
import { AUTHOR, addAnalysts, by, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { readDocx } from '../helpers/read-docx';
import { makeTempDir, testClock } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;
let submittedId: number;
let draftId: number;

beforeEach(async () => {
  tmp = makeTempDir();
  const backend = await startBackend({ clock: testClock(), dataDir: tmp.dir, appVersion: 'test' });
  try {
    addAnalysts(backend);
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/TUR/220', title: 'Regulation on fertilizers', commentDeadline: '2026-03-16' },
      { symbol: 'G/TBT/N/IND/300', title: 'Lithium-ion cells', commentDeadline: '2026-03-20' },
    ]);
    submittedId = submit(backend, commentWithPoints(backend, ids['G/TBT/N/TUR/220']!, 2), '2026-03-10').id;
    draftId = commentWithPoints(backend, ids['G/TBT/N/IND/300']!, 1).id;
  } finally {
    backend.close();
  }
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pingyi comments', () => {
  it('lists comments as a table and as JSON, filtered by status', async () => {
    const table = await cli('comments', 'list');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toBe('ID\tSTATUS\tRISK\tINTERNAL\tFINAL\tSYMBOL\tTITLE');
    expect(lines).toHaveLength(3);
    expect(table.out).toMatch(new RegExp(`^${submittedId}\\tsubmitted\\tok\\t2026-03-09\\t2026-03-16\\tG/TBT/N/TUR/220\\t`, 'm'));

    const json = await cli('comments', 'list', '--status', 'draft', '--json');
    expect(json.code).toBe(0);
    const items = JSON.parse(json.out) as Array<{ id: number; status: string; author: string }>;
    expect(items.map((i) => [i.id, i.status, i.author])).toEqual([[draftId, 'draft', AUTHOR]]);
    expect((await cli('comments', 'list', '--status', 'closed')).out).toBe('No comments are closed.');
  });

  it('refuses to write the English letter of a comment with text still to be completed, naming point and field', async () => {
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock: testClock() });
    try {
      const c = backend.call('commentsGet', { id: draftId });
      by(backend, AUTHOR).call('commentsSave', {
        id: draftId,
        baseVersion: c.version,
        titleZh: c.content.titleZh,
        titleEn: c.content.titleEn,
        points: [{ ...c.content.points[0]!, proposalEn: 'Extend the period to [to be completed: days of comment period requested].' }],
      });
    } finally {
      backend.close();
    }
    const out = path.join(tmp.dir, 'letter.docx');
    const r = await cli('comments', 'export', String(draftId), '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('cannot be written as the English letter: text still to be completed in point 1, English proposed change');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown status with the list of statuses', async () => {
    const r = await cli('comments', 'list', '--status', 'sent');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--status must be one of draft, in_review, approved, submitted, reply_received, closed/);
  });

  it('exports a letter to the file named by --out, in English or Chinese', async () => {
    const out = path.join(tmp.dir, 'letters', 'tur-220.docx');
    const r = await cli('comments', 'export', String(submittedId), '--format', 'docx', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*tur-220\.docx \(\d+ bytes, English enquiry-point letter\)$/);
    const en = await readDocx(out);
    expect(en.paragraphs.some((p) => p.startsWith("Subject: Comments of the People's Republic of China on G/TBT/N/TUR/220 — Regulation on fertilizers"))).toBe(true);
    expect(en.paragraphs.filter((p) => /^\d\. /.test(p))).toEqual(['1. Article 1', '2. Article 2']);

    const zhOut = path.join(tmp.dir, 'tur-220-zh.docx');
    const zh = await cli('comments', 'export', String(submittedId), '--out', zhOut, '--language', 'zh', '--json');
    expect(JSON.parse(zh.out)).toMatchObject({ path: zhOut, language: 'zh' });
    expect((await readDocx(zhOut)).paragraphs).toContain('一、第1条');
  });

  it('explains usage mistakes and missing comments', async () => {
    expect((await cli('comments', 'export', String(submittedId), '--format', 'pdf', '--out', 'x.pdf')).err).toMatch(/only docx/);
    expect((await cli('comments', 'export', String(submittedId))).err).toMatch(/--out FILE is required/);
    expect((await cli('comments', 'export', 'abc', '--out', 'x.docx')).code).toBe(2);
    expect((await cli('comments', 'frobnicate')).code).toBe(2);
    const missing = await cli('comments', 'export', '999', '--out', path.join(tmp.dir, 'x.docx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('pingyi: NOT_FOUND: comment 999 does not exist');
    expect(fs.existsSync(path.join(tmp.dir, 'x.docx'))).toBe(false);
  });
});
