import type { Comment, CommentEvent, CommentPoint, CommentStats, CommentStatus, CommentTemplate } from '../../shared/contract';
import { tallyOutcomes } from '../../shared/domain/comment-outcome';
import { COMMENT_TRANSITIONS, isEditableStatus, isSentStatus } from '../../shared/domain/comment-workflow';

const AT = '2026-11-20T02:00:00.000Z';

let uidCount = 0;
/** A well-formed record uid (UUIDv7) for fake records, a new one each call. */
export function fakeUid(): string {
  uidCount += 1;
  return `019a9f3c-2b00-7000-8000-${String(uidCount).padStart(12, '0')}`;
}

export const FAKE_ANALYSTS = [
  { uid: '019a9f3c-2a00-7000-8000-000000000001', name: '张敏', active: true, createdAt: AT },
  { uid: '019a9f3c-2a00-7000-8000-000000000002', name: '李强', active: true, createdAt: AT },
];

export function makeTemplate(id: number, code: string, nameZh: string, nameEn: string): CommentTemplate {
  return {
    id,
    uid: fakeUid(),
    code,
    nameZh,
    nameEn,
    clauseZh: `${nameZh}相关条款`,
    clauseEn: `Provisions on ${nameEn.toLowerCase()}`,
    concernZh: '{title}（{symbol}）的要求与国际标准不一致。',
    concernEn: 'The requirements of {title} ({symbol}) differ from international standards.',
    proposalZh: `建议${nameZh}。`,
    proposalEn: `China suggests: ${nameEn}.`,
    rationaleZh: '《技术性贸易壁垒协定》第2.4条。',
    rationaleEn: 'Article 2.4 of the TBT Agreement.',
    builtIn: true,
    updatedAt: AT,
    updatedBy: '未记录',
    updatedByUid: '00000000-0000-7000-8000-000000000000',
  };
}

export const FAKE_TEMPLATES: CommentTemplate[] = [
  makeTemplate(1, 'international-test-methods', '接受国际标准试验方法', 'Accept international test methods'),
  makeTemplate(2, 'transition-period', '延长过渡期', 'Extend the transition period'),
];

export function makePoint(key: string, overrides: Partial<CommentPoint> = {}): CommentPoint {
  return {
    key,
    uid: fakeUid(),
    templateCode: null,
    clauseZh: '试验方法条款',
    clauseEn: 'Provisions on test methods',
    concernZh: '试验方法与国际标准不一致。',
    concernEn: 'The test methods differ from the international ones.',
    proposalZh: '建议接受国际标准试验方法。',
    proposalEn: 'China suggests accepting international test methods.',
    rationaleZh: '《技术性贸易壁垒协定》第2.4条。',
    rationaleEn: 'Article 2.4 of the TBT Agreement.',
    ...overrides,
  };
}

/** A workflow step by the fake analyst named. */
export function makeEvent(id: number, actor: string, fromStatus: CommentStatus | null, toStatus: CommentStatus, note = ''): CommentEvent {
  const analyst = FAKE_ANALYSTS.find((a) => a.name === actor);
  if (!analyst) throw new Error(`${actor} is not a fake analyst`);
  return { id, uid: fakeUid(), at: AT, actor, actorUid: analyst.uid, fromStatus, toStatus, note, version: 1, versionUid: null };
}

/** A complete comment on a Saudi notification, written by 张敏; override what the test is about. */
export function makeComment(overrides: Partial<Comment> & Pick<Comment, 'id'>): Comment {
  const status = overrides.status ?? 'draft';
  const points = overrides.content?.points ?? [makePoint('p1')];
  const base: Comment = {
    id: overrides.id,
    uid: fakeUid(),
    status,
    titleZh: '关于沙特冰箱能效法规的评议意见',
    titleEn: 'Comments on G/TBT/N/SAU/9002',
    author: FAKE_ANALYSTS[0]!.name,
    authorUid: FAKE_ANALYSTS[0]!.uid,
    target: {
      kind: 'notification',
      notificationId: 1,
      familyId: null,
      symbols: ['G/TBT/N/SAU/9002'],
      title: 'Draft technical regulation on energy efficiency of household refrigerators',
      titleZh: '沙特家用冰箱能效技术法规草案',
      area: 'TBT',
      memberCodes: ['SAU'],
      memberNamesZh: ['沙特阿拉伯'],
      memberNamesEn: ['Saudi Arabia'],
    },
    version: 1,
    pointCount: points.length,
    createdAt: AT,
    updatedAt: AT,
    deadlines: { finalDate: '2026-12-31', internalDeadline: '2026-12-24', workingDays: 5, daysToInternal: 33, daysToFinal: 40, risk: 'ok' },
    submission: null,
    outcomes: { adopted: 0, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: points.length },
    adopted: false,
    outcome: 'awaiting',
    openFollowups: 0,
    content: { titleZh: '关于沙特冰箱能效法规的评议意见', titleEn: 'Comments on G/TBT/N/SAU/9002', points },
    events: [
      { id: 1, uid: fakeUid(), at: AT, actor: FAKE_ANALYSTS[0]!.name, actorUid: FAKE_ANALYSTS[0]!.uid, fromStatus: null, toStatus: 'draft', note: '', version: 1, versionUid: fakeUid() },
    ],
    reviewer: null,
    reviewerUid: null,
    reply: null,
    pointOutcomes: [],
    followups: [],
    nextStatuses: [...COMMENT_TRANSITIONS[status]],
    editable: isEditableStatus(status),
    acceptsOutcomes: isSentStatus(status),
    measureTimeline: [],
    languageMarks: [],
  };
  return { ...base, ...overrides };
}

export function emptyStats(): CommentStats {
  const points = { total: 0, adopted: 0, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: 0 };
  return {
    from: null,
    to: null,
    totals: { ...tallyOutcomes([]), points, pointAdoptionRate: null, costSparedCny: 0 },
    byMember: [],
    byIndustry: [],
    byYear: [],
    byTemplate: [],
    timeToOutcome: { comments: 0, meanDays: null, medianDays: null, minDays: null, maxDays: null },
  };
}
