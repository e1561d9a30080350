/**
 * Chinese and English of a point are written side by side. When one side is rewritten after
 * both were written, the other may no longer say the same thing: it is marked "may be out of
 * date" until the author updates it or confirms it still matches.
 */

export const SYNC_PARTS = ['clause', 'concern', 'proposal', 'rationale'] as const;
export type SyncPart = (typeof SYNC_PARTS)[number];
export type SyncSide = 'zh' | 'en';

/** The side of one part of one point that may be out of date. */
export interface SyncMark {
  pointKey: string;
  part: SyncPart;
  stale: SyncSide;
}

type PointTexts = { key: string } & Record<`${SyncPart}${'Zh' | 'En'}`, string>;

/** Spacing and line breaks alone are not a change of wording. */
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The marks after a save, from the points before and after it and the marks before it:
 * - one side rewritten (it had text before) while the other side has text and stayed: the
 *   other side is marked;
 * - the marked side rewritten, or both sides in one save: the mark goes;
 * - a side written for the first time, or a new point: no mark (a first translation is not a change);
 * - marks of removed points go.
 */
export function updateSyncMarks(before: readonly PointTexts[], after: readonly PointTexts[], marks: readonly SyncMark[]): SyncMark[] {
  const old = new Map(before.map((p) => [p.key, p]));
  const existing = new Map(marks.map((m) => [`${m.pointKey}|${m.part}`, m]));
  const next: SyncMark[] = [];
  for (const point of after) {
    const was = old.get(point.key);
    for (const part of SYNC_PARTS) {
      const mark = existing.get(`${point.key}|${part}`);
      if (!was) continue;
      const zh = { before: norm(was[`${part}Zh`]), after: norm(point[`${part}Zh`]) };
      const en = { before: norm(was[`${part}En`]), after: norm(point[`${part}En`]) };
      const zhChanged = zh.before !== zh.after;
      const enChanged = en.before !== en.after;
      if (zhChanged && enChanged) continue;
      const changed: SyncSide | null = zhChanged ? 'zh' : enChanged ? 'en' : null;
      if (changed === null) {
        if (mark) next.push(mark);
        continue;
      }
      const other: SyncSide = changed === 'zh' ? 'en' : 'zh';
      // Updating the side that was marked settles it; it does not mark the side that caused it.
      if (mark?.stale === changed) continue;
      const rewritten = (changed === 'zh' ? zh.before : en.before) !== '';
      const otherWritten = (other === 'zh' ? zh.after : en.after) !== '';
      if (rewritten && otherWritten) next.push({ pointKey: point.key, part, stale: other });
      else if (mark) next.push(mark);
    }
  }
  return next;
}
