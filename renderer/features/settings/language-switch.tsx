import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../../shared/contract';
import { LOCALE_NAMES } from '../../i18n/i18n';
import { useAppStore } from '../../stores/app-store-context';

/** Takes effect at once and is stored, so the next start opens in the same language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('settings.language.title')}
      </h2>
      <div className="form-row">
        <label htmlFor={id}>{t('settings.language.label')}</label>
        <select
          id={id}
          value={locale}
          onChange={(e) => {
            const next = Locale.options.find((l) => l === e.target.value);
            if (next) void setLocale(next);
          }}
        >
          {Locale.options.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
