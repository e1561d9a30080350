import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportRecord } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useToday } from '../../clock/clock-context';
import { useActingAs } from '../../components/acting-as';
import { useConfirm } from '../../components/confirm-dialog';
import { InlineError } from '../../components/error-banner';
import { isModalOpen } from '../../components/modal';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { DEFAULT_FORMATS, FORMATS, formOf, formProblems, initialForm, paramsOf, type FormProblem, type ReportForm } from './report-form';
import { MakePanel, useReportMake, useRunOpen } from './report-make';
import { KindChoice, ReportParamsForm } from './report-params-form';
import { ReportHistory } from './report-history';
import { ReportPreview } from './report-preview';
import { useReportPreview } from './use-report-preview';

/** What the analyst has filled in, kept per backend connection while the window lives. */
interface Draft {
  typed: ReportForm;
  issueTouched: boolean;
  compilerTouched: boolean;
  formats: ReportFormat[];
  keptRecommendations: string;
}
const keptDrafts = new WeakMap<object, Draft>();

/** Problems shown before the analyst asks to make the report: those that are not half-typed dates. */
const SHOWN_AT_ONCE: readonly FormProblem[] = ['order', 'member', 'issue'];

/**
 * The reports section: choose the kind, fill in its parameters, read the preview (and write the
 * recommendations of a country analysis in it), make it in the formats wanted, download the
 * files; below, the history of reports made, each of which can be made again.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const today = useToday();
  const { actor } = useActingAs();
  const notify = useAppStore((s) => s.notify);
  // The form comes back as the analyst left it when they return from another section.
  const [draft] = useState(() => keptDrafts.get(api) ?? null);
  const [typed, setForm] = useState<ReportForm>(() => draft?.typed ?? initialForm(today));
  // The issue and compiler follow the history and the acting analyst until the analyst types one.
  const [issueTouched, setIssueTouched] = useState(draft?.issueTouched ?? false);
  const [compilerTouched, setCompilerTouched] = useState(draft?.compilerTouched ?? false);
  const [formats, setFormats] = useState<ReportFormat[]>(() => draft?.formats ?? [...DEFAULT_FORMATS]);
  const [attempted, setAttempted] = useState(false);
  const [noFormat, setNoFormat] = useState(false);
  // The recommendations as last made or loaded: what differs from them is the analyst's unsaved work.
  const [keptRecommendations, setKeptRecommendations] = useState(draft?.keptRecommendations ?? '');
  useEffect(() => {
    keptDrafts.set(api, { typed, issueTouched, compilerTouched, formats, keptRecommendations });
  }, [api, typed, issueTouched, compilerTouched, formats, keptRecommendations]);
  const { confirm, dialog } = useConfirm();
  const formRef = useRef<HTMLDivElement>(null);

  const historyVersion = useDataVersion(['reports']);
  const loadHistory = useCallback(() => api.reportsHistory({ limit: 100 }), [api]);
  const history = useLoad(loadHistory, historyVersion);
  const nextIssue = history.data?.nextBulletinIssue ?? null;

  const form: ReportForm = {
    ...typed,
    issue: issueTouched || nextIssue === null ? typed.issue : String(nextIssue),
    compiler: compilerTouched ? typed.compiler : actor,
  };

  const problems = formProblems(form);
  const params = paramsOf(form);
  const preview = useReportPreview(params);
  const { run, error: makeError, starting, make } = useReportMake();
  const running = useRunOpen(run);

  const unsaved = form.recommendations.trim() !== '' && form.recommendations !== keptRecommendations;
  const unsavedRef = useRef(unsaved);

  // The draft outlives a switch of section, not a reload or the window closing: those ask first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!unsavedRef.current) return;
      event.preventDefault();
      // Older Chromium builds still need returnValue set to show the question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const change = (patch: Partial<ReportForm>): void => {
    if ('issue' in patch) setIssueTouched(true);
    if ('compiler' in patch) setCompilerTouched(true);
    setForm((f) => ({ ...f, ...patch }));
  };

  const makeReport = (asked: ReportFormat[] = formats): void => {
    if (running || starting) return;
    setAttempted(true);
    setNoFormat(asked.length === 0);
    if (params === null || asked.length === 0) return;
    setKeptRecommendations(form.recommendations);
    void make(params, asked);
  };
  const makeWithoutPdf = (): void => {
    const others = formats.filter((f) => f !== 'pdf');
    const asked: ReportFormat[] = others.length > 0 ? others : ['docx'];
    setFormats(asked);
    makeReport(asked);
  };
  const makeRef = useRef(makeReport);
  // The guard and the shortcut, bound once, read the latest state through these.
  useEffect(() => {
    unsavedRef.current = unsaved;
    makeRef.current = makeReport;
  });

  // Ctrl/Cmd+Enter makes the report from anywhere on the page, inside a field too.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || isModalOpen()) return;
      event.preventDefault();
      makeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const again = async (record: ReportRecord): Promise<void> => {
    if (unsaved && form.recommendations !== record.params.recommendations) {
      const ok = await confirm({ title: t('reportsUi.discard.title'), body: t('reportsUi.discard.bodyLoad'), confirmLabel: t('reportsUi.discard.confirm'), cancelLabel: t('reportsUi.discard.stay'), danger: true });
      if (!ok) return;
    }
    setForm(formOf(record.params, today));
    // The formats it was made in, as the report's files say.
    const made = FORMATS.filter((f) => record.files.some((file) => file.format === f));
    if (made.length > 0) setFormats(made);
    setIssueTouched(true);
    setCompilerTouched(true);
    setAttempted(false);
    setKeptRecommendations(record.params.recommendations);
    notify(t('reportsUi.history.loaded', { title: record.title }));
    formRef.current?.scrollIntoView?.({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('input[name="report-kind"]:checked')?.focus();
  };

  const shown = attempted ? problems : problems.filter((p) => SHOWN_AT_ONCE.includes(p));
  const problem = attempted && problems.length > 0 ? t('reportsUi.problems.fix') : noFormat && attempted ? t('reportsUi.problems.formats') : null;
  const k = 'reportsUi.preview';

  return (
    <div className="reports-page">
      <div className="reports-work">
        <div className="reports-form" ref={formRef}>
          <KindChoice kind={form.kind} onChange={(kind) => change({ kind })} />
          <ReportParamsForm form={form} problems={shown} nextIssue={nextIssue} onChange={change} />
          <MakePanel
            formats={formats}
            onFormats={(next) => {
              setFormats(next);
              if (next.length > 0) setNoFormat(false);
            }}
            onMake={() => makeReport()}
            onWithoutPdf={makeWithoutPdf}
            disabled={false}
            busy={running || starting}
            run={run}
            error={makeError}
            problem={problem}
          />
        </div>
        <section className="reports-preview" aria-labelledby="report-preview-title" aria-busy={preview.loading}>
          <h2 id="report-preview-title" className="reports-preview-title">
            {t(`${k}.title`)}
            {preview.loading ? <span className="muted"> · {preview.doc ? t(`${k}.stale`) : t(`${k}.loading`)}</span> : null}
          </h2>
          <InlineError error={preview.error} />
          {params === null ? (
            <p className="muted report-preview-waiting">{t(`${k}.waiting`)}</p>
          ) : preview.doc ? (
            <ReportPreview doc={preview.doc} recommendations={form.recommendations} onRecommendations={(recommendations) => change({ recommendations })} />
          ) : null}
        </section>
      </div>
      <ReportHistory items={history.data?.items} error={history.error} onAgain={(r) => void again(r)} />
      {dialog}
    </div>
  );
}
