import type { Database } from 'better-sqlite3';
import { POINT_TEXT_FIELDS, type ChannelParsedInput } from '../../../shared/contract';
import { fixedClock, localDate, type Clock } from '../../../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../../../shared/domain/uid';
import { analystByName, type Actor } from '../analysts/analysts';
import { createComment, saveComment } from '../comments/comment-edit';
import { recordOutcome } from '../comments/comment-outcomes';
import { readContent, requireComment } from '../comments/comment-store';
import { transitionComment } from '../comments/comment-transitions';
import { saveTradeConcern } from '../trade-concerns/trade-concerns';

/**
 * Demo comments and trade concerns over the demo notifications, marked 【示例】 / [Demo]: the
 * refrigerator and fertilizer comments adopted, the lead-acid battery comment submitted with
 * a later addendum to check, the GCC electric-vehicle comment in review. Figures are invented.
 */
const DEMO_ANALYSTS = ['张敏', '李强'] as const;
const [AUTHOR, REVIEWER] = DEMO_ANALYSTS;

type Outcome = Omit<ChannelParsedInput<'commentsRecordOutcome'>, 'id' | 'note' | 'pointKey'>;

export function loadDemoComments(db: Database, today: Date): void {
  const ago = (days: number): Date => new Date(today.getTime() - days * 86_400_000);
  const at = (days: number): Clock => fixedClock(ago(days));
  // Local calendar dates, as the workflow checks them (a UTC date can run a day ahead in the Americas).
  const day = (days: number): string => localDate(ago(days));
  const idOf = (symbol: string): number => (db.prepare('SELECT id FROM notifications WHERE symbol = ?').get(symbol) as { id: number }).id;
  const template = (code: string): number => (db.prepare('SELECT id FROM comment_templates WHERE code = ?').get(code) as { id: number }).id;
  const insertAnalyst = db.prepare(
    `INSERT INTO analysts (uid, name, active, created_at, created_by, updated_at, updated_by)
     VALUES (pingyi_uid_at(@at), @name, 1, @at, @by, @at, @by) ON CONFLICT (name) DO NOTHING`,
  );
  for (const name of DEMO_ANALYSTS) insertAnalyst.run({ name, at: today.toISOString(), by: UNRECORDED_ANALYST_UID });
  const author = analystByName(db, AUTHOR) as Actor;
  const reviewer = analystByName(db, REVIEWER) as Actor;

  const toReview = (id: number, daysAgo: number): void =>
    transitionComment(db, author, { id, to: 'in_review', baseVersion: requireComment(db, id).current_version, note: '' }, at(daysAgo));
  const approve = (id: number, daysAgo: number): void =>
    transitionComment(db, reviewer, { id, to: 'approved', baseVersion: requireComment(db, id).current_version, note: '' }, at(daysAgo));
  const send = (id: number, daysAgo: number, reference: string): void => {
    transitionComment(db, author, { id, to: 'submitted', note: '', submission: { date: day(daysAgo), channel: 'enquiry-point', reference } }, at(daysAgo));
  };
  const reply = (id: number, daysAgo: number, summary: string): void =>
    transitionComment(db, author, { id, to: 'reply_received', note: '', reply: { date: day(daysAgo), summary } }, at(daysAgo));
  const outcome = (id: number, pointKey: string, o: Outcome, daysAgo: number): void =>
    recordOutcome(db, author, { id, pointKey, note: '示例数据', ...o }, at(daysAgo));
  const retitle = (id: number, titleZh: string, titleEn: string, daysAgo: number): void => {
    const row = requireComment(db, id);
    const current = JSON.parse(
      (db.prepare('SELECT snapshot FROM comment_versions WHERE comment_id = ? AND version = ?').get(id, row.current_version) as { snapshot: string }).snapshot,
    ) as { points: ChannelParsedInput<'commentsSave'>['points'] };
    saveComment(db, author, { id, baseVersion: row.current_version, autosave: false, titleZh, titleEn, points: current.points }, at(daysAgo));
  };

  /** The analyst's own words in place of the "to be completed" markers a template left. */
  const complete = (id: number, words: Record<string, string>, daysAgo: number): void => {
    const row = requireComment(db, id);
    const current = readContent(db, id, row.current_version);
    const fill = (text: string): string => Object.entries(words).reduce((t, [marker, word]) => t.split(marker).join(word), text);
    const points = current.points.map((p) => ({ ...p, ...Object.fromEntries(POINT_TEXT_FIELDS.map((f) => [f, fill(p[f])])) }));
    saveComment(db, author, { id, baseVersion: row.current_version, autosave: false, titleZh: current.titleZh, titleEn: current.titleEn, points }, at(daysAgo));
  };

  // Saudi refrigerators: the acceptance and test standards were taken up in the final regulation.
  const fridge = createComment(db, author, { target: { kind: 'notification', notificationId: idOf('G/TBT/N/SAU/9002') }, templateIds: [template('international-test-methods'), template('accredited-lab-reports')] }, at(365));
  retitle(fridge, '【示例】关于沙特家用冰箱能效技术法规的评议意见', '[Demo] Comments on the Saudi refrigerator energy-efficiency regulation', 364);
  toReview(fridge, 360);
  approve(fridge, 355);
  send(fridge, 350, 'CHN/TBT/DEMO/001');
  reply(fridge, 280, '【示例】沙方答复：将在最终法规中接受IEC 62552系列标准规定的试验方法。');
  outcome(fridge, 'p1', {
    outcome: 'adopted',
    evidence: { kind: 'regulation', reference: '【示例】SASO household refrigerator energy-efficiency regulation as adopted', date: day(220) },
    costSparedCny: 36_000_000,
    costMethod: '示例数据：年出口量约12万台 × 每台可免除的重复检测与认证费用约300元',
  }, 219);
  outcome(fridge, 'p2', { outcome: 'not_adopted', date: day(220) }, 219);
  transitionComment(db, reviewer, { id: fridge, to: 'closed', note: '' }, at(200));

  // Türkiye fertilizers: the proposed revision of the mineral-fertilizer clauses was adopted.
  const fertilizer = createComment(db, author, { target: { kind: 'notification', notificationId: idOf('G/TBT/N/TUR/9003') }, templateIds: [] }, at(265));
  const fertilizerRow = requireComment(db, fertilizer);
  saveComment(db, author, {
    id: fertilizer,
    baseVersion: fertilizerRow.current_version,
    autosave: false,
    titleZh: '【示例】关于土耳其肥料法规草案的评议意见',
    titleEn: '[Demo] Comments on the draft Regulation on Fertilizers of Türkiye',
    points: [
      {
        templateCode: null,
        clauseZh: '矿物肥料养分含量及标识条款',
        clauseEn: 'Provisions on nutrient content and labelling of mineral fertilizers',
        concernZh: '草案对矿物肥料养分含量的允许偏差规定过严，且与欧盟肥料产品法规不一致。',
        concernEn: 'The tolerances for the declared nutrient content of mineral fertilizers are stricter than, and inconsistent with, the EU fertilising products regulation.',
        proposalZh: '建议参照国际通行做法修订矿物肥料养分允许偏差条款。',
        proposalEn: 'China suggests revising the tolerance provisions for mineral fertilizers in line with common international practice.',
        rationaleZh: '《技术性贸易壁垒协定》第2.2条：技术法规对贸易的限制不得超过实现合法目标所必需的程度。',
        rationaleEn: 'Article 2.2 of the TBT Agreement: technical regulations shall not be more trade-restrictive than necessary to fulfil a legitimate objective.',
      },
    ],
  }, at(264));
  toReview(fertilizer, 262);
  approve(fertilizer, 260);
  send(fertilizer, 255, 'CHN/TBT/DEMO/002');
  reply(fertilizer, 180, '【示例】土方答复：已根据评议意见修订矿物肥料相关条款。');
  outcome(fertilizer, 'p1', {
    outcome: 'adopted',
    evidence: { kind: 'regulation', reference: '【示例】Regulation on Fertilizers as published in the Official Gazette', date: day(150) },
  }, 149);

  // Saudi lead-acid batteries: submitted; the addendum that followed is flagged for a check.
  const battery = createComment(db, author, { target: { kind: 'notification', notificationId: idOf('G/TBT/N/SAU/9005') }, templateIds: [template('transition-period')] }, at(30));
  retitle(battery, '【示例】关于沙特铅酸蓄电池技术法规的评议意见', '[Demo] Comments on the Saudi lead-acid battery regulation', 29);
  // The notification gave no date of entry into force; the analyst wrote in what the draft itself said.
  complete(battery, { '【待补充：拟生效日期】': '公布后90天', '[to be completed: proposed date of entry into force]': '90 days after publication' }, 28);
  toReview(battery, 20);
  approve(battery, 16);
  send(battery, 12, 'CHN/TBT/DEMO/003');

  // GCC electric vehicles: one comment on the whole GSO draft, waiting for the reviewer.
  const family = (db.prepare('SELECT family_id FROM notifications WHERE symbol = ?').get('G/TBT/N/ARE/9001') as { family_id: number | null }).family_id;
  if (family !== null) {
    const ev = createComment(db, author, { target: { kind: 'family', familyId: family }, templateIds: [template('international-test-methods'), template('accredited-lab-reports')] }, at(6));
    retitle(ev, '【示例】关于海湾国家电动汽车技术法规草案的评议意见', '[Demo] Comments on the GSO draft regulation on electric vehicles', 5);
    toReview(ev, 2);
  }

  saveTradeConcern(db, author, {
    titleZh: '【示例】欧亚经济联盟水产品限量要求',
    titleEn: '[Demo] EAEU limits for aquatic products',
    committee: 'SPS',
    memberCodes: ['RUS', 'KAZ', 'KGZ', 'ARM'],
    notificationIds: ['G/SPS/N/RUS/9004', 'G/SPS/N/KAZ/9004'].map(idOf),
    issueZh: '修订草案提高了水产品中污染物的限量要求，部分指标严于国际食品法典标准，且未提供风险评估依据。',
    issueEn: 'The draft amendments tighten the limits for contaminants in aquatic products, some beyond the Codex standards, without a risk assessment.',
    talkingPointsZh: ['请欧亚经济联盟提供制定上述限量的风险评估依据。', '建议采用国际食品法典委员会的相关标准。'],
    talkingPointsEn: ['China invites the EAEU to share the risk assessment behind the new limits.', 'China suggests aligning the limits with the relevant Codex standards.'],
    meeting: 'SPS Committee, next regular meeting',
    status: 'raised',
  }, fixedClock(ago(20)));
  saveTradeConcern(db, author, {
    titleZh: '【示例】沙特铅酸蓄电池技术法规过渡期',
    titleEn: '[Demo] Transition period of the Saudi lead-acid battery regulation',
    committee: 'TBT',
    memberCodes: ['SAU'],
    notificationIds: [idOf('G/TBT/N/SAU/9005')],
    issueZh: '法规公布至生效的过渡期过短，企业难以完成检测认证。',
    issueEn: 'The interval between publication and entry into force is too short for producers to complete testing and certification.',
    talkingPointsZh: ['建议给予不少于六个月的过渡期。'],
    talkingPointsEn: ['China asks for a transition period of no less than six months (TBT Article 2.12).'],
    meeting: 'TBT Committee, next regular meeting',
    status: 'draft',
  }, fixedClock(ago(3)));
}
