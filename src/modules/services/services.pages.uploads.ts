// Multipart forms of the hall's pages (application, supplement): the fields, and each chosen file stored as
// the applicant's upload. The form's `_csrf` field is checked before anything is stored, and the caller may
// decide, from the fields sent before the first file, that nothing is to be stored (a repeated application).
//
// Files are stored with core/files storeUpload (type allow-list, content-addressed store, audit
// record) as the signed-in applicant's fresh uploads, exactly as POST /api/files stores them.
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { isAppError, type Language } from '../../core/errors/app-error.ts';
import { describeError } from '../../core/errors/error-codes.ts';
import { storeUpload, UPLOAD_OWNER_TYPE } from '../../core/files/index.ts';
import { formatMessage } from '../../core/i18n/format-message.ts';
import { assertFormCsrfToken, CSRF_FORM_FIELD } from '../../core/http/server.ts';
import type { ServicesDeps } from './services.deps.ts';
import { hallTextOf } from './services.pages.common.ts';

export interface PageUpload {
  /** The form field the file came in. */
  fieldname: string;
  fileName: string;
  /** The stored upload's id, or null when it was refused (then `error` says why). */
  fileId: string | null;
  error: string;
}

export interface PageMultipartForm {
  fields: Map<string, string[]>;
  uploads: PageUpload[];
  /** True when `decideUploads` said no: the files were read and dropped, none stored. */
  uploadsSkipped: boolean;
}

export interface PageMultipartOptions {
  maxFiles: number;
  /**
   * Asked once, with the fields sent so far (a browser sends fields in the form's order, so the hidden fields
   * at its top), when the first file arrives or, without files, at the end; false stores none of the files.
   */
  decideUploads?: (fields: Map<string, string[]>) => Promise<boolean>;
}

/** The first value of a multipart field, trimmed; '' when absent. */
export function firstField(form: PageMultipartForm, name: string): string {
  return (form.fields.get(name)?.[0] ?? '').trim();
}

async function discard(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // Read to the end so the next part can be parsed.
  }
}

async function storeAsUpload(deps: Pick<ServicesDeps, 'db' | 'store'>, request: FastifyRequest, language: Language, fileName: string, content: Buffer): Promise<{ id: string; originalName: string } | { error: string }> {
  try {
    const stored = await storeUpload(deps.db, deps.store, request.actor, { ownerType: UPLOAD_OWNER_TYPE, ownerId: request.actor.userId ?? '', originalName: fileName, stream: Readable.from([content]), maxBytes: Math.max(1, content.length) });
    return { id: stored.id, originalName: stored.originalName };
  } catch (error) {
    if (isAppError(error)) return { error: describeError(error.code, language, error.params).message };
    throw error;
  }
}

/**
 * Reads a multipart page form: text fields, and each non-empty file stored as the signed-in applicant's upload
 * (refused files carry their message in the page's language). Throws CSRF_INVALID before storing anything when
 * `_csrf` is wrong; stores nothing when `decideUploads` says so.
 */
export async function readPageMultipartForm(deps: Pick<ServicesDeps, 'db' | 'store'>, request: FastifyRequest, options: PageMultipartOptions): Promise<PageMultipartForm> {
  const { language, t } = hallTextOf(request);
  const fields = new Map<string, string[]>();
  const uploads: PageUpload[] = [];
  let csrfChecked = false;
  const checkCsrf = () => {
    if (csrfChecked) return;
    assertFormCsrfToken(request, fields.get(CSRF_FORM_FIELD)?.[0]);
    csrfChecked = true;
  };
  let storing: boolean | null = null;
  const decide = async (): Promise<boolean> => {
    storing ??= options.decideUploads ? await options.decideUploads(fields) : true;
    return storing;
  };
  // throwFileSizeLimit: an oversize file becomes that file's message, not the end of the whole form.
  const parseOptions = { limits: { files: options.maxFiles, fields: 300, fieldSize: 20_000, parts: options.maxFiles + 300 }, throwFileSizeLimit: false };
  const parts = request.parts(parseOptions);
  for await (const part of parts) {
    if (part.type === 'field') {
      fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), typeof part.value === 'string' ? part.value : String(part.value)]);
      continue;
    }
    checkCsrf();
    // An empty file input still sends a part, without a name and without content.
    if (!part.filename || !(await decide())) {
      await discard(part.file);
      continue;
    }
    const content = await part.toBuffer();
    if (part.file.truncated) {
      uploads.push({ fieldname: part.fieldname, fileName: part.filename, fileId: null, error: formatMessage(t.formProblems.fileTooLarge, { file: part.filename }) });
      continue;
    }
    const stored = await storeAsUpload(deps, request, language, part.filename, content);
    uploads.push('id' in stored
      ? { fieldname: part.fieldname, fileName: stored.originalName, fileId: stored.id, error: '' }
      : { fieldname: part.fieldname, fileName: part.filename, fileId: null, error: formatMessage(t.formProblems.fileRefused, { file: part.filename, reason: stored.error }) });
  }
  checkCsrf();
  return { fields, uploads, uploadsSkipped: !(await decide()) };
}

/** Reads a hall page's multipart form with the hall's file store, for pages other modules add to the hall. */
export type PageFormReader = (request: FastifyRequest, options: PageMultipartOptions) => Promise<PageMultipartForm>;

const formReadersByApp = new WeakMap<object, PageFormReader>();

/** Makes the hall's multipart form reading (its file store, upload rules and messages) available on this app. */
export function providePageForms(app: object, deps: Pick<ServicesDeps, 'db' | 'store'>): void {
  formReadersByApp.set(app, (request, options) => readPageMultipartForm(deps, request, options));
}

/** The hall's multipart form reader of an app whose hall pages are registered; throws when they are not. */
export function pageFormsOf(app: object): PageFormReader {
  const reader = formReadersByApp.get(app);
  if (!reader) throw new Error('The service hall pages are not registered on this app');
  return reader;
}
