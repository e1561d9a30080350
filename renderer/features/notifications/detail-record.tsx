import { useTranslation } from 'react-i18next';
import type { NotificationDetail } from '../../../shared/contract';
import type { Messages } from '../../i18n/locales/zh-CN';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';
import { DocumentLink } from './detail/document-link';
import { Field, ListValue, textOrDash } from './detail-parts';
import { useMemberLabel } from './member-label';

export type RecordFieldKey = keyof Messages['notifications']['detail']['fields'];

/** The keys this view renders itself; anything else the backend sends goes to "other fields". */
export const RECORD_KEYS: readonly string[] = [
  'id', 'symbol', 'area', 'memberCode', 'memberName', 'docType', 'title', 'titleZh', 'distributionDate',
  'commentDeadline', 'source', 'baseSymbol', 'parentSymbol', 'description', 'products', 'hsCodes', 'icsCodes',
  'keywords', 'objectives', 'notificationType', 'proposedAdoption', 'proposedEntryIntoForce', 'countriesAffected',
  'jointSymbols', 'familyId', 'documentLinks', 'links', 'createdAt', 'updatedAt',
];

/** Every item of the notification form, in the order of the WTO form. */
export function DetailRecord({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const memberLabel = useMemberLabel();
  const f = (key: RecordFieldKey): string => t(`notifications.detail.fields.${key}`);
  const links = (['en', 'fr', 'es'] as const).filter((lang) => n.links[lang]);

  return (
    <dl className="fields">
      <Field label={f('memberCode')}>{memberLabel(n.memberCode, { zh: n.memberName })}</Field>
      <Field label={f('area')}>{t(`notifications.area.${n.area}`)}</Field>
      <Field label={f('distributionDate')}>{formatDate(n.distributionDate, locale)}</Field>
      <Field label={f('commentDeadline')}>{formatDate(n.commentDeadline, locale)}</Field>
      <Field label={f('docType')}>{t(`notifications.docType.${n.docType}`)}</Field>
      <Field label={f('notificationType')}>{textOrDash(n.notificationType)}</Field>
      <Field label={f('symbol')}>{n.symbol}</Field>
      <Field label={f('baseSymbol')}>{n.baseSymbol}</Field>
      <Field label={f('parentSymbol')}>{textOrDash(n.parentSymbol)}</Field>
      <Field label={f('jointSymbols')}>
        <ListValue values={n.jointSymbols} />
      </Field>
      <Field label={f('title')} wide>
        {n.title}
      </Field>
      <Field label={f('titleZh')} wide>
        {textOrDash(n.titleZh)}
      </Field>
      <Field label={f('description')} wide>
        <span className="prose">{textOrDash(n.description)}</span>
      </Field>
      <Field label={f('products')} wide>
        {textOrDash(n.products)}
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
      <Field label={f('countriesAffected')} wide>
        <ListValue values={n.countriesAffected} />
      </Field>
      <Field label={f('proposedAdoption')}>{textOrDash(n.proposedAdoption)}</Field>
      <Field label={f('proposedEntryIntoForce')}>{textOrDash(n.proposedEntryIntoForce)}</Field>
      <Field label={f('documentLinks')} wide>
        {n.documentLinks.length === 0 ? (
          '—'
        ) : (
          <ul className="link-list">
            {n.documentLinks.map((href) => (
              <li key={href}>
                <DocumentLink href={href} />
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
                <DocumentLink href={n.links[lang] ?? ''}>{t(`notifications.detail.linkLanguages.${lang}`)}</DocumentLink>
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label={f('source')}>{n.source === 'demo' ? t('notifications.source.demo') : n.source}</Field>
      <Field label={f('id')}>{n.id}</Field>
      <Field label={f('familyId')}>{n.familyId ?? '—'}</Field>
      <Field label={f('createdAt')}>{formatDateTime(n.createdAt, locale)}</Field>
      <Field label={f('updatedAt')}>{formatDateTime(n.updatedAt, locale)}</Field>
    </dl>
  );
}
