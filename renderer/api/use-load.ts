import { useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '../stores/error-info';

export interface LoadState<T> {
  /** The last loaded value; kept while a reload runs so the view does not flash empty. */
  data: T | undefined;
  error: ErrorInfo | null;
  loading: boolean;
}

interface Settled<T> {
  load: () => Promise<T>;
  version: number;
  data: T | undefined;
  error: ErrorInfo | null;
}

/**
 * Run `load` when it (or `version`) changes and keep the newest answer. Pass a `load` made with
 * useCallback; `version` is a useDataVersion of the entities the view shows, so a backend change
 * of those reloads the view.
 */
export function useLoad<T>(load: () => Promise<T>, version = 0): LoadState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setSettled({ load, version, data, error: null });
      },
      (e: unknown) => {
        if (live) setSettled((prev) => ({ load, version, data: prev?.data, error: toErrorInfo(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, version]);
  const current = settled !== null && settled.load === load && settled.version === version;
  return {
    data: settled?.data,
    error: current ? settled.error : null,
    loading: !current,
  };
}
