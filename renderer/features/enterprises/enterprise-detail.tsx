import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { BackLink } from '../../components/back-link';
import { useConfirm } from '../../components/confirm-dialog';
import { InlineError } from '../../components/error-banner';
import { WarningLevelBadge } from '../../components/warning-level';
import { formatDateTime } from '../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { draftFromEnterprise } from './enterprise-draft';
import { formatUsd, regionOf } from './enterprise-format';
import { EnterpriseForm } from './enterprise-form';
import { EnterpriseLetters } from './enterprise-letters';

const k = 'enterpriseWords.page';

/** The fields the history names, in the window's words (others are shown as the backend wrote them). */
const FIELD_WORDS = { name: 'form.name', creditCode: 'creditCode', credit_code: 'creditCode', province: 'form.province', city: 'form.city', region: 'page.region', industry: 'form.industry', contact: 'form.contacts', contacts: 'form.contacts', notes: 'form.notes', exposure: 'form.exposure' } as const;

/** The open warnings of an enterprise, highest score first; a click opens the warning. */
function EnterpriseWarnings({ enterpriseUid }: { enterpriseUid: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const load = useCallback(() => api.warningsList({ enterpriseUid, sort: 'score', limit: 200 }), [api, enterpriseUid]);
  const { data, error } = useLoad(load, useDataVersion(['warnings']));
  const open = (uid: string): void => navigate({ section: 'warnings', id: null, query: `uid=${uid}` });
  return (
    <section className="card enterprise-warnings" aria-labelledby="enterprise-warnings-title">
      <h3 id="enterprise-warnings-title" className="card-title">
        {t(`${k}.warnings`)}
      </h3>
      <InlineError error={error} />
      {data && data.items.length === 0 ? <p className="muted">{t(`${k}.noWarnings`)}</p> : null}
      {data && data.items.length > 0 ? (
        <table className="data-table" aria-label={t(`${k}.warnings`)}>
          <thead>
            <tr>
              {(['level', 'score', 'measure', 'state'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`${k}.warningColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((w) => (
              <tr key={w.uid} className="row-link" tabIndex={0} onClick={() => open(w.uid)} onKeyDown={(e) => e.key === 'Enter' && open(w.uid)}>
                <td>
                  <WarningLevelBadge level={w.level} overridden={w.overridden} />
                </td>
                <td className="cell-number">{w.score}</td>
                <td className="cell-title">
                  <a href={`#/warnings?uid=${w.uid}`} onClick={(e) => e.preventDefault()}>
                    <span className="symbol">{w.measure.symbols[0]}</span> {locale === 'zh-CN' && w.measure.titleZh ? w.measure.titleZh : w.measure.title}
                  </a>
                </td>
                <td>{t(`warningWords.states.${w.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** #/enterprises?uid=…: one enterprise, its products and markets, warnings, letters and history. */
export function EnterpriseDetail({ uid }: { uid: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { confirm, dialog } = useConfirm();
  const load = useCallback(() => api.enterprisesGet({ uid }), [api, uid]);
  const { data: e, error } = useLoad(load, useDataVersion(['enterprises'], [uid]));
  const [editing, setEditing] = useState(false);
  const back = (): void => navigate({ section: 'enterprises', id: null });

  const remove = async (): Promise<void> => {
    if (!e) return;
    const open = await api.warningsList({ enterpriseUid: uid, states: ['new', 'acknowledged', 'planned'], limit: 1 }).then(
      (r) => r.total,
      () => 0,
    );
    const ok = await confirm({ title: t(`${k}.deleteConfirm`, { name: e.name }), body: t(`${k}.deleteBody`, { count: open }), confirmLabel: t(`${k}.delete`), danger: true });
    if (!ok) return;
    try {
      await api.enterprisesDelete({ uid });
      notify(t(`${k}.deleted`, { name: e.name }));
      back();
    } catch (err) {
      reportError(err);
    }
  };

  const fieldName = (field: string): string => (field in FIELD_WORDS ? t(`enterpriseWords.${FIELD_WORDS[field as keyof typeof FIELD_WORDS]}`) : field);

  return (
    <div className="page enterprise-page">
      <BackLink href="#/enterprises" onBack={back}>
        {t(`${k}.back`)}
      </BackLink>
      {error ? <InlineError error={error.code === 'NOT_FOUND' ? { ...error, message: t(`${k}.notFound`) } : error} /> : null}
      {e ? (
        <>
          <header className="enterprise-header">
            <div>
              <h2 className="page-title">{e.name}</h2>
              <p className="enterprise-code">
                <span className="muted">{t('enterpriseWords.creditCode')}</span> <code>{e.creditCode}</code>
              </p>
            </div>
            <span className="toolbar-spacer" />
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t(`${k}.edit`)}
            </button>
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t(`${k}.delete`)}
            </button>
          </header>
          <dl className="enterprise-facts">
            <dt>{t(`${k}.region`)}</dt>
            <dd>{regionOf(e)}</dd>
            <dt>{t(`${k}.industry`)}</dt>
            <dd>{e.industry || '—'}</dd>
            <dt>{t(`${k}.contacts`)}</dt>
            <dd>
              {e.contacts.length === 0 ? (
                <span className="muted">{t(`${k}.noContacts`)}</span>
              ) : (
                <ul className="contact-list">
                  {e.contacts.map((c, i) => (
                    <li key={i}>{[c.person, c.phone, c.email].filter(Boolean).join(' · ')}</li>
                  ))}
                </ul>
              )}
            </dd>
            {e.notes ? (
              <>
                <dt>{t(`${k}.notes`)}</dt>
                <dd className="enterprise-notes">{e.notes}</dd>
              </>
            ) : null}
          </dl>

          <section className="card enterprise-exposure" aria-labelledby="enterprise-exposure-title">
            <h3 id="enterprise-exposure-title" className="card-title">
              {t(`${k}.exposure`)}
            </h3>
            {e.exposure.length === 0 ? (
              <p className="muted">{t(`${k}.noExposure`)}</p>
            ) : (
              <table className="data-table" aria-label={t(`${k}.exposureLabel`)}>
                <thead>
                  <tr>
                    <th scope="col">{t('enterpriseWords.form.marketLabel')}</th>
                    <th scope="col">{t('enterpriseWords.form.hsCode')}</th>
                    <th scope="col" className="cell-number">
                      {t('enterpriseWords.form.value')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...e.exposure]
                    .sort((a, b) => a.market.localeCompare(b.market) || a.hsCode.localeCompare(b.hsCode))
                    .map((l) => (
                      <tr key={l.uid}>
                        <td>
                          {locale === 'zh-CN' ? l.marketNameZh : l.marketNameEn} <span className="muted">{l.market}</span>
                        </td>
                        <td>
                          <code>{l.hsCode}</code>
                        </td>
                        <td className="cell-number">{l.annualExportUsd === null ? <span className="muted">{t(`${k}.valueUnknown`)}</span> : formatUsd(l.annualExportUsd, locale)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>

          <EnterpriseWarnings enterpriseUid={uid} />
          <EnterpriseLetters enterpriseUid={uid} />

          <section className="card enterprise-history" aria-labelledby="enterprise-history-title">
            <h3 id="enterprise-history-title" className="card-title">
              {t(`${k}.history`)}
            </h3>
            {e.history.length === 0 ? (
              <p className="muted">{t(`${k}.noHistory`)}</p>
            ) : (
              <table className="data-table" aria-label={t(`${k}.history`)}>
                <thead>
                  <tr>
                    {(['at', 'by', 'field', 'old', 'new'] as const).map((c) => (
                      <th key={c} scope="col">
                        {t(`${k}.historyColumns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {e.history.map((h, i) => (
                    <tr key={i}>
                      <td className="cell-date">{formatDateTime(h.at, locale)}</td>
                      <td>
                        {h.by}
                        {h.importId !== null ? <span className="cell-sub muted">{t(`${k}.fromImport`, { id: h.importId })}</span> : null}
                      </td>
                      <td>
                        {fieldName(h.field)}
                        {h.line ? <span className="cell-sub muted">{h.line}</span> : null}
                      </td>
                      <td>{h.oldValue ?? '—'}</td>
                      <td>{h.newValue ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {editing ? (
            <EnterpriseForm
              initial={draftFromEnterprise(e)}
              onCancel={() => setEditing(false)}
              onSaved={(saved) => {
                setEditing(false);
                notify(t('enterpriseWords.form.saved', { name: saved.name }));
              }}
            />
          ) : null}
        </>
      ) : null}
      {dialog}
    </div>
  );
}
