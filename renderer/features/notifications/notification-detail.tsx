import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationDetail as Detail } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { ErrorText } from '../../components/error-banner';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { DetailSection, Field, GenericValue } from './detail-parts';
import { DetailRecord, RECORD_KEYS } from './detail-record';
import {
  AttachmentsSection,
  ChangesSection,
  FamilySection,
  RELATED_KEYS,
  TimelineSection,
  TranslationSection,
  TriageSection,
} from './detail-related';

function DeadlineNote({ deadline }: { deadline: Detail['deadline'] }) {
  const { t } = useTranslation();
  const k = 'notifications.detail.deadline';
  const days = deadline.daysLeft;
  let text: string;
  if (days === null || deadline.state === 'none') text = t(`${k}.none`);
  else if (days > 0) text = t(`${k}.left`, { count: days });
  else if (days === 0) text = t(`${k}.today`);
  else text = t(`${k}.overdue`, { count: -days });
  return <span className={`deadline deadline-${deadline.state}`}>{text}</span>;
}

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

function DetailBody({ n }: { n: Detail }) {
  const { t } = useTranslation();
  return (
    <article className="detail" aria-labelledby="notification-symbol">
      <header className="detail-header">
        <h2 id="notification-symbol" className="detail-symbol">
          {n.symbol}
        </h2>
        <span className={`badge badge-${n.area.toLowerCase()}`}>{n.area}</span>
        <span className="badge">{t(`notifications.docType.${n.docType}`)}</span>
        <span className="badge">{t(`notifications.detail.triage.statuses.${n.triage.status}`)}</span>
        {n.source === 'demo' ? <span className="badge badge-demo">{t('notifications.source.demo')}</span> : null}
        <DeadlineNote deadline={n.deadline} />
      </header>
      {n.titleZh ? <p className="detail-title">{n.titleZh}</p> : null}
      <p className={n.titleZh ? 'detail-title-original' : 'detail-title'}>{n.title}</p>
      <DetailSection title={t('notifications.detail.record')}>
        <DetailRecord n={n} />
      </DetailSection>
      <TriageSection n={n} />
      <TranslationSection n={n} />
      <TimelineSection n={n} />
      <FamilySection n={n} />
      <AttachmentsSection n={n} />
      <ChangesSection n={n} />
      <OtherFields n={n} />
    </article>
  );
}

/** Every field of one notification record (#/notifications/:id). */
export function NotificationDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const load = useCallback(() => api.notificationsGet({ id }), [api, id]);
  const { data, error } = useLoad(load, dataVersion);

  let body: ReactNode;
  if (error?.code === 'NOT_FOUND') {
    body = (
      <p className="inline-error" role="alert">
        {t('notifications.detail.notFound', { id })}
      </p>
    );
  } else if (error) {
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
    body = <DetailBody n={data} />;
  }

  return (
    <div className="page">
      <a
        className="back-link"
        href={formatRoute({ section: 'notifications', id: null })}
        onClick={(event) => {
          event.preventDefault();
          navigate({ section: 'notifications', id: null });
        }}
      >
        ← {t('notifications.detail.back')}
      </a>
      {body}
    </div>
  );
}
