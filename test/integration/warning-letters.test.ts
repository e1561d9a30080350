import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { getWarning } from '../../electron/backend/warnings/warning-read';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { chineseDate } from '../../shared/domain/date-words';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by } from '../helpers/comment-fixtures';
import { letterStore } from '../helpers/letter-fixtures';
import { readDocx } from '../helpers/read-docx';
import { emptyBackend, testClock } from '../helpers/temp-store';

let backend: Backend;
let cleanup: () => void;
let store: Awaited<ReturnType<typeof letterStore>>;
let events: Array<{ name: string; payload: unknown }>;

beforeEach(async () => {
  const clock = testClock();
  ({ backend, cleanup } = await emptyBackend(clock));
  addAnalysts(backend);
  store = await letterStore(backend.ctx.db, clock, actingAnalyst(backend.ctx.db).uid);
  events = [];
  backend.subscribe((name, payload) => events.push({ name, payload }));
});
afterEach(() => cleanup());

const letterCount = () => (backend.ctx.db.prepare('SELECT count(*) AS n FROM warning_letters').get() as { n: number }).n;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('the call succeeded');
}

describe('a one-to-one warning letter as Word', () => {
  it('covers the open red, orange and yellow warnings, highest first, and says what the enterprise needs to know', async () => {
    const { letter, file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, format: 'docx' });
    expect(letter).toMatchObject({
      enterpriseUid: store.enterprises.green,
      enterpriseName: '浙江绿能电池有限公司',
      warningUids: [store.warnings.greenSau, store.warnings.greenAre],
      symbols: ['G/TBT/N/SAU/1201', 'G/TBT/N/ARE/350'],
      format: 'docx',
      createdBy: AUTHOR,
      delivery: null,
      acknowledgement: null,
    });
    expect(file.path).toBe(path.join(backend.ctx.dataDir, 'exports', letter.fileName));
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.base64).toBeNull();

    const docx = await readDocx(file.path);
    const text = docx.paragraphs.join('\n');
    const year = store.today.slice(0, 4);
    expect(docx.paragraphs[0]).toBe('技术性贸易措施风险预警函');
    expect(docx.paragraphs[1]).toBe(`预警〔${year}〕第1号`);
    expect(docx.paragraphs[2]).toBe('浙江绿能电池有限公司：');
    // The translated measure in Chinese, with what it requires (one paragraph) and its nature.
    expect(text).toContain('一、沙特阿拉伯《锂离子电池技术法规》');
    expect(text).toContain('该技术法规草案规定锂离子电池的安全要求');
    expect(text).not.toContain('第二段不进入预警函');
    expect(text).toContain('措施性质：强制性合格评定或认证。');
    // The untranslated one keeps its title, marked, and the original description.
    expect(text).toContain('二、阿联酋“Energy labelling of household refrigerators”（英文原题，尚未翻译）');
    expect(text).toContain('Refrigerators shall carry an energy label.（通报原文，尚未翻译）');
    // Products and markets from the matches, markets in Chinese.
    expect(text).toContain('HS 850760（出口沙特阿拉伯）');
    expect(text).toContain('HS 841810（出口阿联酋、沙特阿拉伯）');
    // Deadlines as 年月日.
    expect(text).toContain(`评议截止日期${chineseDate(store.dates.comments)}`);
    expect(text).toContain(`拟批准日期${chineseDate(store.dates.adoption)}`);
    expect(text).toContain(`拟生效日期${chineseDate(store.dates.inForce)}`);
    expect(text).toContain(`拟生效日期${chineseDate(store.dates.uaeInForce)}`);
    // Level, score and main factors; the recommended response from the level and nature.
    expect(text).toContain('红色预警，风险评分 82 分（主要因素：涉及出口额 30 分，措施性质 20 分，评议期限 12 分）');
    expect(text).toContain('橙色预警，风险评分 55 分');
    expect(text).toContain('应对建议（提交评议意见）：');
    expect(text).toContain('应对建议（调整产品）：');
    // Signature, date and contact.
    expect(text).toContain('上合组织国家技术性贸易措施研究评议基地');
    expect(text).toContain(chineseDate(store.today));
    expect(text).toContain(`联系人：${AUTHOR}`);
    // The blue and the closed warnings are not in it.
    expect(text).not.toContain('G/TBT/N/KEN/77');
    expect(text).not.toContain('G/TBT/N/KEN/78');
    // GB/T 9704 page: A4, 37 mm top and 28 mm left margins, "— 1 —" page numbers.
    expect(docx.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.documentXml).toMatch(/w:top="209[78]"/);
    expect(docx.documentXml).toMatch(/w:left="1587"/);
    // Page numbers at the outside edge: right on odd pages, left on even ones.
    const footers = [...docx.parts].filter(([name]) => name.startsWith('word/footer')).map(([, xml]) => xml);
    expect(footers).toHaveLength(2);
    for (const footer of footers) expect(footer).toMatch(/— .*PAGE.* —/s);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
    expect(docx.parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders');
  });

  it('records the letter with the file digest, a history line on each warning, the audit entry and the change', async () => {
    const { letter, file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, inline: true });
    const bytes = fs.readFileSync(file.path);
    expect(Buffer.from(file.base64 ?? '', 'base64').equals(bytes)).toBe(true);
    const row = backend.ctx.db.prepare('SELECT file_sha256, created_by FROM warning_letters WHERE uid = ?').get(letter.uid) as { file_sha256: string; created_by: string };
    expect(row.file_sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(row.created_by).toBe(actingAnalyst(backend.ctx.db).uid);
    for (const uid of letter.warningUids) {
      const w = getWarning(backend.ctx.db, uid);
      expect(w.history.at(-1)).toMatchObject({ kind: 'letter', by: AUTHOR, note: expect.stringContaining('第1号') });
      expect(w.letters.map((l) => l.uid)).toEqual([letter.uid]);
    }
    const audit = backend.ctx.db.prepare("SELECT action, entity_uid, actor AS actor_name FROM audit_log WHERE entity = 'warningLetter'").all();
    expect(audit).toEqual([{ action: 'create', entity_uid: letter.uid, actor_name: AUTHOR }]);
    expect(events).toEqual([{ name: 'dataChanged', payload: { entity: 'warnings', ids: letter.warningUids } }]);

    // The next letter of the year has the next number.
    const second = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.storage });
    const docx = await readDocx(second.file.path);
    expect(docx.paragraphs[1]).toBe(`预警〔${store.today.slice(0, 4)}〕第2号`);
    expect(second.file.fileName).not.toBe(file.fileName);

    // A new year starts the numbers again.
    const next = Number(store.today.slice(0, 4)) + 1;
    backend.ctx.clock = testClock(`${next}-01-10T04:00:00.000Z`);
    const third = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.storage });
    expect((await readDocx(third.file.path)).paragraphs[1]).toBe(`预警〔${next}〕第1号`);
  });

  it('covers only the warnings asked for, when they are the enterprise’s own; the contact lines come from Settings', async () => {
    backend.call('settingsUpdate', { letterContact: { organisation: '某某评议基地', phone: '0571-88886666', email: 'tbt@example.cn' } });
    const { letter, file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, warningUids: [store.warnings.greenAre] });
    expect(letter.warningUids).toEqual([store.warnings.greenAre]);
    const text = (await readDocx(file.path)).paragraphs.join('\n');
    expect(text).not.toContain('锂离子电池');
    expect(text).toContain('某某评议基地');
    expect(text).toContain(`联系人：${AUTHOR}\u3000联系电话：0571-88886666\u3000电子邮箱：tbt@example.cn`);

    const foreign = await rejection(backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green, warningUids: [store.warnings.storageSau] }));
    expect(foreign.code).toBe('VALIDATION');
    expect(foreign.message).toContain('浙江绿能电池有限公司');
    expect(letterCount()).toBe(1);
  });

  it('recommends the response an analyst planned, with its owner and due date, over the default', async () => {
    const reviewer = backend.call('analystsList', {}).find((a) => a.name === REVIEWER);
    const due = backend.ctx.db.prepare("SELECT date(?, '+10 days') AS d").get(store.today) as { d: string };
    backend.ctx.db
      .prepare("UPDATE warnings SET state = 'planned', response_kind = 'certify', response_owner = ?, response_due = ?, response_note = '请提供电池型式试验报告。' WHERE uid = ?")
      .run(reviewer?.uid, due.d, store.warnings.greenSau);
    const { file } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green });
    const text = (await readDocx(file.path)).paragraphs.join('\n');
    expect(text).toContain(`应对建议（检测或认证）：我方已将本项应对安排为“检测或认证”，由${REVIEWER}负责，请于${chineseDate(due.d)}前配合完成。请提供电池型式试验报告。`);
    expect(text).not.toContain('应对建议（提交评议意见）');
  });

  it('refuses an enterprise with no open warning worth a letter, and an unknown one, writing nothing', async () => {
    const none = await rejection(backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.quiet }));
    expect(none.code).toBe('VALIDATION');
    expect(none.message).toBe('杭州无预警有限公司 has no open red, orange or yellow warning to put in a letter');
    const unknown = await rejection(backend.callAsync('warningLettersMake', { enterpriseUid: '00000000-0000-7000-8000-000000000000' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(letterCount()).toBe(0);
    expect(fs.existsSync(path.join(backend.ctx.dataDir, 'exports')) ? fs.readdirSync(path.join(backend.ctx.dataDir, 'exports')) : []).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('letters in a batch for a notification', () => {
  it('makes one letter to each enterprise with a red or orange warning on the measure, covering that measure only', async () => {
    const made = await backend.callAsync('warningLettersBatch', { notificationId: store.ids.sau });
    expect(made.map((m) => m.letter.enterpriseName).sort()).toEqual(['江苏储能科技有限公司', '浙江绿能电池有限公司']);
    const green = made.find((m) => m.letter.enterpriseUid === store.enterprises.green);
    expect(green?.letter.warningUids).toEqual([store.warnings.greenSau]);
    expect(green?.letter.symbols).toEqual(['G/TBT/N/SAU/1201']);
    const numbers = await Promise.all(made.map(async (m) => (await readDocx(m.file.path)).paragraphs[1]));
    const year = store.today.slice(0, 4);
    expect(numbers.sort()).toEqual([`预警〔${year}〕第1号`, `预警〔${year}〕第2号`]);
    expect(new Set(made.map((m) => m.file.path)).size).toBe(2);
    expect(letterCount()).toBe(2);
    expect(events).toEqual([{ name: 'dataChanged', payload: { entity: 'warnings', ids: made.flatMap((m) => m.letter.warningUids) } }]);
  });

  it('answers an empty list for a notification no red or orange warning is about, and NOT_FOUND for no notification', async () => {
    expect(await backend.callAsync('warningLettersBatch', { notificationId: store.ids.ken })).toEqual([]);
    expect((await rejection(backend.callAsync('warningLettersBatch', { notificationId: 999_999 }))).code).toBe('NOT_FOUND');
    expect(letterCount()).toBe(0);
  });
});

describe('delivery and acknowledgement', () => {
  it('records the date and channel of delivery, then the acknowledgement, by the acting analyst, audited', async () => {
    const { letter } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green });
    by(backend, REVIEWER);
    events = [];
    const delivered = backend.call('warningLettersRecordDelivery', { uid: letter.uid, date: store.today, channel: 'email', note: '发至企业联系人邮箱' });
    expect(delivered.delivery).toEqual({ date: store.today, channel: 'email', note: '发至企业联系人邮箱', by: REVIEWER });
    expect(delivered.acknowledgement).toBeNull();
    const acknowledged = backend.call('warningLettersRecordAcknowledgement', { uid: letter.uid, date: store.today, note: '企业已回复收悉' });
    expect(acknowledged.acknowledgement).toEqual({ date: store.today, note: '企业已回复收悉', by: REVIEWER });
    expect(acknowledged.delivery?.channel).toBe('email');

    expect(backend.call('warningLettersList', { enterpriseUid: store.enterprises.green })).toEqual([acknowledged]);
    expect(backend.call('warningLettersList', { warningUid: store.warnings.greenAre })).toEqual([acknowledged]);
    expect(backend.call('warningLettersList', { enterpriseUid: store.enterprises.storage })).toEqual([]);
    expect(getWarning(backend.ctx.db, store.warnings.greenSau).letters).toEqual([acknowledged]);

    const audit = backend.ctx.db.prepare("SELECT action, actor AS actor_name FROM audit_log WHERE entity = 'warningLetter' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'create', actor_name: AUTHOR },
      { action: 'deliver', actor_name: REVIEWER },
      { action: 'acknowledge', actor_name: REVIEWER },
    ]);
    expect(events.filter((e) => e.name === 'dataChanged')).toEqual([
      { name: 'dataChanged', payload: { entity: 'warnings', ids: letter.warningUids } },
      { name: 'dataChanged', payload: { entity: 'warnings', ids: letter.warningUids } },
    ]);
  });

  it('refuses an acknowledgement before any delivery, dates after today, and an acknowledgement before the delivery', async () => {
    const { letter } = await backend.callAsync('warningLettersMake', { enterpriseUid: store.enterprises.green });
    const early = backend.invoke('warningLettersRecordAcknowledgement', { uid: letter.uid, date: store.today });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('before its acknowledgement') } });
    const future = backend.invoke('warningLettersRecordDelivery', { uid: letter.uid, date: store.dates.comments, channel: 'post' });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('after today') } });
    backend.call('warningLettersRecordDelivery', { uid: letter.uid, date: store.today, channel: 'post' });
    const yesterday = backend.ctx.db.prepare("SELECT date(?, '-1 day') AS d").get(store.today) as { d: string };
    const before = backend.invoke('warningLettersRecordAcknowledgement', { uid: letter.uid, date: yesterday.d });
    expect(before).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(backend.call('warningLettersList', {})[0]?.acknowledgement).toBeNull();
    expect(backend.invoke('warningLettersRecordDelivery', { uid: '00000000-0000-7000-8000-000000000000', date: store.today, channel: 'post' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
