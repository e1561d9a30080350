import { Document } from 'docx';
import type { Paragraph } from 'docx';
import { chineseDate, chineseNumeral, englishDate } from '../../../shared/domain/date-words';
import { paragraph, run, section, textBlock } from './docx-layout';

export interface LetterPoint {
  clause: string;
  concern: string;
  proposal: string;
  rationale: string;
}

/** Facts for the Chinese internal version, which the team files with the comment. */
export interface InternalFacts {
  commentTitle: string;
  finalDate: string | null;
  internalDeadline: string | null;
  author: string;
  reviewer: string | null;
  /** Status in Chinese, e.g. 已批准. */
  status: string;
  version: number;
}

export interface LetterModel {
  language: 'en' | 'zh';
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  area: 'TBT' | 'SPS';
  symbols: string[];
  /** The measure's title in the letter's language (the original when there is no translation). */
  title: string;
  memberNames: string[];
  points: LetterPoint[];
  internal?: InternalFacts;
}

function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The English letter sent through China's enquiry point: the symbol and title in the subject,
 * a short opening, numbered points (clause; concern; proposed change; rationale) and a closing.
 */
function englishLetter(m: LetterModel): Paragraph[] {
  const en = 'en';
  const point = `WTO/${m.area} Enquiry Point of the People's Republic of China`;
  const members = listEn(m.memberNames);
  const out: Paragraph[] = [
    paragraph(en, [run(en, point, { role: 'title' })], { align: 'center', spaceAfter: 240 }),
    paragraph(en, [run(en, englishDate(m.date))], { align: 'right' }),
    paragraph(en, [run(en, `To: WTO/${m.area} Enquiry Point of ${members}`)]),
    paragraph(en, [run(en, `Subject: Comments of the People's Republic of China on ${m.symbols.join(', ')} — ${m.title}`, { bold: true })], {
      spaceAfter: 240,
    }),
    paragraph(en, [
      run(
        en,
        `China thanks ${members} for notifying ${m.symbols.join(', ')} to the WTO and for the opportunity to comment. ` +
          'Having studied the notified measure, China respectfully submits the following comments and hopes that they will be taken into account:',
      ),
    ]),
  ];
  m.points.forEach((p, i) => {
    out.push(paragraph(en, [run(en, `${i + 1}. ${p.clause.trim() || `Point ${i + 1}`}`, { bold: true })], { spaceAfter: 80 }));
    out.push(...textBlock(en, 'Concern: ', p.concern));
    out.push(...textBlock(en, 'Proposed change: ', p.proposal));
    out.push(...textBlock(en, 'Rationale: ', p.rationale));
  });
  out.push(
    paragraph(en, [
      run(
        en,
        `China appreciates the consideration of these comments by ${members} and would be grateful for a written reply. ` +
          'China looks forward to continued cooperation on this matter.',
      ),
    ]),
    paragraph(en, [run(en, point)], { align: 'right' }),
  );
  return out;
}

/** The Chinese internal version, laid out as an official document (GB/T 9704). */
function chineseLetter(m: LetterModel): Paragraph[] {
  const zh = 'zh';
  const members = m.memberNames.join('、');
  const symbols = m.symbols.join('、');
  const out: Paragraph[] = [
    paragraph(zh, [run(zh, `关于${symbols}《${m.title}》的评议意见`, { role: 'title' })], { align: 'center' }),
    paragraph(zh, [run(zh, '（内部稿）')], { align: 'center', spaceAfter: 280 }),
  ];
  const facts = m.internal;
  const info: Array<[string, string]> = [
    ['通报成员：', members],
    ['通报号：', symbols],
    ['措施名称：', `《${m.title}》`],
  ];
  if (facts) {
    info.push(['评议截止日期：', facts.finalDate ? chineseDate(facts.finalDate) : '未注明']);
    info.push(['内部截止日期：', facts.internalDeadline ? chineseDate(facts.internalDeadline) : '未注明']);
    info.push(['起草人：', facts.author], ['审核人：', facts.reviewer ?? '尚未审核'], ['状态：', `${facts.status}（第${facts.version}版）`]);
  }
  for (const [label, value] of info) out.push(paragraph(zh, [run(zh, label, { bold: true }), run(zh, value)]));
  out.push(paragraph(zh, [run(zh, chineseDate(m.date))], { align: 'right', spaceAfter: 280 }));
  out.push(
    paragraph(zh, [run(zh, `${members}向世贸组织通报了《${m.title}》（${symbols}）。经研究，我方提出以下评议意见：`)], { indent: true }),
  );
  m.points.forEach((p, i) => {
    out.push(paragraph(zh, [run(zh, `${chineseNumeral(i + 1)}、${p.clause.trim() || `第${i + 1}点`}`, { role: 'heading' })], { indent: true }));
    out.push(...textBlock(zh, '关注问题：', p.concern, { indent: true }));
    out.push(...textBlock(zh, '修改建议：', p.proposal, { indent: true }));
    out.push(...textBlock(zh, '理由依据：', p.rationale, { indent: true }));
  });
  return out;
}

export function buildCommentLetter(model: LetterModel): Document {
  const children = model.language === 'en' ? englishLetter(model) : chineseLetter(model);
  return new Document({
    creator: 'Pingyi',
    title: model.language === 'en' ? `Comments on ${model.symbols.join(', ')}` : `关于${model.symbols.join('、')}的评议意见`,
    sections: [section(model.language, children)],
  });
}
