/**
 * Template text the analyst still has to write: the markers template-fill puts where the
 * notification did not say (【待补充：HS编码】, [to be completed: HS codes]) and the same markers
 * typed by hand. A comment that still holds one must not go for review, be approved or go out.
 */

/** 【待补充…】 in Chinese texts, [to be completed …] in English ones (either language may hold either). */
const MARKER = /【\s*待补充[^】]*】|\[\s*to be completed[^\]]*\]/gi;

/** Every marker in `text`, in order, with its position. */
export function findUnfinishedMarkers(text: string): Array<{ marker: string; index: number }> {
  return [...text.matchAll(MARKER)].map((m) => ({ marker: m[0], index: m.index }));
}

export const UNFINISHED_POINT_FIELDS = [
  'clauseZh', 'clauseEn', 'concernZh', 'concernEn', 'proposalZh', 'proposalEn', 'rationaleZh', 'rationaleEn',
] as const;
export type UnfinishedField = 'titleZh' | 'titleEn' | (typeof UNFINISHED_POINT_FIELDS)[number];

/** One text with unfinished template text; `point` is the 1-based number the letter prints, null for a title. */
export interface UnfinishedText {
  point: number | null;
  pointKey: string | null;
  field: UnfinishedField;
  markers: string[];
}

type PointTexts = { key: string } & Record<(typeof UNFINISHED_POINT_FIELDS)[number], string>;

/** Every title and point text of a comment that still holds a "to be completed" marker, in reading order. */
export function findUnfinishedTexts(content: { titleZh: string; titleEn: string; points: readonly PointTexts[] }): UnfinishedText[] {
  const found: UnfinishedText[] = [];
  const check = (point: number | null, pointKey: string | null, field: UnfinishedField, text: string): void => {
    const markers = findUnfinishedMarkers(text).map((m) => m.marker);
    if (markers.length > 0) found.push({ point, pointKey, field, markers });
  };
  check(null, null, 'titleZh', content.titleZh);
  check(null, null, 'titleEn', content.titleEn);
  content.points.forEach((p, i) => {
    for (const field of UNFINISHED_POINT_FIELDS) check(i + 1, p.key, field, p[field]);
  });
  return found;
}

const FIELD_WORDS: Record<UnfinishedField, string> = {
  titleZh: 'Chinese title',
  titleEn: 'English title',
  clauseZh: 'Chinese clause',
  clauseEn: 'English clause',
  concernZh: 'Chinese concern',
  concernEn: 'English concern',
  proposalZh: 'Chinese proposed change',
  proposalEn: 'English proposed change',
  rationaleZh: 'Chinese rationale',
  rationaleEn: 'English rationale',
};

/** "point 2, English concern: [to be completed: HS codes]" */
export function describeUnfinished(u: UnfinishedText): string {
  const where = u.point === null ? FIELD_WORDS[u.field] : `point ${u.point}, ${FIELD_WORDS[u.field]}`;
  return `${where}: ${u.markers.join(' ')}`;
}
