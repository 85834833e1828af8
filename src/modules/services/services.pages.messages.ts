// The service hall pages' message tables, one per language: the page code formats its titles and messages
// from them, and the templates read them as `t.hall`.
import type { Language } from '../../core/errors/app-error.ts';
import { en } from './services.pages.messages.en.ts';
import { zh, type HallMessages } from './services.pages.messages.zh.ts';

export type { HallMessages, Language };

const TABLES: Record<Language, HallMessages> = { zh, en };

/** The hall pages' text in the given language. */
export function hallMessages(language: Language): HallMessages {
  return TABLES[language];
}
