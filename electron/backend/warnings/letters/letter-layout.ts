import { chineseDate, chineseNumeral } from '../../../../shared/domain/date-words';
import type { LetterContent, LetterMeasure } from './letter-content';

/** The letter's title, as official documents print it (no book-title marks). */
export const LETTER_TITLE = '技术性贸易措施风险预警函';

/**
 * The letter as a sequence of typed blocks. Word (letter-docx.ts) and the HTML that Chromium
 * prints to PDF (letter-html.ts) both render exactly these blocks, so the two files say the same
 * thing in the same order and differ only in how each medium sets type.
 */
export type LetterBlock =
  /** 2号 小标宋, centred. */
  | { kind: 'title'; text: string }
  /** The document number, centred under the title. */
  | { kind: 'number'; text: string }
  /** The addressee, flush left, followed by a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** A body paragraph, first line indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** A numbered heading in 黑体 (一、…). */
  | { kind: 'heading'; text: string }
  /** An indented paragraph with a bold lead-in. */
  | { kind: 'labelled'; label: string; text: string }
  /** Signature and date lines, flush right. */
  | { kind: 'signature'; text: string }
  /** The contact lines after the signature, indented. */
  | { kind: 'contact'; text: string };

function productLines(m: LetterMeasure): string {
  if (m.products.length === 0) return '通报文本与贵单位产品存在文字关联，具体涉及的产品请贵单位自行核对。';
  return m.products.map((p) => `HS ${p.hsCode}（出口${p.markets.join('、')}）`).join('；') + '。';
}

function measureBlocks(m: LetterMeasure, index: number): LetterBlock[] {
  const symbols = m.symbols.join('、');
  const title = m.translated ? `《${m.title}》` : `“${m.title}”（英文原题，尚未翻译）`;
  const out: LetterBlock[] = [
    { kind: 'heading', text: `${chineseNumeral(index + 1)}、${m.memberNames.join('、')}${title}` },
    { kind: 'labelled', label: '通报号：', text: symbols },
    {
      kind: 'labelled',
      label: '预警等级：',
      text: `${m.levelWords}预警，风险评分 ${m.score} 分${m.mainFactors.length > 0 ? `（主要因素：${m.mainFactors.join('，')}）` : ''}。`,
    },
  ];
  if (m.requirement !== '') out.push({ kind: 'labelled', label: '主要内容：', text: m.requirement });
  if (m.nature !== null) out.push({ kind: 'labelled', label: '措施性质：', text: `${m.nature}。` });
  out.push({ kind: 'labelled', label: '涉及产品和市场：', text: productLines(m) });
  out.push({
    kind: 'labelled',
    label: '重要日期：',
    text: m.deadlines.length > 0 ? m.deadlines.map((d) => `${d.label}${d.date}`).join('；') + '。' : '通报未注明评议截止、批准和生效日期。',
  });
  out.push({ kind: 'labelled', label: `应对建议（${m.response.words}）：`, text: m.response.advice });
  return out;
}

/** The letter's blocks in reading order. */
export function letterBlocks(c: LetterContent): LetterBlock[] {
  const contact = [`联系人：${c.analystName}`, c.contact.phone ? `联系电话：${c.contact.phone}` : '', c.contact.email ? `电子邮箱：${c.contact.email}` : '']
    .filter((t) => t !== '')
    .join('　');
  return [
    { kind: 'title', text: LETTER_TITLE },
    { kind: 'number', text: c.number },
    { kind: 'addressee', text: `${c.enterpriseName}：` },
    {
      kind: 'paragraph',
      text:
        `据我方对世贸组织技术性贸易壁垒（TBT）和卫生与植物卫生措施（SPS）通报的跟踪评议，以下 ${c.measures.length} 项国外技术性贸易措施` +
        '涉及贵单位的出口产品和市场，可能对出口造成影响。现将有关情况和应对建议函告如下：',
    },
    ...c.measures.flatMap(measureBlocks),
    { kind: 'paragraph', text: '请贵单位结合自身情况研究应对，如有意见、证据材料或需要进一步的技术支持，请及时与我方联系。' },
    { kind: 'paragraph', text: '特此函告。' },
    { kind: 'signature', text: c.contact.organisation },
    { kind: 'signature', text: chineseDate(c.date) },
    { kind: 'contact', text: contact },
  ];
}
