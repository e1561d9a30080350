import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationDetail } from '../../../shared/contract';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { formatBytes } from '../../i18n/format-size';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { DetailSection, Field, ListValue, textOrDash } from './detail-parts';

/** The analysts' own layer and the related records: triage, translation, timeline and so on. */
export const RELATED_KEYS: readonly string[] = ['triage', 'translation', 'deadline', 'timeline', 'family', 'attachments', 'changes'];

function NotificationLink({ id, symbol }: { id: number; symbol: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const open = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate({ section: 'notifications', id });
  };
  return (
    <a href={formatRoute({ section: 'notifications', id })} onClick={open} className="symbol">
      {symbol}
    </a>
  );
}

export function TriageSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'notifications.detail.triage';
  const triage = n.triage;
  return (
    <DetailSection title={t(`${k}.title`)}>
      <dl className="fields">
        <Field label={t(`${k}.status`)}>{t(`${k}.statuses.${triage.status}`)}</Field>
        <Field label={t(`${k}.relevance`)}>{triage.relevance ? t(`${k}.relevances.${triage.relevance}`) : '—'}</Field>
        <Field label={t(`${k}.assignee`)}>{textOrDash(triage.assignee)}</Field>
        <Field label={t(`${k}.updated`)}>
          {triage.updatedAt
            ? t(`${k}.updatedBy`, { at: formatDateTime(triage.updatedAt, locale), by: triage.updatedBy ?? '—' })
            : t(`${k}.notTriaged`)}
        </Field>
        <Field label={t(`${k}.industries`)} wide>
          <ListValue values={triage.industries} />
        </Field>
        <Field label={t(`${k}.notes`)} wide>
          <span className="prose">{textOrDash(triage.notes)}</span>
        </Field>
      </dl>
    </DetailSection>
  );
}

export function TranslationSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'notifications.detail.translation';
  const tr = n.translation;
  return (
    <DetailSection title={t(`${k}.title`)}>
      {tr ? (
        <dl className="fields">
          <Field label={t(`${k}.titleZh`)} wide>
            {textOrDash(tr.titleZh)}
          </Field>
          <Field label={t(`${k}.descriptionZh`)} wide>
            <span className="prose">{textOrDash(tr.descriptionZh)}</span>
          </Field>
          <Field label={t(`${k}.translator`)}>{textOrDash(tr.translator)}</Field>
          <Field label={t(`${k}.status`)}>{t(`${k}.statuses.${tr.status}`)}</Field>
          <Field label={t(`${k}.updatedAt`)}>{formatDateTime(tr.updatedAt, locale)}</Field>
        </dl>
      ) : (
        <p className="muted">{t(`${k}.none`)}</p>
      )}
    </DetailSection>
  );
}

export function TimelineSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'notifications.detail.timeline';
  const others = n.timeline.filter((e) => !e.isCurrent);
  return (
    <DetailSection title={t(`${k}.title`)}>
      {others.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <ol className="timeline">
          {n.timeline.map((e) => (
            <li key={e.id} className={e.isCurrent ? 'timeline-item timeline-current' : 'timeline-item'}>
              <span className="timeline-date">{formatDate(e.distributionDate, locale)}</span>
              {e.isCurrent ? <span className="symbol">{e.symbol}</span> : <NotificationLink id={e.id} symbol={e.symbol} />}
              <span className="badge">{t(`notifications.docType.${e.docType}`)}</span>
              {e.isCurrent ? <span className="badge badge-current">{t(`${k}.current`)}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}

export function FamilySection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const k = 'notifications.detail.family';
  const family = n.family;
  return (
    <DetailSection title={t(`${k}.title`)}>
      {family ? (
        <>
          <p>
            <span className="badge">{t(`${k}.kinds.${family.kind}`)}</span> {family.title}
          </p>
          <ul className="chips">
            {family.members.map((m) => (
              <li key={m.id} className="chip">
                {m.id === n.id ? <span className="symbol">{m.symbol}</span> : <NotificationLink id={m.id} symbol={m.symbol} />}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t(`${k}.none`)}</p>
      )}
    </DetailSection>
  );
}

export function AttachmentsSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'notifications.detail.attachments';
  return (
    <DetailSection title={t(`${k}.title`)}>
      {n.attachments.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.fileName`)}</th>
                <th scope="col">{t(`${k}.size`)}</th>
                <th scope="col">{t(`${k}.mediaType`)}</th>
                <th scope="col">{t(`${k}.addedAt`)}</th>
                <th scope="col">{t(`${k}.addedBy`)}</th>
              </tr>
            </thead>
            <tbody>
              {n.attachments.map((a) => (
                <tr key={a.id}>
                  <td>{a.fileName}</td>
                  <td className="cell-date">{formatBytes(a.size)}</td>
                  <td>{a.mediaType}</td>
                  <td className="cell-date">{formatDateTime(a.addedAt, locale)}</td>
                  <td>{a.addedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailSection>
  );
}

export function ChangesSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'notifications.detail.changes';
  return (
    <DetailSection title={t(`${k}.title`)}>
      {n.changes.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.at`)}</th>
                <th scope="col">{t(`${k}.actor`)}</th>
                <th scope="col">{t(`${k}.field`)}</th>
                <th scope="col">{t(`${k}.oldValue`)}</th>
                <th scope="col">{t(`${k}.newValue`)}</th>
              </tr>
            </thead>
            <tbody>
              {n.changes.map((c) => (
                <tr key={c.id}>
                  <td className="cell-date">{formatDateTime(c.at, locale)}</td>
                  <td>
                    {c.actor}
                    <span className="muted">
                      {' · '}
                      {c.importId === null ? t(`${k}.manual`) : t(`${k}.byImport`, { id: c.importId })}
                    </span>
                  </td>
                  <td>
                    <code>{c.field}</code>
                  </td>
                  <td>{textOrDash(c.oldValue)}</td>
                  <td>{textOrDash(c.newValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailSection>
  );
}
