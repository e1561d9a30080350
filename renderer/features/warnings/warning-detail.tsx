import { useCallback, useState, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CloseReason, Warning, WarningHistoryEntry, WarningLevel } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { DeadlineBadge } from '../../components/deadline-badge';
import { ErrorText } from '../../components/error-banner';
import { WarningLevelBadge } from '../../components/warning-level';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { WarningActions } from './warning-actions';
import { WarningExplanation, WarningMatches } from './warning-explanation';
import { WarningLetters } from './warning-letters';
import { measureTitle, targetName } from './warning-words';

/** One warning beside the inbox: its level and score, why, the measure, what was done, and what to do next. */
export function WarningDetail({ uid, onClose }: { uid: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const version = useDataVersion(['warnings']);
  const load = useCallback(() => api.warningsGet({ uid }), [api, uid]);
  const { data, error } = useLoad(load, version);
  // The answer of a write is shown at once; the reload its dataChanged brings replaces it.
  const [saved, setSaved] = useState<{ version: number; warning: Warning } | null>(null);
  const warning = saved && saved.version === version && saved.warning.uid === uid ? saved.warning : data?.uid === uid ? data : undefined;
  const k = 'warningsUi.detail';

  return (
    <aside id="warning-detail" className="warning-detail" tabIndex={-1} aria-label={t(`${k}.label`)}>
      <button type="button" className="warning-detail-close" onClick={onClose} aria-label={t(`${k}.close`)}>
        ×
      </button>
      {error?.code === 'NOT_FOUND' ? <p className="empty-line">{t(`${k}.notFound`)}</p> : error ? <ErrorText error={error} /> : null}
      {warning ? <WarningBody warning={warning} onSaved={(w) => setSaved({ version, warning: w })} /> : null}
    </aside>
  );
}

function WarningBody({ warning, onSaved }: { warning: Warning; onSaved: (w: Warning) => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const k = 'warningsUi.detail';
  const m = warning.measure;
  const notificationRoute = { section: 'notifications' as const, id: m.notificationId };
  const openNotification = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(notificationRoute);
  };

  return (
    <>
      <header className="warning-detail-head">
        <WarningLevelBadge level={warning.level} overridden={warning.overridden} />
        <strong className="warning-score">{t(`${k}.score`, { score: warning.score })}</strong>
        <span className="muted">{t(`warningWords.states.${warning.state}`)}</span>
        <h2>
          {targetName(warning.target, locale)}
          {warning.target.kind === 'enterprise' ? <span className="muted credit-code"> {warning.target.creditCode}</span> : null}
        </h2>
        <p>
          <span className="symbols">{m.symbols.join(' ')}</span> {measureTitle(warning, locale)}
        </p>
        {warning.override ? (
          <p className="warning-override">
            {t(`${k}.override`, { level: t(`warningWords.levels.${warning.override.level}`), by: warning.override.by, reason: warning.override.reason })}{' '}
            <span className="muted">{t(`${k}.computedLevel`, { level: t(`warningWords.levels.${warning.computedLevel}`) })}</span>
          </p>
        ) : null}
        {warning.closeReason ? <p>{t(`${k}.closedAs`, { reason: t(`warningsUi.actions.closeReasons.${warning.closeReason}`) })}</p> : null}
        {warning.response ? (
          <p className="warning-response">
            {t(`${k}.response`, { kind: t(`warningWords.responses.${warning.response.kind}`), owner: warning.response.ownerName, due: formatDate(warning.response.dueDate, locale) })}
            {warning.response.note ? ` — ${warning.response.note}` : ''}
          </p>
        ) : null}
      </header>
      <WarningExplanation warning={warning} />
      <WarningMatches warning={warning} />
      <section className="warning-measure">
        <h3>{t(`${k}.measure`)}</h3>
        <dl>
          <dt>{t(`${k}.symbols`)}</dt>
          <dd>{m.symbols.join(', ')}</dd>
          <dt>{t(`${k}.stage`)}</dt>
          <dd>{t(`${k}.stages.${m.stage}`)}</dd>
          <dt>{t(`${k}.commentDeadline`)}</dt>
          <dd>
            {formatDate(m.commentDeadline, locale) || '—'} <DeadlineBadge deadline={m.commentDeadline} />
          </dd>
          {m.adoption ? (
            <>
              <dt>{t(`${k}.adoption`)}</dt>
              <dd>{formatDate(m.adoption, locale)}</dd>
            </>
          ) : null}
          <dt>{t(`${k}.entryIntoForce`)}</dt>
          <dd>{formatDate(m.entryIntoForce, locale) || '—'}</dd>
        </dl>
        <a href={formatRoute(notificationRoute)} onClick={openNotification}>
          {t(`${k}.openNotification`)}
        </a>
      </section>
      <WarningActions warning={warning} onSaved={onSaved} />
      <WarningLetters warning={warning} />
      <section className="warning-history">
        <h3>{t(`${k}.history`)}</h3>
        <ol>
          {[...warning.history].reverse().map((h, i) => (
            <li key={i}>
              <span className="muted">{formatDateTime(h.at, locale)}</span> {h.by} · {t(`${k}.historyKinds.${h.kind}`)}
              {h.level ? <> · {t(`warningWords.levels.${h.level}`)}</> : null}
              {h.score !== null ? <> · {h.score}</> : null}
              {h.state ? <> · {t(`warningWords.states.${h.state}`)}</> : null}
              {h.note ? <> — {historyNote(h, t)}</> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/**
 * A history entry's note in the analyst's words. The engine writes its own notes as codes
 * ('created', 'matches again', 'red → orange', a close reason); an analyst's note is shown as written.
 */
const LEVELS: readonly WarningLevel[] = ['red', 'orange', 'yellow', 'blue'];
const CLOSE_REASONS: readonly CloseReason[] = ['withdrawn', 'enterpriseRemoved', 'noLongerMatches', 'handled', 'notRelevant', 'other'];
const isLevel = (text: string): text is WarningLevel => (LEVELS as readonly string[]).includes(text);
const isCloseReason = (text: string): text is CloseReason => (CLOSE_REASONS as readonly string[]).includes(text);

function historyNote(h: WarningHistoryEntry, t: TFunction): string {
  if (h.kind === 'computed' && h.note === 'created') return t('warningsUi.detail.historyNotes.created');
  if (h.kind === 'state' && h.note === 'matches again') return t('warningsUi.detail.historyNotes.matchesAgain');
  const [, from = '', to = ''] = /^(\w+) → (\w+)$/.exec(h.note) ?? [];
  if (h.kind === 'computed' && isLevel(from) && isLevel(to)) return `${t(`warningWords.levels.${from}`)} → ${t(`warningWords.levels.${to}`)}`;
  if (h.kind === 'state' && h.state === 'closed' && isCloseReason(h.note)) return t(`warningsUi.actions.closeReasons.${h.note}`);
  return h.note;
}
