import { Document, type Paragraph } from 'docx';
import type { TradeConcern } from '../../../shared/contract';
import { chineseDate, chineseNumeral } from '../../../shared/domain/date-words';
import { paragraph, run, section, textBlock } from '../comments/docx-layout';

const COMMITTEE_ZH = { TBT: '世贸组织技术性贸易壁垒委员会', SPS: '世贸组织卫生与植物卫生措施委员会' } as const;
const COMMITTEE_EN = { TBT: 'WTO Committee on Technical Barriers to Trade', SPS: 'WTO Committee on Sanitary and Phytosanitary Measures' } as const;
const STATUS_ZH: Record<TradeConcern['status'], string> = { draft: '草稿', raised: '已提出', resolved: '已解决', dropped: '不再提出' };

function talkingPoints(points: readonly string[]): Paragraph[] {
  return points.flatMap((p, i) => textBlock('zh', `${i + 1}. `, p, { indent: true }));
}

function concernBlock(c: TradeConcern, index: number): Paragraph[] {
  const zh = 'zh';
  const out: Paragraph[] = [
    paragraph(zh, [run(zh, `${chineseNumeral(index + 1)}、${c.titleZh}`, { role: 'heading' })], { indent: true }),
  ];
  if (c.titleEn) out.push(paragraph(zh, [run(zh, c.titleEn, { bold: true })], { indent: true }));
  const facts: Array<[string, string]> = [
    ['委员会：', `${COMMITTEE_ZH[c.committee]}（${COMMITTEE_EN[c.committee]}）`],
    ['会议：', c.meeting || '待定'],
    ['涉及成员：', c.members.map((m) => `${m.nameZh}（${m.nameEn}）`).join('、')],
    ['状态：', STATUS_ZH[c.status]],
  ];
  for (const [label, value] of facts) out.push(paragraph(zh, [run(zh, label, { bold: true }), run(zh, value)], { indent: true }));
  if (c.notifications.length > 0) {
    out.push(paragraph(zh, [run(zh, '相关通报：', { bold: true })], { indent: true }));
    for (const n of c.notifications) {
      out.push(paragraph(zh, [run(zh, `${n.symbol}\u3000${n.titleZh ? `《${n.titleZh}》` : n.title}`)], { indent: true }));
    }
  }
  out.push(...textBlock(zh, '关注问题：', c.issueZh, { indent: true }));
  if (c.talkingPointsZh.length > 0) {
    out.push(paragraph(zh, [run(zh, '发言要点（中文）：', { bold: true })], { indent: true }), ...talkingPoints(c.talkingPointsZh));
  }
  out.push(...textBlock(zh, 'Issue: ', c.issueEn, { indent: true }));
  if (c.talkingPointsEn.length > 0) {
    out.push(paragraph(zh, [run(zh, 'Talking points (English):', { bold: true })], { indent: true }), ...talkingPoints(c.talkingPointsEn));
  }
  return out;
}

/** Every given trade-concern suggestion in one document, Chinese talking points before English. */
export function buildTradeConcernDocument(concerns: readonly TradeConcern[], date: string): Document {
  const zh = 'zh';
  const committees = [...new Set(concerns.map((c) => c.committee))];
  const where = committees.length === 1 ? `在${COMMITTEE_ZH[committees[0]!]}` : '在世贸组织相关委员会';
  const children: Paragraph[] = [
    paragraph(zh, [run(zh, `关于${where}提出特别贸易关注的建议`, { role: 'title' })], { align: 'center', spaceAfter: 280 }),
    paragraph(zh, [run(zh, chineseDate(date))], { align: 'right', spaceAfter: 280 }),
    ...concerns.flatMap((c, i) => concernBlock(c, i)),
  ];
  return new Document({ creator: 'Pingyi', title: '特别贸易关注建议', sections: [section(zh, children)] });
}
