import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';
import type { ApiClient } from '../../api/client';

export function AboutBox({ info, transport }: { info: AppInfo; transport: ApiClient['kind'] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('settings.about.title')}
      </h2>
      <dl className="about">
        <dt>{t('settings.about.version')}</dt>
        <dd>{info.appVersion}</dd>
        <dt>{t('settings.about.dataDir')}</dt>
        <dd className="path">{info.dataDir}</dd>
        <dt>{t('settings.about.databasePath')}</dt>
        <dd className="path">{info.databasePath}</dd>
        <dt>{t('settings.about.schema')}</dt>
        <dd>{t('settings.about.schemaValue', { current: info.schemaVersion, latest: info.latestSchemaVersion })}</dd>
        <dt>{t('settings.about.sqlite')}</dt>
        <dd>{info.sqliteVersion}</dd>
        <dt>{t('settings.about.transport')}</dt>
        <dd>{transport === 'ipc' ? t('settings.about.transportIpc') : t('settings.about.transportHttp')}</dd>
      </dl>
    </section>
  );
}
