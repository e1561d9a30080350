import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationDetail as Detail } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { ErrorText } from '../../components/error-banner';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { useMemberName } from './member-name';

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ListValue({ values }: { values: string[] }) {
  if (values.length === 0) return <>—</>;
  return (
    <ul className="chips">
      {values.map((v) => (
        <li key={v} className="chip">
          {v}
        </li>
      ))}
    </ul>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function DetailBody({ n }: { n: Detail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const memberName = useMemberName();
  const f = (key: keyof Detail): string => t(`notifications.detail.fields.${key}`);
  const links = (['en', 'fr', 'es'] as const).filter((lang) => n.links[lang]);
  const source = n.source === 'demo' ? t('notifications.source.demo') : n.source;

  return (
    <article className="detail" aria-labelledby="notification-symbol">
      <header className="detail-header">
        <h2 id="notification-symbol" className="detail-symbol">
          {n.symbol}
        </h2>
        <span className={`badge badge-${n.area.toLowerCase()}`}>{n.area}</span>
        <span className="badge">{t(`notifications.docType.${n.docType}`)}</span>
        {n.source === 'demo' ? <span className="badge badge-demo">{source}</span> : null}
      </header>
      {n.titleZh ? <p className="detail-title">{n.titleZh}</p> : null}
      <p className={n.titleZh ? 'detail-title-original' : 'detail-title'}>{n.title}</p>
      <dl className="fields">
        <Field label={f('memberCode')}>{memberName(n.memberCode)}</Field>
        <Field label={f('area')}>{t(`notifications.area.${n.area}`)}</Field>
        <Field label={f('distributionDate')}>{formatDate(n.distributionDate, locale)}</Field>
        <Field label={f('commentDeadline')}>{formatDate(n.commentDeadline, locale)}</Field>
        <Field label={f('docType')}>{t(`notifications.docType.${n.docType}`)}</Field>
        <Field label={f('notificationType')}>{n.notificationType || '—'}</Field>
        <Field label={f('symbol')}>{n.symbol}</Field>
        <Field label={f('baseSymbol')}>{n.baseSymbol}</Field>
        <Field label={f('title')} wide>
          {n.title}
        </Field>
        <Field label={f('titleZh')} wide>
          {n.titleZh ?? '—'}
        </Field>
        <Field label={f('description')} wide>
          <span className="prose">{n.description || '—'}</span>
        </Field>
        <Field label={f('products')} wide>
          {n.products || '—'}
        </Field>
        <Field label={f('hsCodes')}>
          <ListValue values={n.hsCodes} />
        </Field>
        <Field label={f('icsCodes')}>
          <ListValue values={n.icsCodes} />
        </Field>
        <Field label={f('keywords')} wide>
          <ListValue values={n.keywords} />
        </Field>
        <Field label={f('objectives')} wide>
          <ListValue values={n.objectives} />
        </Field>
        <Field label={f('documentLinks')} wide>
          {n.documentLinks.length === 0 ? (
            '—'
          ) : (
            <ul className="link-list">
              {n.documentLinks.map((href) => (
                <li key={href}>
                  <ExternalLink href={href}>{href}</ExternalLink>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label={f('links')} wide>
          {links.length === 0 ? (
            '—'
          ) : (
            <ul className="link-list link-list-inline">
              {links.map((lang) => (
                <li key={lang}>
                  <ExternalLink href={n.links[lang] ?? ''}>{t(`notifications.detail.linkLanguages.${lang}`)}</ExternalLink>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label={f('source')}>{source}</Field>
        <Field label={f('id')}>{n.id}</Field>
        <Field label={f('createdAt')}>{formatDateTime(n.createdAt, locale)}</Field>
        <Field label={f('updatedAt')}>{formatDateTime(n.updatedAt, locale)}</Field>
      </dl>
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
  if (error?.code === 'NOT_FOUND') body = <p className="inline-error" role="alert">{t('notifications.detail.notFound', { id })}</p>;
  else if (error)
    body = (
      <div className="inline-error" role="alert">
        <ErrorText error={error} />
      </div>
    );
  else if (!data || data.id !== id) body = <p role="status" className="muted">{t('notifications.detail.loading')}</p>;
  else body = <DetailBody n={data} />;

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
