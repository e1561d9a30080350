import type { Backend } from '../../electron/backend/backend';
import type { ChannelOutput } from '../../shared/contract';

export const AUTHOR = '张敏';
export const REVIEWER = '李强';

/** Put the usual two analysts on the team list (plus any others named); AUTHOR acts. */
export function addAnalysts(backend: Backend, ...extra: string[]): void {
  for (const name of [AUTHOR, REVIEWER, ...extra]) backend.call('analystsSave', { name, active: true });
  by(backend, AUTHOR);
}

/** The backend, acting as the analyst `name` from now on (as the app's "acting as" switch does). */
export function by(backend: Backend, name: string): Backend {
  const analyst = backend.call('analystsList', {}).find((a) => a.name === name);
  if (!analyst) throw new Error(`${name} is not on the analyst list`);
  backend.call('analystsSetActing', { uid: analyst.uid });
  return backend;
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
  let c = by(backend, comment.author).call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
  const reviewer = comment.author === REVIEWER ? AUTHOR : REVIEWER;
  c = by(backend, reviewer).call('commentsTransition', { id: c.id, to: 'approved', baseVersion: c.version });
  return by(backend, comment.author).call('commentsTransition', {
    id: c.id,
    to: 'submitted',
    submission: { date, channel: 'enquiry-point', reference },
  });
}

/** A comment on one notification with `points` free-written points, by AUTHOR. */
export function commentWithPoints(backend: Backend, notificationId: number, points: number, templateCodes: Array<string | null> = []): Comment {
  const created = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId } });
  return by(backend, AUTHOR).call('commentsSave', {
    id: created.id,
    baseVersion: created.version,
    titleZh: created.content.titleZh,
    titleEn: created.content.titleEn,
    points: Array.from({ length: points }, (_, i) => ({ ...point(i + 1), templateCode: templateCodes[i] ?? null })),
  });
}
