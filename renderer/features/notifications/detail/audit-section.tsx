import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Relevance, TranslationStatus, TriageStatus, type AuditEntry } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { zhCN } from '../../../i18n/locales/zh-CN';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { NOTIFICATION_RECORD } from '../../../stores/data-versions';
import { DetailSection } from '../detail-parts';
import { useIndustryName } from '../use-industries';
import { auditChanges, auditSubject, shorten } from './audit-format';

const AUDIT_LIMIT = 100;

// Both locales have the same keys (a test checks), so the reference locale says which exist.
const ACTIONS = zhCN.editor.audit.actions;
const KEYS = zhCN.editor.audit.keys;

function isKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function useDescribe() {
  const { t } = useTranslation();
  const industryName = useIndustryName();

  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    const triage = TriageStatus.safeParse(v);
    if (key === 'status' && triage.success) return t(`notifications.detail.triage.statuses.${triage.data}`);
    const translation = TranslationStatus.safeParse(v);
    if (key === 'status' && translation.success) return t(`notifications.detail.translation.statuses.${translation.data}`);
    const relevance = Relevance.safeParse(v);
    if (key === 'relevance' && relevance.success) return t(`notifications.detail.triage.relevances.${relevance.data}`);
    if (key === 'industries' && Array.isArray(v)) return v.length ? v.map((c) => industryName(String(c))).join('、') : '—';
    if (Array.isArray(v)) return v.map(String).join('、');
    if (typeof v === 'object') return shorten(JSON.stringify(v));
    return shorten(String(v));
  };

  return {
    action: (a: string): string => (isKey(ACTIONS, a) ? t(`editor.audit.actions.${a}`) : a),
    key: (k: string): string => (isKey(KEYS, k) ? t(`editor.audit.keys.${k}`) : k),
    value,
  };
}

function EntryContent({ entry }: { entry: AuditEntry }) {
  const describe = useDescribe();
  // Something added or removed as a whole (an attachment, a record) is named, not listed field by field.
  const oneSided = entry.before === null || entry.after === null;
  const subject = oneSided ? (auditSubject(entry.after) ?? auditSubject(entry.before)) : null;
  if (subject) return <>{subject}</>;
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length > 0) {
    return (
      <ul className="audit-changes">
        {changes.map((c) => (
          <li key={c.key}>
            <span className="audit-key">{describe.key(c.key)}</span>
            {describe.value(c.key, c.before)} → {describe.value(c.key, c.after)}
          </li>
        ))}
      </ul>
    );
  }
  return <>—</>;
}

/** Who did what to this notification: triage, translation, attachments, manual edits. */
export function AuditSection({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(NOTIFICATION_RECORD, [id]);
  const describe = useDescribe();
  const load = useCallback(() => api.auditList({ entity: 'notification', entityId: String(id), limit: AUDIT_LIMIT }), [api, id]);
  const { data, error } = useLoad(load, dataVersion);
  const k = 'editor.audit';

  return (
    <DetailSection title={t(`${k}.title`)}>
      <InlineError error={error} />
      {data && data.length === 0 ? <p className="muted">{t(`${k}.none`)}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.at`)}</th>
                <th scope="col">{t(`${k}.actor`)}</th>
                <th scope="col">{t(`${k}.action`)}</th>
                <th scope="col">{t(`${k}.content`)}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((entry) => (
                <tr key={entry.id}>
                  <td className="cell-date">{formatDateTime(entry.at, locale)}</td>
                  <td>{entry.actor}</td>
                  <td>{describe.action(entry.action)}</td>
                  <td>
                    <EntryContent entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </DetailSection>
  );
}
