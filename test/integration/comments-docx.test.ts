import fs from 'node:fs';
import path from 'node:path';
import { Packer } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { buildCommentLetter, type LetterModel } from '../../electron/backend/comments/letter-docx';
import type { ChannelOutput } from '../../shared/contract';
import { AUTHOR, REVIEWER, addAnalysts, by, submit, templateId } from '../helpers/comment-fixtures';
import { readDocx } from '../helpers/read-docx';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let comment: ChannelOutput<'commentsGet'>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  const id = backend.call('notificationsCreate', {
    symbol: 'G/TBT/N/SAU/1402',
    area: 'TBT',
    memberCode: 'SAU',
    title: 'Energy efficiency of household refrigerators',
    distributionDate: '2026-01-10',
    commentDeadline: '2026-03-16',
    proposedEntryIntoForce: '90 days after publication',
  }).id;
  backend.call('notificationsTranslationUpdate', { id, titleZh: '家用冰箱能效技术法规', descriptionZh: '', translator: AUTHOR, status: 'final' });
  comment = by(backend, AUTHOR).call('commentsCreate', {
    target: { kind: 'notification', notificationId: id },
    templateIds: [templateId(backend, 'international-test-methods'), templateId(backend, 'transition-period')],
  });
});
afterEach(() => env.cleanup());

describe('the comment letter in Word', () => {
  it('writes the English enquiry-point letter: symbol and title in the subject, numbered points', async () => {
    const submitted = submit(backend, comment, '2026-03-12');
    const file = await backend.callAsync('commentsExport', { id: submitted.id, language: 'en', format: 'docx' });
    expect(path.dirname(file.path)).toBe(path.join(env.dir, 'exports'));
    expect(file).toMatchObject({ fileName: `comment-${comment.id}-v1-G-TBT-N-SAU-1402-en.docx`, base64: null });
    expect(fs.statSync(file.path).size).toBe(file.bytes);

    const doc = await readDocx(file.path);
    const text = doc.paragraphs;
    expect(text).toContain("Subject: Comments of the People's Republic of China on G/TBT/N/SAU/1402 — Energy efficiency of household refrigerators");
    expect(text).toContain('12 March 2026');
    expect(text).toContain('To: WTO/TBT Enquiry Point of Saudi Arabia');
    const numbered = text.filter((p) => /^\d+\. /.test(p));
    expect(numbered).toEqual(['1. Provisions on test methods', '2. Provisions on entry into force and transition']);
    const first = text.indexOf('1. Provisions on test methods');
    expect(text[first + 1]).toMatch(/^Concern: The test methods specified in Energy efficiency of household refrigerators \(G\/TBT\/N\/SAU\/1402\)/);
    expect(text[first + 2]).toMatch(/^Proposed change: China suggests that Saudi Arabia accept test results/);
    expect(text[first + 3]).toMatch(/^Rationale: Article 2\.4 of the TBT Agreement/);
    expect(text.indexOf('2. Provisions on entry into force and transition')).toBeGreaterThan(first);
    expect(text.join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(doc.documentXml).toContain('w:w="11906"');
  });

  it('writes the Chinese internal version in 仿宋 on A4, with the date in Chinese', async () => {
    let c = by(backend, AUTHOR).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
    c = by(backend, REVIEWER).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
    const file = await backend.callAsync('commentsExport', { id: c.id, language: 'zh', format: 'docx', date: '2026-11-21', inline: true });
    expect(file.base64).not.toBeNull();
    const bytes = Buffer.from(file.base64 ?? '', 'base64');
    expect(bytes.equals(fs.readFileSync(file.path))).toBe(true);

    const doc = await readDocx(bytes);
    const text = doc.paragraphs;
    expect(text[0]).toBe('关于G/TBT/N/SAU/1402《家用冰箱能效技术法规》的评议意见');
    expect(text).toContain('2026年11月21日');
    expect(text).toContain('通报成员：沙特阿拉伯');
    expect(text).toContain('评议截止日期：2026年3月16日');
    expect(text).toContain('内部截止日期：2026年3月9日');
    expect(text).toContain(`审核人：${REVIEWER}`);
    expect(text).toContain('状态：已批准（第1版）');
    expect(text.filter((p) => /^[一二三四五六七八九十]+、/.test(p))).toEqual(['一、试验方法相关条款', '二、生效日期及过渡期相关条款']);
    expect(text.some((p) => p.startsWith('关注问题：沙特阿拉伯通报的《家用冰箱能效技术法规》（G/TBT/N/SAU/1402）'))).toBe(true);
    expect(text.some((p) => p.startsWith('修改建议：建议沙特阿拉伯在法规公布与生效之间给予不少于六个月的过渡期'))).toBe(true);
    expect(text.join('\n')).not.toMatch(/Concern:|Proposed change:/);
    expect(doc.documentXml).toContain('w:eastAsia="仿宋"');
    expect(doc.documentXml).toContain('w:eastAsia="黑体"');
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = [...doc.parts.entries()].find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(footer).toContain('— ');
  });

  it('names every symbol of a measure family in the subject', async () => {
    const title = 'Electric vehicles — test methods';
    const [are] = ['ARE', 'SAU'].map(
      (m) => backend.call('notificationsCreate', { symbol: `G/TBT/N/${m}/610`, area: 'TBT', memberCode: m, title, distributionDate: '2026-04-01', commentDeadline: '2026-05-31' }).id,
    );
    const family = backend.call('notificationsGet', { id: are! }).family!.id;
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'family', familyId: family }, templateIds: [templateId(backend, 'comment-period')] });
    const doc = await readDocx((await backend.callAsync('commentsExport', { id: c.id, language: 'en', date: '2026-04-20' })).path);
    expect(doc.paragraphs).toContain("Subject: Comments of the People's Republic of China on G/TBT/N/ARE/610, G/TBT/N/SAU/610 — Electric vehicles — test methods");
    expect(doc.paragraphs).toContain('To: WTO/TBT Enquiry Point of United Arab Emirates and Saudi Arabia');
  });
});

describe('the Word package', () => {
  const model: LetterModel = {
    language: 'en',
    date: '2026-11-21',
    area: 'SPS',
    symbols: ['G/SPS/N/RUS/300'],
    title: 'Maximum levels for aquatic products',
    memberNames: ['Russia'],
    points: [{ clause: 'Annex 2', concern: 'Line one\nLine two', proposal: 'Use Codex levels', rationale: 'SPS Article 3.1' }],
  };

  it('holds the parts Word needs, each line of a multi-line text in a paragraph of its own', async () => {
    const doc = await readDocx(await Packer.toBuffer(buildCommentLetter(model)));
    expect(doc.entries).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
    expect(doc.parts.get('[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(doc.paragraphs).toContain('1. Annex 2');
    expect(doc.paragraphs).toContain('Concern: Line one');
    expect(doc.paragraphs).toContain('Line two');
  });

  it('is written only through the asynchronous call: the synchronous one says so and writes nothing', () => {
    const r = backend.invoke('commentsExport', { id: comment.id, language: 'zh' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('commentsExport answers asynchronously') } });
    expect(fs.existsSync(path.join(env.dir, 'exports'))).toBe(false);
  });
});
