// Routes of the Excel import and export of the item catalogue.
import './items-excel.errors.ts';
import type { FastifyRequest } from 'fastify';
import { todayInChina } from '../../core/calendar/working-days.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { attachmentDisposition, XLSX_CONTENT_TYPE } from '../../core/http/excel-export.ts';
import type { App } from '../../core/http/server.ts';
import { exportCatalogue } from './items-excel.export.ts';
import { defineImportItemsJob } from './items-excel.jobs.ts';
import { importIdParamsSchema, itemImportViewSchema } from './items-excel.schema.ts';
import { getItemImport, IMPORT_MAX_BYTES, startItemImport } from './items-excel.service.ts';
import { itemFilterSchema } from './service-items.schema.ts';
import type { ServicesDeps } from './services.deps.ts';
import { requirePermission } from './services.policy.ts';

const tags = ['services'];

type MultipartFile = NonNullable<Awaited<ReturnType<FastifyRequest['file']>>>;

// Reads and drops what is left of a refused upload, so the request ends cleanly and the connection stays usable.
function discardRest(part: MultipartFile): void {
  if (!part.file.readableEnded && !part.file.destroyed) part.file.resume();
}

/** Registers the catalogue's Excel export and import routes. */
export function registerItemExcelRoutes(app: App, deps: ServicesDeps): void {
  const { db } = deps;
  const importJob = defineImportItemsJob(deps);

  app.get(
    '/api/service-items/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出事项目录 Export the item catalogue to Excel',
        description: 'Same filters and scope as GET /api/service-items. Sheets 事项 (one row per item), 申请材料 and 收费; the file can be imported back as is.',
        querystring: itemFilterSchema,
        produces: [XLSX_CONTENT_TYPE],
      },
    },
    async (request, reply) => {
      const bytes = await exportCatalogue(db, request.actor, request.query);
      reply.header('Content-Type', XLSX_CONTENT_TYPE);
      reply.header('Content-Disposition', attachmentDisposition(`事项目录-${todayInChina(deps.now())}.xlsx`));
      reply.header('Cache-Control', 'no-store');
      return reply.send(bytes);
    },
  );

  app.post(
    '/api/service-items/imports',
    {
      schema: {
        tags,
        summary: '导入事项目录 Import items from Excel (multipart field `file`; services.items.edit)',
        description: 'Checks the workbook layout at once (400 when it is not the catalogue workbook), then checks and writes the rows in the background: poll GET /api/service-items/imports/:id.',
        consumes: ['multipart/form-data'],
        response: { 202: itemImportViewSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous' || actor.userId === null) throw new AppError('UNAUTHENTICATED');
      requirePermission(actor, 'services.items.edit');
      if (!request.isMultipart()) throw new AppError('ITEM_IMPORT_NOT_EXCEL');
      const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      let bytes: Buffer;
      try {
        if (part.fieldname !== 'file') throw new AppError('FILE_MISSING');
        bytes = await part.toBuffer();
      } catch (error) {
        discardRest(part);
        if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { limit: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` });
        throw error;
      }
      const view = await startItemImport(deps, actor, { fileName: part.filename || '事项导入.xlsx', bytes }, importJob);
      return reply.code(202).send(view);
    },
  );

  app.get(
    '/api/service-items/imports/:id',
    { schema: { tags, summary: '导入进度与报告 Progress and report of an import', params: importIdParamsSchema, response: { 200: itemImportViewSchema } } },
    async (request) => getItemImport(deps, request.actor, request.params.id),
  );
}
