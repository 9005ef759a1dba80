import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatNumber, formatValue, type Lang, type Unit } from './numbers-dates.js';
import { EN, RU, type MessageKey } from './strings.js';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The UI string in the current language, with `{name}` placeholders filled. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  num(value: number, options?: Intl.NumberFormatOptions): string;
  value(value: unknown, unit: Unit): string;
  date(text: string): string;
}

const STRINGS: Record<Lang, Record<MessageKey, string>> = { en: EN, ru: RU };
const STORAGE_KEY = 'clientele.lang';

const I18nContext = createContext<I18n | undefined>(undefined);

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') return stored;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const i18n = useMemo<I18n>(() => {
    const strings = STRINGS[lang];
    return {
      lang,
      setLang,
      t: (key, vars) =>
        strings[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          vars && name in vars ? String(vars[name]) : whole,
        ),
      num: (value, options) => formatNumber(value, lang, options),
      value: (value, unit) => formatValue(value, unit, lang),
      date: (text) => formatDate(text, lang),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
