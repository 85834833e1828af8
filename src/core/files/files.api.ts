// JSON routes of stored files: upload (multipart, one `file` part), metadata, and the download itself.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { AppError, type Language } from '../errors/app-error.ts';
import type { App } from '../http/server.ts';
import type { BlobStore } from './blob-store.ts';
import { contentDisposition, ensureExtension } from './file-names.ts';
import { UPLOAD_OWNER_TYPE } from './file-owners.ts';
import { fileTooLargeError } from './files.errors.ts';
import { fileIdParamsSchema, fileMetadataSchema, uploadFieldsSchema, type UploadFields } from './files.schema.ts';
import { getFile, openDownload, storeUpload } from './files.service.ts';

export interface FileRouteOptions {
  db: Db;
  store: BlobStore;
  maxUploadBytes: number;
}

type MultipartFile = NonNullable<Awaited<ReturnType<FastifyRequest['file']>>>;
type FilePartStream = MultipartFile['file'];

const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

// The optional form fields that came before the file part; an empty field counts as absent.
function parseUploadFields(fields: MultipartFile['fields'], language: Language): UploadFields {
  const values: Record<string, unknown> = {};
  for (const name of ['ownerType', 'ownerId'] as const) {
    const field = fields[name];
    if (field === undefined) continue;
    const value = !Array.isArray(field) && field.type === 'field' ? field.value : null;
    if (value !== '') values[name] = value;
  }
  const result = uploadFieldsSchema.safeParse(values, { error: localeErrors[language] });
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', {}, result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  return result.data;
}

// The part's bytes, failing with FILE_TOO_LARGE when the multipart limit cut it short, so the store keeps nothing.
// The part is not destroyed when the consumer stops early: the route drains it instead (see discardRest).
async function* withinLimit(file: FilePartStream, maxBytes: number): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file.iterator({ destroyOnReturn: false })) yield chunk as Uint8Array;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLargeError(maxBytes);
    throw error;
  }
  if (file.truncated) throw fileTooLargeError(maxBytes);
}

// Reads and drops what is left of a refused upload, so the request ends cleanly and the connection stays usable.
function discardRest(file: FilePartStream): void {
  if (!file.readableEnded && !file.destroyed) file.resume();
}

// Downloaded text is always declared UTF-8: that is the only text the upload accepts.
function contentTypeHeader(mimeType: string): string {
  return mimeType.startsWith('text/') ? `${mimeType}; charset=utf-8` : mimeType;
}

/** Registers POST /api/files, GET /api/files/:id and GET /api/files/:id/content. */
export function registerFileRoutes(app: App, options: FileRouteOptions): void {
  const { db, store, maxUploadBytes } = options;

  app.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart field `file`; optional `ownerType`, `ownerId` sent before it)',
        consumes: ['multipart/form-data'],
        response: { 201: fileMetadataSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous' || actor.userId === null) throw new AppError('UNAUTHENTICATED');
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file({ limits: { fileSize: maxUploadBytes, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      try {
        if (part.fieldname !== 'file') throw new AppError('FILE_MISSING');
        const fields = parseUploadFields(part.fields, request.language);
        const stored = await storeUpload(db, store, actor, {
          ownerType: fields.ownerType ?? UPLOAD_OWNER_TYPE,
          ownerId: fields.ownerId ?? actor.userId,
          originalName: part.filename,
          stream: withinLimit(part.file, maxUploadBytes),
          maxBytes: maxUploadBytes,
        });
        return reply.code(201).send(stored);
      } catch (error) {
        discardRest(part.file);
        throw error;
      }
    },
  );

  app.get(
    '/api/files/:id',
    { schema: { tags: ['files'], summary: 'Metadata of a file', params: fileIdParamsSchema, response: { 200: fileMetadataSchema } } },
    async (request) => getFile(db, request.actor, request.params.id),
  );

  app.get(
    '/api/files/:id/content',
    { schema: { tags: ['files'], summary: 'Download a file (always as an attachment)', params: fileIdParamsSchema } },
    async (request, reply) => {
      const download = await openDownload(db, store, request.actor, request.params.id);
      return reply
        .code(200)
        .header('content-type', contentTypeHeader(download.file.mimeType))
        .header('content-length', String(download.file.size))
        .header('content-disposition', contentDisposition(ensureExtension(download.file.originalName, download.extension)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(download.stream);
    },
  );
}
