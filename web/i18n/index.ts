// vue-i18n set-up: zh-CN by default, English available; the choice is remembered per browser.
import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN.ts';
import en from './en.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'shouwang.locale';

export const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch { /* storage may be blocked; fall back to the default */ }
  return 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the UI language, the document's `lang` and the remembered choice. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try { localStorage.setItem(STORAGE_KEY, locale); } catch { /* not remembered, still switched */ }
}
