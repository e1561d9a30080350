/**
 * The review workflow of a comment: draft → in review → approved → submitted → reply received
 * → closed, one step at a time, with one way back (in review → draft, "return for changes").
 * Approval is the four-eyes step: the author cannot approve their own comment.
 */

export const COMMENT_STATUSES = ['draft', 'in_review', 'approved', 'submitted', 'reply_received', 'closed'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Where each status may go next. */
export const COMMENT_TRANSITIONS: Readonly<Record<CommentStatus, readonly CommentStatus[]>> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['submitted'],
  submitted: ['reply_received'],
  reply_received: ['closed'],
  closed: [],
};

const LABEL: Record<CommentStatus, string> = {
  draft: 'draft',
  in_review: 'in review',
  approved: 'approved',
  submitted: 'submitted',
  reply_received: 'reply received',
  closed: 'closed',
};

/** The English name of a status for messages ("in review"). */
export function statusLabel(status: CommentStatus): string {
  return LABEL[status];
}

export function canTransition(from: CommentStatus, to: CommentStatus): boolean {
  return COMMENT_TRANSITIONS[from].includes(to);
}

/** Text and points can change only before approval; an approved text is what goes out. */
export function isEditableStatus(status: CommentStatus): boolean {
  return status === 'draft' || status === 'in_review';
}

/** The comment has gone out: outcomes can be recorded and later addenda are watched. */
export function isSentStatus(status: CommentStatus): boolean {
  return status === 'submitted' || status === 'reply_received' || status === 'closed';
}

/** An analyst as the four-eyes rule sees them: compared by uid, named by name. */
export interface AnalystRef {
  uid: string;
  name: string;
}

/**
 * Why a move is refused, as a sentence for the analyst, or null when it is allowed.
 * `author` is who created the comment, `actor` who is acting now; they are compared by uid.
 */
export function transitionProblem(from: CommentStatus, to: CommentStatus, actor: AnalystRef, author: AnalystRef): string | null {
  if (from === to) return `the comment is already ${statusLabel(from)}`;
  if (!canTransition(from, to)) {
    const next = COMMENT_TRANSITIONS[from].map(statusLabel);
    const allowed = next.length === 0 ? 'a closed comment does not move any more' : `from ${statusLabel(from)} it can only go to ${next.join(' or ')}`;
    return `a comment cannot go from ${statusLabel(from)} to ${statusLabel(to)}: steps cannot be skipped, and ${allowed}`;
  }
  if (to === 'approved' && actor.uid === author.uid) {
    return `${actor.name} wrote this comment and cannot approve it; approval needs a second analyst`;
  }
  return null;
}
