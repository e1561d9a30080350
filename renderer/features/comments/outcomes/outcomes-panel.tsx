import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentsRecordOutcomeInput, PointOutcomeRecord } from '../../../../shared/contract';
import { useConfirm } from '../../../components/confirm-dialog';
import { formatDate, formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import type { ErrorInfo } from '../../../stores/error-info';
import { formatYuan, inLocale } from '../comment-format';
import { OutcomeForm } from './outcome-form';
import { outcomeInput } from './outcome-input';

const LATER_DOCS = new Set(['addendum', 'revision', 'corrigendum', 'supplement']);

interface Props {
  comment: Comment;
  actor: string;
  busy: boolean;
  error: ErrorInfo | null;
  onRecord: (input: CommentsRecordOutcomeInput) => Promise<boolean>;
  onClear: (pointKey: string) => Promise<boolean>;
}

function RecordedOutcome({ record }: { record: PointOutcomeRecord }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const evidence = record.evidence;
  return (
    <div className="outcome-recorded">
      <span className={`badge outcome-badge outcome-${record.outcome}`}>{t(`commenting.outcomes.values.${record.outcome}`)}</span>
      {evidence?.kind === 'notification' ? (
        <span>{t('commenting.outcomes.evidenceNotification', { symbol: evidence.symbol, date: formatDate(evidence.date, locale) })}</span>
      ) : null}
      {evidence?.kind === 'regulation' ? (
        <span>{t('commenting.outcomes.evidenceRegulation', { reference: evidence.reference, date: formatDate(evidence.date, locale) })}</span>
      ) : null}
      {!evidence && record.date ? <span>{formatDate(record.date, locale)}</span> : null}
      {record.costSparedCny !== null ? (
        <span title={record.costMethod ?? undefined}>{t('commenting.outcomes.costValue', { amount: formatYuan(record.costSparedCny, locale) })}</span>
      ) : null}
      {record.note ? <span className="muted">{record.note}</span> : null}
      <span className="muted outcome-by">{t('commenting.outcomes.recordedBy', { by: record.recordedBy, at: formatDateTime(record.recordedAt, locale) })}</span>
    </div>
  );
}

/** Per point, what the notifying member did with it: shown and recorded once the comment has gone out. */
export function OutcomesPanel({ comment, actor, busy, error, onRecord, onClear }: Props) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { confirm, dialog } = useConfirm();
  const [editing, setEditing] = useState<string | null>(null);
  const suggestions = [
    ...new Set([
      ...comment.measureTimeline.filter((e) => !e.isCurrent && LATER_DOCS.has(e.docType)).map((e) => e.symbol),
      ...comment.followups.map((f) => f.symbol),
    ]),
  ];

  return (
    <section className="detail-section outcomes" aria-label={t('commenting.outcomes.title')}>
      <h3 className="detail-section-title">{t('commenting.outcomes.title')}</h3>
      <p className="hint">{t('commenting.outcomes.hint')}</p>
      <ol className="outcome-list">
        {comment.content.points.map((point, index) => {
          const record = comment.pointOutcomes.find((o) => o.pointKey === point.key);
          const n = index + 1;
          return (
            <li key={point.key} className="outcome-item" aria-label={t('commenting.editor.point', { n })}>
              <div className="outcome-head">
                <strong>{t('commenting.editor.point', { n })}</strong>
                <span className="outcome-clause">{inLocale(locale, point.clauseZh, point.clauseEn) || inLocale(locale, point.proposalZh, point.proposalEn)}</span>
                <span className="toolbar-spacer" />
                {editing !== point.key ? (
                  <button type="button" className="button" disabled={busy || !actor} onClick={() => setEditing(point.key)}>
                    {record ? t('commenting.outcomes.edit') : t('commenting.outcomes.record')}
                  </button>
                ) : null}
                {record && editing !== point.key ? (
                  <button
                    type="button"
                    className="button button-link button-link-danger"
                    disabled={busy || !actor}
                    onClick={async () => {
                      const ok = await confirm({
                        title: t('commenting.outcomes.clearConfirm', { n }),
                        confirmLabel: t('commenting.outcomes.clear'),
                        danger: true,
                      });
                      if (ok) await onClear(point.key);
                    }}
                  >
                    {t('commenting.outcomes.clear')}
                  </button>
                ) : null}
              </div>
              {record ? <RecordedOutcome record={record} /> : <p className="muted outcome-none">{t('commenting.outcomes.none')}</p>}
              {editing === point.key ? (
                <OutcomeForm
                  n={n}
                  record={record}
                  suggestions={suggestions}
                  busy={busy}
                  error={error}
                  onCancel={() => setEditing(null)}
                  onSave={async (fields) => {
                    if (await onRecord(outcomeInput(fields, { id: comment.id, pointKey: point.key }))) setEditing(null);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {dialog}
    </section>
  );
}
