// The user's language: a `zt_lang` cookie set by the UI wins, then Accept-Language; Chinese by default.
import type { Language } from '../errors/app-error.ts';

/** Picks zh or en from a cookie value and an Accept-Language header. */
export function pickLanguage(cookieValue: string | undefined, acceptLanguage: string | undefined): Language {
  if (cookieValue === 'en' || cookieValue === 'zh') return cookieValue;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
