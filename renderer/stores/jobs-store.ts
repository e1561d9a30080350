import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventPayload, JobKind, JobState, JobStatus } from '../../shared/contract';

/** One job as the window shows it, from its events (and jobsList when the window opens). */
export interface JobView {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  /** Place in the write queue while queued (1: next). */
  position: number | null;
  phase: string;
  done: number;
  total: number | null;
  /** Rows read so far (imports). */
  rows?: number;
  error: { code: string; message: string } | null;
}

export interface JobsState {
  jobs: Record<string, JobView>;
  /**
   * Jobs a view shows itself (the import dialog its import, Settings its backup), by how many
   * views claim them: the frame's tray leaves those out.
   */
  claims: Record<string, number>;
  progress(p: EventPayload<'jobProgress'>): void;
  ended(d: EventPayload<'jobDone'>): void;
  /** Jobs the backend already runs when the window opens (a reindex begun at start). */
  seed(jobs: readonly JobState[]): void;
  /** Returns the release function. */
  claim(jobId: string): () => void;
  dismiss(jobId: string): void;
}

export type JobsStore = StoreApi<JobsState>;

const isOpen = (status: JobStatus): boolean => status === 'running' || status === 'queued';

export function createJobsStore(): JobsStore {
  return createStore<JobsState>()((set) => ({
    jobs: {},
    claims: {},
    progress: (p) =>
      set((s) => {
        const before = s.jobs[p.jobId];
        // A late progress event does not bring an ended job back.
        if (before && !isOpen(before.status)) return s;
        const view: JobView = {
          jobId: p.jobId,
          kind: p.kind,
          status: p.status ?? 'running',
          position: p.position ?? null,
          phase: p.phase,
          done: p.done,
          total: p.total,
          ...(p.kind === 'import' && p.rows !== undefined ? { rows: p.rows } : {}),
          error: null,
        };
        return { jobs: { ...s.jobs, [p.jobId]: view } };
      }),
    ended: (d) =>
      set((s) => {
        const before = s.jobs[d.jobId];
        const status: JobStatus = d.status ?? (d.ok ? 'done' : d.error?.code === 'CANCELLED' ? 'cancelled' : 'failed');
        const view: JobView = {
          jobId: d.jobId,
          kind: d.kind,
          status,
          position: null,
          phase: status,
          done: before?.done ?? 0,
          total: before?.total ?? null,
          error: d.error ?? null,
        };
        return { jobs: { ...s.jobs, [d.jobId]: view } };
      }),
    seed: (jobs) =>
      set((s) => {
        const next = { ...s.jobs };
        for (const j of jobs) {
          if (!isOpen(j.status) || next[j.jobId]) continue;
          next[j.jobId] = { jobId: j.jobId, kind: j.kind, status: j.status, position: j.position, phase: j.phase, done: j.done, total: j.total, error: null };
        }
        return { jobs: next };
      }),
    claim: (jobId) => {
      set((s) => ({ claims: { ...s.claims, [jobId]: (s.claims[jobId] ?? 0) + 1 } }));
      return () =>
        set((s) => {
          const { [jobId]: count = 0, ...rest } = s.claims;
          return { claims: count > 1 ? { ...rest, [jobId]: count - 1 } : rest };
        });
    },
    dismiss: (jobId) =>
      set((s) => {
        const { [jobId]: _gone, ...rest } = s.jobs;
        return { jobs: rest };
      }),
  }));
}

/** Jobs for the frame's tray: open ones and failures nobody has dismissed, that no view shows itself. */
export function trayJobs(s: JobsState): JobView[] {
  return Object.values(s.jobs).filter((j) => !s.claims[j.jobId] && (isOpen(j.status) || j.status === 'failed'));
}
