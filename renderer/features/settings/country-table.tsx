import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/contract';

/** The SCO reference table as the backend orders it (pinyin order of the Chinese names). */
export function CountryTable({ countries }: { countries: Country[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card card-wide" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('settings.countries.title')}
      </h2>
      <p className="hint">{t('settings.countries.hint')}</p>
      <div className="table-wrap">
        <table className="data-table data-table-compact" aria-label={t('settings.countries.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('settings.countries.columns.code')}</th>
              <th scope="col">{t('settings.countries.columns.nameZh')}</th>
              <th scope="col">{t('settings.countries.columns.nameEn')}</th>
              <th scope="col">{t('settings.countries.columns.epingName')}</th>
              <th scope="col">{t('settings.countries.columns.status')}</th>
              <th scope="col">{t('settings.countries.columns.wto')}</th>
              <th scope="col">{t('settings.countries.columns.blocs')}</th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr key={c.code}>
                <td>
                  <code>{c.code}</code>
                </td>
                <td lang="zh-CN">{c.nameZh}</td>
                <td lang="en">{c.nameEn}</td>
                <td lang="en">{c.epingName ?? '—'}</td>
                <td>
                  {c.scoStatus ? (
                    <span className={`badge badge-${c.scoStatus}`}>{t(`settings.countries.status.${c.scoStatus}`)}</span>
                  ) : (
                    t('settings.countries.status.none')
                  )}
                </td>
                <td>{c.wtoMember ? t('common.yes') : t('common.no')}</td>
                <td>{c.blocs.length ? c.blocs.join('、') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
