import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useApiClient } from '../api/api-context';
import { createJobsStore, type JobsState, type JobsStore, type JobView } from './jobs-store';

const JobsContext = createContext<JobsStore | null>(null);

/** Follows every job the backend reports, for the progress component wherever it shows. */
export function JobsProvider({ children }: { children: ReactNode }) {
  const { api, subscribe } = useApiClient();
  const [store] = useState(createJobsStore);
  useEffect(() => {
    const offProgress = subscribe('jobProgress', (p) => store.getState().progress(p));
    const offDone = subscribe('jobDone', (d) => store.getState().ended(d));
    // Jobs begun before this window listened (a reindex at start, an import from another window).
    api.jobsList({ limit: 20 }).then(
      (jobs) => store.getState().seed(jobs),
      () => undefined,
    );
    return () => {
      offProgress();
      offDone();
    };
  }, [api, subscribe, store]);
  return <JobsContext.Provider value={store}>{children}</JobsContext.Provider>;
}

function useJobsStoreApi(): JobsStore {
  const store = useContext(JobsContext);
  if (!store) throw new Error('useJobs() needs a <JobsProvider> above it');
  return store;
}

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(useJobsStoreApi(), useShallow(selector));
}

/**
 * The job `jobId` as its events describe it, shown by the calling view: the frame's tray leaves
 * it out while the view is mounted.
 */
export function useClaimedJob(jobId: string | null): JobView | null {
  const store = useJobsStoreApi();
  useEffect(() => (jobId ? store.getState().claim(jobId) : undefined), [store, jobId]);
  return useStore(store, (s) => (jobId ? (s.jobs[jobId] ?? null) : null));
}
