// Our own UI strings (antd's come from its zh_CN / en_US locales). `zh` and `en` must have identical keys.
import { createContext, useContext } from 'react';
import { zh, type MessageKey } from './messages/zh.ts';
import { en } from './messages/en.ts';

export { zh, en, type MessageKey };

export type Lang = 'zh' | 'en';


const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'zt.console.lang';

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage may be unavailable
  }
  return 'zh';
}

let current: Lang = typeof window === 'undefined' ? 'zh' : initialLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

/** The Accept-Language header value for API calls. */
export function acceptLanguage(): string {
  return current === 'en' ? 'en' : 'zh-CN';
}

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = DICTIONARIES[lang][key] ?? zh[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh',
  setLang,
  t: (key, vars) => translate(current, key, vars),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
