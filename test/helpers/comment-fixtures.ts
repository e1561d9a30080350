import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';

export const AUTHOR = '张敏';
export const REVIEWER = '李强';

/** Put the usual two analysts on the team list (plus any others named). */
export function addAnalysts(backend: Backend, ...extra: string[]): void {
  for (const name of [AUTHOR, REVIEWER, ...extra]) backend.call('analystsSave', { name, active: true });
}

export function templateId(backend: Backend, code: string): number {
  const t = backend.call('commentTemplatesList', {}).find((x) => x.code === code);
  if (!t) throw new Error(`no template ${code}`);
  return t.id;
}

/** A point with every text filled, English and Chinese side by side. */
export function point(n: number, extra: Record<string, string> = {}) {
  return {
    clauseZh: `第${n}条`,
    clauseEn: `Article ${n}`,
    concernZh: `关注问题${n}`,
    concernEn: `Concern ${n}`,
    proposalZh: `修改建议${n}`,
    proposalEn: `Proposal ${n}`,
    rationaleZh: `理由${n}`,
    rationaleEn: `Rationale ${n}`,
    ...extra,
  };
}

type Comment = ChannelOutput<'commentsGet'>;

/** Take a draft through review and approval to submitted on `date`. */
export function submit(backend: Backend, comment: Comment, date: string, reference = 'CHN/TBT/2025/001'): Comment {
  let c = backend.call('commentsTransition', { id: comment.id, to: 'in_review', actor: comment.author, baseVersion: comment.version });
  const reviewer = comment.author === REVIEWER ? AUTHOR : REVIEWER;
  c = backend.call('commentsTransition', { id: c.id, to: 'approved', actor: reviewer, baseVersion: c.version });
  return backend.call('commentsTransition', {
    id: c.id,
    to: 'submitted',
    actor: comment.author,
    submission: { date, channel: 'enquiry-point', reference },
  });
}

/** A comment on one notification with `points` free-written points, by AUTHOR. */
export function commentWithPoints(backend: Backend, notificationId: number, points: number, templateCodes: Array<string | null> = []): Comment {
  const created = backend.call('commentsCreate', { target: { kind: 'notification', notificationId }, actor: AUTHOR });
  return backend.call('commentsSave', {
    id: created.id,
    baseVersion: created.version,
    actor: AUTHOR,
    titleZh: created.content.titleZh,
    titleEn: created.content.titleEn,
    points: Array.from({ length: points }, (_, i) => ({ ...point(i + 1), templateCode: templateCodes[i] ?? null })),
  });
}
