import type { Channel, ChannelOutput, ChannelParsedInput, ExportedFile } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import type { FakeBackend } from './fake-backend';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

/** The exports the fake has been asked for, and the files its finished jobs wrote. */
export interface FakeExports {
  /** Each exportsStart request as it arrived (validated), with its job. */
  requests: Array<{ jobId: string; request: ChannelParsedInput<'exportsStart'> }>;
  files: Map<string, ExportedFile>;
}

const states = new WeakMap<object, FakeExports>();

export function exportsOf(backend: FakeBackend): FakeExports {
  const state = states.get(backend);
  if (!state) throw new Error('this fake backend has no export state');
  return state;
}

const MEDIA: Record<'xlsx' | 'csv', string> = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv' };

/**
 * End an export job as the real runner does: the job's result names a file of `rows` rows
 * (a few bytes of text), and jobDone is pushed. With `error`, the job fails or is cancelled.
 */
export function finishExport(backend: FakeBackend, jobId: string, outcome: { rows: number } | { error: { code: string; message: string } }): void {
  const state = exportsOf(backend);
  const asked = state.requests.find((r) => r.jobId === jobId);
  if (!asked) throw new Error(`no export job ${jobId}`);
  const job = backend.jobs.get(jobId);
  if ('error' in outcome) {
    const cancelled = outcome.error.code === 'CANCELLED';
    Object.assign(job, { status: cancelled ? 'cancelled' : 'failed', phase: cancelled ? 'cancelled' : 'failed', error: outcome.error });
    backend.emit('jobDone', { jobId, kind: 'listExport', ok: false, status: cancelled ? 'cancelled' : 'failed', error: outcome.error });
    return;
  }
  const { format, list } = asked.request;
  const fileName = `${list}-2026-11-21${state.files.size ? `-${state.files.size + 1}` : ''}.${format}`;
  const text = `${list},${outcome.rows}`;
  const file: ExportedFile = {
    path: `/tmp/pingyi-fake/exports/${fileName}`,
    fileName,
    bytes: text.length,
    mediaType: MEDIA[format],
    base64: null,
  };
  state.files.set(fileName, { ...file, base64: btoa(text) });
  const result = { file, rows: outcome.rows };
  Object.assign(job, { status: 'done', phase: 'writing', done: outcome.rows, total: outcome.rows, result });
  backend.emit('jobDone', { jobId, kind: 'listExport', ok: true, status: 'done', result });
}

/** The export channels of the fake backend: a job per request, ended by the test with finishExport. */
export function fakeExportHandlers(backend: Pick<FakeBackend, 'jobs'>): Handlers {
  const state: FakeExports = { requests: [], files: new Map() };
  states.set(backend, state);
  return {
    exportsStart: (request) => {
      const { jobId } = backend.jobs.start('listExport', { list: request.list, format: request.format });
      state.requests.push({ jobId, request });
      return { jobId };
    },
    exportsFetch: ({ fileName }) => {
      const file = state.files.get(fileName);
      if (!file) throw new ApiError({ code: 'NOT_FOUND', message: `No exported file is named "${fileName}"` });
      return file;
    },
  };
}

