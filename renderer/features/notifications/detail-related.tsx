import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationDetail } from '../../../shared/contract';
import { DeadlineBadge } from '../../components/deadline-badge';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { zhCN } from '../../i18n/locales/zh-CN';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { DetailSection, textOrDash } from './detail-parts';
import { useMemberLabel } from './member-label';
import { MissingBaseNotice } from './missing-base-notice';

/** The analysts' own layer and the related records: triage, translation, timeline and so on. */
export const RELATED_KEYS: readonly string[] = ['triage', 'translation', 'deadline', 'timeline', 'family', 'attachments', 'changes'];

const FIELD_LABELS = zhCN.notifications.detail.fields;
const isFieldKey = (key: string): key is keyof typeof FIELD_LABELS => Object.prototype.hasOwnProperty.call(FIELD_LABELS, key);

export function NotificationLink({ id, symbol }: { id: number; symbol: string }) {
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

/** Base, revisions, addenda, corrigenda and family members by date; the record shown is marked. */
export function TimelineSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const memberLabel = useMemberLabel();
  const k = 'notifications.detail.timeline';
  const others = n.timeline.filter((e) => !e.isCurrent);
  return (
    <DetailSection title={t(`${k}.title`)}>
      {n.missingBase ? <MissingBaseNotice baseSymbol={n.missingBase} /> : null}
      {others.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <ol className="timeline">
          {n.timeline.map((e) => (
            <li
              key={e.id}
              className={e.isCurrent ? 'timeline-item timeline-current' : 'timeline-item'}
              aria-current={e.isCurrent ? 'true' : undefined}
            >
              <span className="timeline-date">{formatDate(e.distributionDate, locale)}</span>
              {e.isCurrent ? <span className="symbol">{e.symbol}</span> : <NotificationLink id={e.id} symbol={e.symbol} />}
              <span className="badge">{t(`notifications.docType.${e.docType}`)}</span>
              {e.memberCode !== n.memberCode ? <span className="muted">{memberLabel(e.memberCode)}</span> : null}
              {e.commentDeadline ? (
                <span className="timeline-deadline">
                  {t(`${k}.deadline`, { date: formatDate(e.commentDeadline, locale) })} <DeadlineBadge deadline={e.commentDeadline} />
                </span>
              ) : null}
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
  const memberLabel = useMemberLabel();
  const k = 'notifications.detail.family';
  const family = n.family;
  return (
    <DetailSection title={t(`${k}.title`)}>
      {family ? (
        <>
          <p>
            <span className="badge">{t(`${k}.kinds.${family.kind}`)}</span> {family.title}
          </p>
          <ul className="family-list" aria-label={t(`${k}.members`)}>
            {family.members.map((m) => (
              <li key={m.id} className={m.id === n.id ? 'family-member family-member-current' : 'family-member'}>
                <span className="family-country">{memberLabel(m.memberCode)}</span>
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

/** Old values kept when an import or a manual edit changed a field of the record. */
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
                  <td>{isFieldKey(c.field) ? t(`notifications.detail.fields.${c.field}`) : <code>{c.field}</code>}</td>
                  <td className="cell-value">{textOrDash(c.oldValue)}</td>
                  <td className="cell-value">{textOrDash(c.newValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailSection>
  );
}
