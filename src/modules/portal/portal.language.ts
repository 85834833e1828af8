// The public site's language: Chinese first, English when the visitor chose it. The choice is the `zt_lang`
// cookie (the same cookie core/http reads for error messages), set by the header's "English / 中文" links
// through ?lang=, so it works without JavaScript exactly like 长者模式. The browser's Accept-Language is not
// consulted: a Chinese government site speaks Chinese unless asked otherwise.
import type { Language } from '../../core/errors/app-error.ts';

export type { Language };

export const LANGUAGE_COOKIE = 'zt_lang';

/** Returns the language named by a `lang` query value, or null when the value is absent or unknown. */
export function parseLanguage(value: unknown): Language | null {
  return value === 'zh' || value === 'en' ? value : null;
}

/** Reads the language from a raw Cookie header; anything but zt_lang=en means Chinese. */
export function languageFromCookie(cookieHeader: string | undefined): Language {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === LANGUAGE_COOKIE) return parseLanguage(part.slice(eq + 1).trim()) ?? 'zh';
  }
  return 'zh';
}

/** Builds the Set-Cookie value that remembers the language for a year on the whole site. */
export function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax; Max-Age=31536000`;
}

/** The value of <html lang> for a language. */
export function htmlLangOf(language: Language): string {
  return language === 'en' ? 'en' : 'zh-CN';
}
