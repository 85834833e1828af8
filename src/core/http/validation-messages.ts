// Turns schema validation failures into field messages in the user's language, using zod's own locales for
// generic checks and the error table for the platform's own codes (e.g. INVALID_RESIDENT_ID).
import { z } from 'zod';
import type { Language, ValidationIssue } from '../errors/app-error.ts';
import { describeError, isKnownErrorCode } from '../errors/error-codes.ts';

const locales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

interface FastifyValidationItem {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

// A schema's own message: Chinese, " / ", then English without Chinese characters.
const BILINGUAL_MESSAGE = /^(.*[\u4e00-\u9fff].*?) \/ ([^\u4e00-\u9fff]+)$/;

/** Field messages for the issues fastify-type-provider-zod reports. */
export function translateValidationIssues(items: FastifyValidationItem[], language: Language): ValidationIssue[] {
  return items.map((item) => {
    const path = item.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const original = item.message ?? '';
    if (isKnownErrorCode(original)) return { path, message: describeError(original, language).message };
    // Messages a schema wrote itself are bilingual ("中文 / English"); they say more than zod's generic ones.
    const bilingual = BILINGUAL_MESSAGE.exec(original);
    if (bilingual) return { path, message: (language === 'en' ? bilingual[2] : bilingual[1]) ?? original };
    const localeError = locales[language] as unknown as (issue: unknown) => string | { message: string } | undefined;
    const localised = localeError({ code: item.keyword, ...item.params, path: path.split('.'), input: undefined, message: original });
    const message = typeof localised === 'string' ? localised : localised?.message;
    return { path, message: message && !message.includes('undefined') ? message : original };
  });
}
