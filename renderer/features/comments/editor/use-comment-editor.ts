import { useCallback, useEffect, useRef, useState } from 'react';
import type { Comment } from '../../../../shared/contract';
import { ApiError } from '../../../../shared/result';
import { useApi } from '../../../api/api-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { applySavedKeys, draftFromContent, draftText, pointsForSave, type Draft } from './draft';

/** Autosave runs this long after the last keystroke. */
export const AUTOSAVE_DELAY_MS = 2000;

export type SaveState = 'saved' | 'dirty' | 'saving' | 'needs-actor' | 'failed' | 'conflict';

/** Someone saved a newer version than the one being edited: saving stops until the analyst reloads. */
export interface Conflict {
  base: number;
  current: number | null;
  error: ErrorInfo | null;
}

export interface CommentEditor {
  comment: Comment;
  draft: Draft;
  saveState: SaveState;
  problem: ErrorInfo | null;
  conflict: Conflict | null;
  edit: (update: (draft: Draft) => Draft) => void;
  save: (autosave: boolean) => Promise<boolean>;
  /** Save pending edits first, for steps that must start from the current version. */
  flush: () => Promise<boolean>;
  isDirty: () => boolean;
  baseVersion: () => number;
  /** The comment as a write made here returned it (a step, a template, a restore, an outcome). */
  accept: (comment: Comment) => void;
  /** A copy read again after a change somewhere: taken over unless it would overwrite edits. */
  receive: (comment: Comment) => void;
  reload: () => Promise<void>;
}

/** The version that is current now, as the backend's CONFLICT answer names it. */
function currentVersionOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { currentVersion?: unknown } | undefined;
  return typeof details?.currentVersion === 'number' ? details.currentVersion : null;
}

/**
 * The editor's state against the backend: the draft as typed, the version it started from
 * (`baseVersion`, checked by every save), and autosave after a pause in typing. Saves run one
 * at a time; a stale base version stops autosave and asks for a reload instead of overwriting.
 */
export function useCommentEditor(initial: Comment, actor: string): CommentEditor {
  const api = useApi();
  const id = initial.id;
  const [comment, setComment] = useState(initial);
  const [draft, setDraftState] = useState(() => draftFromContent(initial.content));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [problem, setProblem] = useState<ErrorInfo | null>(null);
  const [conflict, setConflictState] = useState<Conflict | null>(null);
  const [revision, setRevision] = useState(0);
  const draftRef = useRef(draft);
  const baseRef = useRef(initial.version);
  const savedTextRef = useRef(draftText(draft));
  const inflightRef = useRef<Promise<boolean> | null>(null);
  const conflictRef = useRef<Conflict | null>(null);
  const actorRef = useRef(actor);

  useEffect(() => {
    actorRef.current = actor;
  }, [actor]);

  const setDraft = useCallback((next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  }, []);
  const setConflict = useCallback((next: Conflict | null) => {
    conflictRef.current = next;
    setConflictState(next);
    if (next) setSaveState('conflict');
  }, []);
  const isDirty = useCallback(() => draftText(draftRef.current) !== savedTextRef.current, []);

  const adopt = useCallback(
    (c: Comment) => {
      baseRef.current = c.version;
      const next = draftFromContent(c.content);
      savedTextRef.current = draftText(next);
      setDraft(next);
      setComment(c);
      setSaveState('saved');
    },
    [setDraft],
  );

  const edit = useCallback(
    (update: (d: Draft) => Draft) => {
      setDraft(update(draftRef.current));
      if (!conflictRef.current) setSaveState(isDirty() ? 'dirty' : 'saved');
      setRevision((r) => r + 1);
    },
    [isDirty, setDraft],
  );

  const save = useCallback(
    async (autosave: boolean): Promise<boolean> => {
      while (inflightRef.current) await inflightRef.current;
      if (conflictRef.current) return false;
      if (autosave && !isDirty()) return true;
      if (!actorRef.current) {
        setSaveState('needs-actor');
        return false;
      }
      const sent = draftRef.current;
      const sentText = draftText(sent);
      const run = (async (): Promise<boolean> => {
        setSaveState('saving');
        try {
          const c = await api.commentsSave({
            id,
            baseVersion: baseRef.current,
            autosave,
            titleZh: sent.titleZh,
            titleEn: sent.titleEn,
            points: pointsForSave(sent.points),
          });
          baseRef.current = c.version;
          savedTextRef.current = sentText;
          setDraft(applySavedKeys(draftRef.current, sent.points, c.content));
          setComment(c);
          setProblem(null);
          setSaveState(isDirty() ? 'dirty' : 'saved');
          return true;
        } catch (e) {
          const info = toErrorInfo(e);
          if (info.code === 'CONFLICT') {
            setConflict({ base: baseRef.current, current: currentVersionOf(e), error: info });
          } else {
            setProblem(info);
            setSaveState('failed');
          }
          return false;
        }
      })();
      inflightRef.current = run;
      try {
        return await run;
      } finally {
        if (inflightRef.current === run) inflightRef.current = null;
      }
    },
    [api, id, isDirty, setConflict, setDraft],
  );

  const flush = useCallback(async () => {
    if (inflightRef.current) await inflightRef.current;
    if (conflictRef.current) return false;
    return isDirty() ? save(false) : true;
  }, [isDirty, save]);

  // Autosave once typing pauses; choosing who acts saves what waited for a name.
  useEffect(() => {
    if (revision === 0 || conflictRef.current || !isDirty()) return;
    const timer = setTimeout(() => void save(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, actor, save, isDirty]);

  const accept = useCallback(
    (c: Comment) => {
      if (c.version !== baseRef.current) adopt(c);
      else setComment(c);
    },
    [adopt],
  );

  const receive = useCallback(
    (c: Comment) => {
      // A copy read while a save runs, or from before it, says nothing new.
      if (inflightRef.current || c.version < baseRef.current) return;
      if (c.version === baseRef.current) {
        // A copy read before a step taken here answered later than the step: keep the newer one.
        setComment((current) => (c.updatedAt >= current.updatedAt ? c : current));
      } else if (isDirty()) {
        if (!conflictRef.current) setConflict({ base: baseRef.current, current: c.version, error: null });
      } else if (!conflictRef.current) {
        adopt(c);
      }
    },
    [adopt, isDirty, setConflict],
  );

  const reload = useCallback(async () => {
    try {
      const c = await api.commentsGet({ id });
      setConflict(null);
      setProblem(null);
      adopt(c);
    } catch (e) {
      setProblem(toErrorInfo(e));
    }
  }, [api, id, adopt, setConflict]);

  return {
    comment,
    draft,
    saveState,
    problem,
    conflict,
    edit,
    save,
    flush,
    isDirty,
    baseVersion: () => baseRef.current,
    accept,
    receive,
    reload,
  };
}
