import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationDetail as Detail } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { BackLink } from '../../components/back-link';
import { DeadlineNote } from '../../components/deadline-badge';
import { ErrorText } from '../../components/error-banner';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { NOTIFICATION_RECORD } from '../../stores/data-versions';
import { formatRoute } from '../../stores/route';
import { AffectedEnterprisesSection } from './detail/affected-enterprises-section';
import { AttachmentsSection } from './detail/attachments-section';
import { AuditSection } from './detail/audit-section';
import { CommentsSection } from './detail/comments-section';
import { RecordStepper } from './detail/record-stepper';
import { TranslationForm } from './detail/translation-form';
import { TriageForm } from './detail/triage-form';
import { UnsavedChangesScope } from './detail/unsaved-changes';
import { DetailSection, Field, GenericValue } from './detail-parts';
import { DetailRecord, RECORD_KEYS } from './detail-record';
import { ManualEntryDialog } from './manual-entry/manual-entry-dialog';
import { ChangesSection, FamilySection, RELATED_KEYS, TimelineSection } from './detail-related';

/** Fields a newer backend sends that this view has no place for yet: shown, not dropped. */
function OtherFields({ n }: { n: Detail }) {
  const { t } = useTranslation();
  const known = new Set([...RECORD_KEYS, ...RELATED_KEYS]);
  const extra = Object.entries(n).filter(([key]) => !known.has(key));
  if (extra.length === 0) return null;
  return (
    <DetailSection title={t('notifications.detail.other')}>
      <dl className="fields">
        {extra.map(([key, value]) => (
          <Field key={key} label={key} wide>
            <GenericValue value={value} />
          </Field>
        ))}
      </dl>
    </DetailSection>
  );
}

/** The analyst's work first (triage and translation), then the record and what relates to it. */
function DetailBody({ n, onChanged }: { n: Detail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <article className="detail" aria-labelledby="notification-symbol">
      <header className="detail-header">
        <h2 id="notification-symbol" className="detail-symbol">
          {n.symbol}
        </h2>
        <span className={`badge badge-${n.area.toLowerCase()}`}>{n.area}</span>
        <span className="badge">{t(`notifications.docType.${n.docType}`)}</span>
        <span className={`badge status status-${n.triage.status}`}>{t(`notifications.detail.triage.statuses.${n.triage.status}`)}</span>
        {n.source === 'demo' ? <span className="badge badge-demo">{t('notifications.source.demo')}</span> : null}
        <DeadlineNote daysLeft={n.deadline.daysLeft} state={n.deadline.state} />
        {/* Imported records change only by re-import: the next import would overwrite an edit. */}
        {n.source === 'manual' ? (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('manual.edit')}
          </button>
        ) : null}
      </header>
      {editing ? (
        <ManualEntryDialog
          record={n}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : null}
      {n.titleZh ? (
        <p className="detail-title" lang="zh-CN">
          {n.titleZh}
        </p>
      ) : null}
      <p className={n.titleZh ? 'detail-title-original' : 'detail-title'}>{n.title}</p>
      <div className="editors">
        <TriageForm n={n} />
        <TranslationForm n={n} />
      </div>
      <DetailSection title={t('notifications.detail.record')}>
        <DetailRecord n={n} />
      </DetailSection>
      <TimelineSection n={n} />
      <FamilySection n={n} />
      <CommentsSection n={n} />
      <AffectedEnterprisesSection n={n} />
      <AttachmentsSection n={n} onChanged={onChanged} />
      <ChangesSection n={n} />
      <AuditSection id={n.id} />
      <OtherFields n={n} />
    </article>
  );
}

/** Every field of one notification record (#/notifications/:id), with its edit forms. */
export function NotificationDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const dataVersion = useDataVersion(NOTIFICATION_RECORD, [id]);
  // Local reloads (an attachment added) on top of the backend's change events.
  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => api.notificationsGet({ id }), [api, id]);
  const { data, error } = useLoad(load, dataVersion + reloads);
  const reload = useCallback(() => setReloads((r) => r + 1), []);

  let body: ReactNode;
  if (error?.code === 'NOT_FOUND') {
    body = (
      <p className="inline-error" role="alert">
        {t('notifications.detail.notFound', { id })}
      </p>
    );
  } else if (error && !data) {
    body = (
      <div className="inline-error" role="alert">
        <ErrorText error={error} />
      </div>
    );
  } else if (!data || data.id !== id) {
    body = (
      <p role="status" className="muted">
        {t('notifications.detail.loading')}
      </p>
    );
  } else {
    body = <DetailBody key={data.id} n={data} onChanged={reload} />;
  }

  return (
    <UnsavedChangesScope key={id}>
      <div className="page">
        <div className="record-nav">
          <BackLink href={formatRoute({ section: 'notifications', id: null })} onBack={() => navigate({ section: 'notifications', id: null })}>
            {t('notifications.detail.back')}
          </BackLink>
          <RecordStepper id={id} />
        </div>
        {body}
      </div>
    </UnsavedChangesScope>
  );
}
