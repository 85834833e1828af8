// The portal's message tables, one per language, and the lookup the pages and templates use (as `t`).
import type { Language } from './portal.language.ts';
import { en } from './portal.messages.en.ts';
import { zh, type PortalMessages } from './portal.messages.zh.ts';

export type { PortalMessages };

const TABLES: Record<Language, PortalMessages> = { zh, en };

/** The portal's UI text in the given language. */
export function portalMessages(language: Language): PortalMessages {
  return TABLES[language];
}
