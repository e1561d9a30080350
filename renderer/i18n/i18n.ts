import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contract';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The name of each language in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文（简体）', en: 'English' };

/**
 * A fresh i18next instance: the app makes one at start-up and each component test its own, so
 * a language switch in one test cannot leak into the next.
 */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    // Resources are bundled, so initialisation can finish before the first render.
    initAsync: false,
  });
  return instance;
}
