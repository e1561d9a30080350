import type { CommentContent, CommentPoint, PointInput, PointTextField } from '../../../../shared/contract';

/** A point as the editor holds it: `uid` stays the same from the first keystroke, `key` arrives with the first save. */
export interface DraftPoint extends Omit<CommentPoint, 'key'> {
  uid: string;
  key: string | null;
}

export interface Draft {
  titleZh: string;
  titleEn: string;
  points: DraftPoint[];
}

/** The four parts of a point, each written in Chinese and in English. */
export const POINT_PARTS = ['clause', 'concern', 'proposal', 'rationale'] as const;
export type PointPart = (typeof POINT_PARTS)[number];

export function fieldName(part: PointPart, language: 'Zh' | 'En'): PointTextField {
  return `${part}${language}`;
}

let nextUid = 1;

export function emptyPoint(): DraftPoint {
  return {
    uid: `new-${nextUid++}`,
    key: null,
    templateCode: null,
    clauseZh: '',
    clauseEn: '',
    concernZh: '',
    concernEn: '',
    proposalZh: '',
    proposalEn: '',
    rationaleZh: '',
    rationaleEn: '',
  };
}

export function draftFromContent(content: CommentContent): Draft {
  return {
    titleZh: content.titleZh,
    titleEn: content.titleEn,
    points: content.points.map((p) => ({ ...p, uid: p.key })),
  };
}

/** What commentsSave takes: saved points by key (their template stays), new ones without. */
export function pointsForSave(points: readonly DraftPoint[]): PointInput[] {
  return points.map(({ uid: _uid, key, templateCode, ...texts }) => (key === null ? { ...texts, templateCode } : { key, ...texts }));
}

/**
 * After a save the backend has given new points their keys, in the order they were sent. Points
 * added or moved while the save was under way keep their place; only the keys are filled in.
 */
export function applySavedKeys(draft: Draft, sent: readonly DraftPoint[], saved: CommentContent): Draft {
  const keys = new Map<string, string>();
  sent.forEach((p, i) => {
    const key = saved.points[i]?.key;
    if (p.key === null && key) keys.set(p.uid, key);
  });
  if (keys.size === 0) return draft;
  return { ...draft, points: draft.points.map((p) => (p.key === null && keys.has(p.uid) ? { ...p, key: keys.get(p.uid) ?? null } : p)) };
}

/** The text content of a draft, for telling whether it still differs from what was saved. */
export function draftText(draft: Draft): string {
  return JSON.stringify([draft.titleZh, draft.titleEn, draft.points.map(({ uid: _uid, key: _key, ...rest }) => rest)]);
}

export function movePoint(points: readonly DraftPoint[], index: number, by: -1 | 1): DraftPoint[] {
  const to = index + by;
  if (to < 0 || to >= points.length) return [...points];
  const next = [...points];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}
