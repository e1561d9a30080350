import type { Migration } from '../migration';
import { nowIso } from '../../../../shared/domain/clock';

type Seed = [
  code: string, nameZh: string, nameEn: string, clauseZh: string, clauseEn: string,
  concernZh: string, concernEn: string, proposalZh: string, proposalEn: string, rationaleZh: string, rationaleEn: string,
];

// The recurring kinds of point, as first shipped. Frozen: the team edits them in the app
// afterwards; a change to the wording shipped later belongs in a new migration.
const SEED: Seed[] = [
  [
    'international-test-methods',
    '接受国际标准或中国国家标准试验方法',
    'Accept international or Chinese national test methods',
    '试验方法相关条款',
    'Provisions on test methods',
    '{member}通报的《{title}》（{symbol}）所规定的试验方法与相关国际标准（如IEC、ISO标准）不一致，出口企业需按不同方法重复检测，增加了不必要的成本和时间。',
    'The test methods specified in {title} ({symbol}) differ from those of the relevant international standards (such as IEC and ISO standards). Exporters would have to repeat tests under different methods, which adds unnecessary costs and delays.',
    '建议{member}接受依据相关国际标准或中国国家标准（GB）规定的试验方法出具的检测结果。',
    'China suggests that {member} accept test results obtained with the test methods of the relevant international standards or of the corresponding Chinese national standards (GB).',
    '《技术性贸易壁垒协定》第2.4条规定，如需制定技术法规而有关国际标准已经存在，成员应使用这些国际标准或其相关部分作为技术法规的基础。',
    'Article 2.4 of the TBT Agreement provides that, where technical regulations are required and relevant international standards exist, Members shall use them, or the relevant parts of them, as a basis for their technical regulations.',
  ],
  [
    'accredited-lab-reports',
    '承认中国认可实验室出具的检测报告',
    'Recognise test reports of accredited Chinese laboratories',
    '合格评定程序相关条款',
    'Provisions on conformity assessment procedures',
    '《{title}》（{symbol}）未明确是否接受境外实验室出具的检测报告，可能要求产品在{member}境内重复检测。',
    '{title} ({symbol}) does not state whether test reports issued by laboratories outside {member} will be accepted, which may require products to be tested again in {member}.',
    '建议接受经中国合格评定国家认可委员会（CNAS）认可的中国实验室出具的检测报告；CNAS是国际实验室认可合作组织（ILAC）互认协议的签署方。',
    'China suggests accepting test reports issued by Chinese laboratories accredited by the China National Accreditation Service for Conformity Assessment (CNAS), a signatory of the ILAC Mutual Recognition Arrangement.',
    '《技术性贸易壁垒协定》第6.1条要求成员尽可能保证接受其他成员合格评定程序的结果；承认认可实验室的报告可避免重复检测，且不降低安全水平。',
    'Article 6.1 of the TBT Agreement calls on Members to ensure, whenever possible, that results of conformity assessment procedures in other Members are accepted. Recognising reports of accredited laboratories avoids duplicate testing without lowering the level of protection.',
  ],
  [
    'transition-period',
    '延长过渡期至不少于六个月',
    'Extend the transition period to at least six months',
    '生效日期及过渡期相关条款',
    'Provisions on entry into force and transition',
    '《{title}》（{symbol}）拟于{entryIntoForce}生效，企业调整产品设计、完成检测和认证的时间不足。',
    '{title} ({symbol}) is proposed to enter into force {entryIntoForce}, which leaves producers too little time to adapt their products and complete testing and certification.',
    '建议{member}在法规公布与生效之间给予不少于六个月的过渡期，并允许过渡期结束前已投放市场的产品继续销售。',
    'China suggests that {member} allow a transition period of no less than six months between publication and entry into force, and allow products placed on the market before the end of that period to continue to be sold.',
    '《技术性贸易壁垒协定》第2.12条要求在技术法规公布与生效之间留出合理时间间隔；多哈部长级会议关于实施问题的决定第5.2段将“合理时间间隔”理解为通常不少于六个月。',
    'Article 2.12 of the TBT Agreement requires a reasonable interval between the publication of technical regulations and their entry into force; paragraph 5.2 of the Doha Ministerial Decision on Implementation-Related Issues and Concerns understands this to mean normally a period of not less than six months.',
  ],
  [
    'scope-clarification',
    '明确适用范围或HS编码',
    'Clarify the scope or HS coverage',
    '适用范围相关条款',
    'Provisions on scope',
    '《{title}》（{symbol}）的适用产品范围（{products}）表述不够明确，与通报所列HS编码（{hs}）不完全对应，企业难以判断其产品是否受管辖。',
    'The scope of {title} ({symbol}), covering {products}, is not clearly defined and does not fully match the HS codes notified ({hs}), so producers cannot tell whether their products are covered.',
    '建议{member}明确适用的产品范围和排除情形，并列出对应的HS编码。',
    'China suggests that {member} define the products covered and any exclusions precisely, and list the corresponding HS codes.',
    '清晰的适用范围有助于提高透明度，使贸易伙伴能够按照《技术性贸易壁垒协定》第2.9条的透明度要求作出评议并做好准备。',
    'A clear scope improves transparency and allows trading partners to comment and prepare, in line with the transparency provisions of Article 2.9 of the TBT Agreement.',
  ],
  [
    'comment-period',
    '延长评议期',
    'Extend the comment period',
    '评议期',
    'Comment period',
    '《{title}》（{symbol}）的评议截止日期为{finalDate}，留给各成员研究草案、征求业界意见的时间不足。',
    'The final date for comments on {title} ({symbol}) is {finalDate}, which leaves Members too little time to study the draft and consult their industries.',
    '建议{member}将评议期延长至自通报分发之日起至少60天，并在最终通过前充分考虑各方意见。',
    'China suggests that {member} extend the comment period to at least 60 days from the distribution of the notification and take the comments received into account before adoption.',
    'WTO技术性贸易壁垒委员会建议评议期一般不少于60天，并鼓励给予90天；这有助于各成员依据《技术性贸易壁垒协定》第2.9.4条提出意见并使其得到考虑。',
    'The WTO TBT Committee recommends a comment period of normally at least 60 days and encourages 90 days, so that Members can make comments and have them taken into account under Article 2.9.4 of the TBT Agreement.',
  ],
];

/** Templates for the recurring kinds of point, editable by the team. */
export const migration0110: Migration = {
  version: 110,
  name: 'comment-templates',
  up(db, clock) {
    db.exec(`
      CREATE TABLE comment_templates (
        id            INTEGER PRIMARY KEY,
        code          TEXT NOT NULL UNIQUE,
        name_zh       TEXT NOT NULL,
        name_en       TEXT NOT NULL,
        clause_zh     TEXT NOT NULL DEFAULT '',
        clause_en     TEXT NOT NULL DEFAULT '',
        concern_zh    TEXT NOT NULL DEFAULT '',
        concern_en    TEXT NOT NULL DEFAULT '',
        proposal_zh   TEXT NOT NULL DEFAULT '',
        proposal_en   TEXT NOT NULL DEFAULT '',
        rationale_zh  TEXT NOT NULL DEFAULT '',
        rationale_en  TEXT NOT NULL DEFAULT '',
        built_in      INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare(`
      INSERT INTO comment_templates (code, name_zh, name_en, clause_zh, clause_en, concern_zh, concern_en, proposal_zh,
        proposal_en, rationale_zh, rationale_en, built_in, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'Pingyi')`);
    const now = nowIso(clock);
    for (const seed of SEED) insert.run(...seed, now);
  },
};
