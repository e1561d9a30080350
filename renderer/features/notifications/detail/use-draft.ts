import { useState } from 'react';

export interface Draft<T> {
  draft: T;
  setDraft: (update: (current: T) => T) => void;
  dirty: boolean;
  /** Back to the last saved values. */
  reset: () => void;
  /** The backend accepted these values: they are the new baseline. */
  commit: (saved: T) => void;
}

/**
 * An edit form's values against the saved ones. When the record reloads (after a save here or
 * a change elsewhere) an untouched form follows it; a form with edits keeps them, so a
 * background refresh never throws away typing.
 */
export function useDraft<T>(source: T): Draft<T> {
  const sourceKey = JSON.stringify(source);
  const [baseline, setBaseline] = useState(sourceKey);
  const [draft, setDraftState] = useState<T>(source);
  const dirty = JSON.stringify(draft) !== baseline;
  if (sourceKey !== baseline && !dirty) {
    setBaseline(sourceKey);
    setDraftState(source);
  }
  return {
    draft,
    setDraft: (update) => setDraftState(update),
    dirty,
    reset: () => setDraftState(JSON.parse(baseline) as T),
    commit: (saved) => {
      setBaseline(JSON.stringify(saved));
      setDraftState(saved);
    },
  };
}
