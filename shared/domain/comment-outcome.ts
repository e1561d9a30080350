/**
 * What became of a comment, from what became of its points. The base reports "N of M comments
 * adopted"; a comment with one point taken up in part is not "adopted", so the figures name
 * what they count: fully adopted, at least partly adopted, over the comments that have an outcome.
 */

export type PointOutcomeValue = 'adopted' | 'partly_adopted' | 'not_adopted' | 'no_reply' | 'withdrawn';

/**
 * - adopted: every point adopted;
 * - partly_adopted: some points adopted or partly adopted;
 * - not_adopted: none (points not adopted, or never answered);
 * - withdrawn: the member withdrew the measure, so no point could be taken up;
 * - awaiting: a point has no outcome yet (or the comment has no points).
 * Points on a withdrawn part do not count either way when others have an outcome.
 */
export type CommentOutcome = 'adopted' | 'partly_adopted' | 'not_adopted' | 'withdrawn' | 'awaiting';

/** The outcome of a comment from the outcome of each of its points (null: not recorded yet). */
export function commentOutcome(points: ReadonlyArray<PointOutcomeValue | null>): CommentOutcome {
  if (points.length === 0 || points.some((p) => p === null)) return 'awaiting';
  const judged = points.filter((p) => p !== 'withdrawn');
  if (judged.length === 0) return 'withdrawn';
  if (judged.every((p) => p === 'adopted')) return 'adopted';
  if (judged.some((p) => p === 'adopted' || p === 'partly_adopted')) return 'partly_adopted';
  return 'not_adopted';
}

export interface OutcomeTally {
  /** Comments counted: submitted ones. */
  submitted: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  withdrawn: number;
  awaiting: number;
  /** adopted + partly adopted + not adopted: what the rates are over. */
  decided: number;
  /** adopted / decided; null while nothing is decided. */
  fullyAdoptedRate: number | null;
  /** (adopted + partly adopted) / decided; null while nothing is decided. */
  atLeastPartlyRate: number | null;
}

/** Count comment outcomes and the two rates. */
export function tallyOutcomes(outcomes: Iterable<CommentOutcome>): OutcomeTally {
  const n = { adopted: 0, partly_adopted: 0, not_adopted: 0, withdrawn: 0, awaiting: 0 };
  let submitted = 0;
  for (const o of outcomes) {
    n[o] += 1;
    submitted += 1;
  }
  const decided = n.adopted + n.partly_adopted + n.not_adopted;
  return {
    submitted,
    adopted: n.adopted,
    partlyAdopted: n.partly_adopted,
    notAdopted: n.not_adopted,
    withdrawn: n.withdrawn,
    awaiting: n.awaiting,
    decided,
    fullyAdoptedRate: decided === 0 ? null : n.adopted / decided,
    atLeastPartlyRate: decided === 0 ? null : (n.adopted + n.partly_adopted) / decided,
  };
}
