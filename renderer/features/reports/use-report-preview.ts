import { useEffect, useState } from 'react';
import type { ReportDocument, ReportParams } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useDataVersion } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';

/** What a report reads: a change of any of them may change its preview. */
const REPORT_SOURCES = ['notifications', 'translations', 'triage', 'comments', 'outcomes', 'warnings', 'enterprises', 'settings', 'countries'] as const;

/** How long the parameters must rest before a preview is asked for (typing a date, an issue). */
const SETTLE_MS = 300;

export interface PreviewState {
  doc: ReportDocument | null;
  loading: boolean;
  error: ErrorInfo | null;
}

interface Answer {
  /** The question and data version it answers. */
  asked: string;
  doc: ReportDocument | null;
  error: ErrorInfo | null;
}

/**
 * The preview of the report the parameters describe, asked again when they change (once they
 * rest) or when what the report reads changes. The recommendations are left out of the
 * question: the analyst edits them in the preview itself, and typing must not reload it. The
 * last document stays on screen while the next one is prepared.
 */
export function useReportPreview(params: ReportParams | null): PreviewState {
  const api = useApi();
  const version = useDataVersion(REPORT_SOURCES);
  const question = params === null ? null : JSON.stringify({ ...params, recommendations: '' });
  const asked = `${version}:${question}`;
  const [answer, setAnswer] = useState<Answer>({ asked: '', doc: null, error: null });

  useEffect(() => {
    if (question === null) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api.reportsPreview(JSON.parse(question) as ReportParams).then(
        (doc) => {
          if (live) setAnswer({ asked, doc, error: null });
        },
        (e: unknown) => {
          if (live) setAnswer({ asked, doc: null, error: toErrorInfo(e) });
        },
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, question, asked]);
  return { doc: answer.doc, error: answer.error, loading: question !== null && answer.asked !== asked };
}
