import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TRIAGE_BATCH, Relevance, TriageStatus } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useConfirm } from '../../../components/confirm-dialog';
import { InlineError } from '../../../components/error-banner';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { useListStore } from '../../../stores/notification-list-context';

/** '' leaves a field as it is; for relevance, 'unrated' clears it. */
type RelevanceChoice = '' | Relevance | 'unrated';

/**
 * Above the list while notifications are ticked: one status, relevance or assignee for all of
 * them (a week's arrivals screened out at once), after a question that says what will change.
 */
export function BatchBar() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useAppStore((s) => s.notify);
  const checked = useListStore((s) => s.checked);
  const clearChecked = useListStore((s) => s.clearChecked);
  const { confirm, dialog } = useConfirm();
  const [status, setStatus] = useState<'' | TriageStatus>('');
  const [relevance, setRelevance] = useState<RelevanceChoice>('');
  const [assignee, setAssignee] = useState<{ mode: 'keep' | 'set' | 'clear'; name: string }>({ mode: 'keep', name: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const k = 'list.batch';
  const count = checked.size;
  if (count === 0) return null;

  const statusLabel = (s: TriageStatus): string => t(`notifications.detail.triage.statuses.${s}`);
  const relevanceLabel = (r: RelevanceChoice): string => (r === 'unrated' || r === '' ? t(`${k}.noRelevance`) : t(`notifications.detail.triage.relevances.${r}`));
  const name = assignee.name.trim();
  const assigneeChange = assignee.mode === 'clear' ? null : assignee.mode === 'set' && name ? name : undefined;
  const nothingChosen = status === '' && relevance === '' && assigneeChange === undefined;
  const tooMany = count > MAX_TRIAGE_BATCH;

  const apply = async (): Promise<void> => {
    const changes = [
      status ? t(`${k}.confirmStatus`, { value: statusLabel(status) }) : null,
      relevance ? t(`${k}.confirmRelevance`, { value: relevanceLabel(relevance) }) : null,
      assigneeChange === null ? t(`${k}.confirmNoAssignee`) : assigneeChange ? t(`${k}.confirmAssignee`, { value: assigneeChange }) : null,
    ].filter((c): c is string => c !== null);
    const ok = await confirm({
      title: t(`${k}.confirmTitle`, { count }),
      body: t(`${k}.confirmBody`, { changes: changes.join(t('list.batch.separator')) }),
      confirmLabel: t(`${k}.confirm`, { count }),
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.notificationsTriageBatch({
        ids: [...checked],
        ...(status ? { status } : {}),
        ...(relevance ? { relevance: relevance === 'unrated' ? null : relevance } : {}),
        ...(assigneeChange !== undefined ? { assignee: assigneeChange } : {}),
      });
      notify(t(`${k}.done`, { updated: result.updated, unchanged: result.unchanged }));
      clearChecked();
      setStatus('');
      setRelevance('');
      setAssignee({ mode: 'keep', name: '' });
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="batch-bar" aria-label={t(`${k}.label`)}>
      <strong className="batch-count" role="status">
        {t(`${k}.count`, { count })}
      </strong>
      <label className="batch-field">
        <span>{t(`${k}.status`)}</span>
        <select value={status} onChange={(event) => setStatus(event.target.value as '' | TriageStatus)}>
          <option value="">{t(`${k}.keep`)}</option>
          {TriageStatus.options.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="batch-field">
        <span>{t(`${k}.relevance`)}</span>
        <select value={relevance} onChange={(event) => setRelevance(event.target.value as RelevanceChoice)}>
          <option value="">{t(`${k}.keep`)}</option>
          {Relevance.options.map((r) => (
            <option key={r} value={r}>
              {relevanceLabel(r)}
            </option>
          ))}
          <option value="unrated">{t(`${k}.noRelevance`)}</option>
        </select>
      </label>
      <label className="batch-field">
        <span>{t(`${k}.assignee`)}</span>
        <input
          type="text"
          value={assignee.name}
          maxLength={80}
          disabled={assignee.mode === 'clear'}
          placeholder={t(`${k}.assigneePlaceholder`)}
          onChange={(event) => setAssignee({ mode: event.target.value.trim() ? 'set' : 'keep', name: event.target.value })}
        />
      </label>
      <label className="batch-check">
        <input
          type="checkbox"
          checked={assignee.mode === 'clear'}
          onChange={(event) => setAssignee({ mode: event.target.checked ? 'clear' : 'keep', name: '' })}
        />
        {t(`${k}.clearAssignee`)}
      </label>
      <span className="toolbar-spacer" />
      <button type="button" className="button button-primary" disabled={busy || nothingChosen || tooMany} onClick={() => void apply()}>
        {t(`${k}.apply`)}
      </button>
      <button type="button" className="button" disabled={busy} onClick={clearChecked}>
        {t(`${k}.clear`)}
      </button>
      {tooMany ? <p className="batch-note">{t(`${k}.tooMany`, { max: MAX_TRIAGE_BATCH.toLocaleString() })}</p> : null}
      <InlineError error={error} />
      {dialog}
    </section>
  );
}
