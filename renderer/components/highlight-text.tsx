import type { TextSegment } from '../../shared/contract';

/**
 * The segments from the first hit on, with at most `before` characters of context ahead of it:
 * a one-line snippet then shows its hit instead of cutting it off at the end of the line.
 */
export function fromFirstHit(segments: TextSegment[], before = 18): TextSegment[] {
  const first = segments.findIndex((s) => s.hit);
  if (first <= 0) return segments;
  const lead = segments.slice(0, first).map((s) => s.text).join('');
  if (lead.length <= before) return segments;
  return [{ text: `…${lead.slice(lead.length - before)}`, hit: false }, ...segments.slice(first)];
}

/** Text with the search hits marked; the segments come from the backend's highlighter. */
export function HighlightText({ segments, fallback }: { segments: TextSegment[] | null | undefined; fallback: string }) {
  if (!segments || segments.length === 0) return <>{fallback}</>;
  return (
    <>
      {segments.map((segment, i) =>
        segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
