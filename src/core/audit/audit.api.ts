// JSON routes of the audit trail for the audit administrator (docs/console-api.md § Audit): list, Excel export
// and chain verification. Looking at the trail is itself audited (audit.read / audit.export / audit.verify,
// with the filter used), in the same transaction as the read; a signed-in actor refused for lack of the
// permission leaves a `denied` record.
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/require-permission.ts';
import { isValidIsoDate, todayInChina } from '../calendar/working-days.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { MAX_EXPORT_ROWS, sendWorkbook } from '../http/excel-export.ts';
import { optionalFilter, pageOf, pageQuerySchema } from '../http/pagination.ts';
import type { App } from '../http/server.ts';
import { findAuditRecords, type AuditFilter, type AuditRow } from './audit.repository.ts';
import { recordAudit, recordAuditAlone, verifyAuditChain } from './audit.service.ts';

const AUDIT_READ = 'audit.read';
const AUDIT_VERIFY = 'audit.verify';
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const filterSchema = z.object({
  action: optionalFilter.describe('Action, or its beginning (e.g. "calendar.")'),
  actor: optionalFilter.describe('User id or name, exactly'),
  outcome: optionalFilter.pipe(z.enum(['success', 'failure', 'denied']).optional()),
  from: optionalFilter.describe('YYYY-MM-DD (from the start of that day, China time) or an ISO-8601 timestamp'),
  to: optionalFilter.describe('YYYY-MM-DD (to the end of that day, China time) or an ISO-8601 timestamp (exclusive)'),
});
type FilterQuery = z.infer<typeof filterSchema>;

const auditItemSchema = z.object({
  seq: z.int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.string().nullable(),
});

const verificationSchema = z.object({
  ok: z.boolean(),
  checked: z.int(),
  firstBroken: z.object({ seq: z.int(), reason: z.enum(['edited', 'missing_before', 'inserted_or_reordered']) }).nullable(),
});

// A date bound means a whole China day: `from` at its Beijing midnight, `to` at the next one (exclusive).
function toStoredBound(value: string | undefined, side: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  if (isValidIsoDate(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const midnight = Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS;
    return new Date(side === 'from' ? midnight : midnight + DAY_MS).toISOString();
  }
  const match = TIMESTAMP.exec(value);
  const moment = match && isValidIsoDate(match[1]) ? Date.parse(value) : NaN;
  if (!Number.isFinite(moment)) throw new AppError('INVALID_DATE');
  return new Date(moment).toISOString();
}

function toStoredFilter(query: FilterQuery): AuditFilter {
  return { action: query.action, actor: query.actor, outcome: query.outcome, from: toStoredBound(query.from, 'from'), to: toStoredBound(query.to, 'to') };
}

// What the audit record of a look at the trail says was asked for.
function describeFilter(query: FilterQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function parseStoredJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a damaged record is still shown; verification names it
  }
}

function presentRecord(row: AuditRow): z.infer<typeof auditItemSchema> {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    unitId: row.unit_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    before: parseStoredJson(row.before_json),
    after: parseStoredJson(row.after_json),
    detail: row.detail,
  };
}

const OUTCOME_LABELS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

function beijingTime(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) ? new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') : timestamp;
}

// Permission check that leaves a `denied` record when a signed-in actor without the permission tries.
async function authorize(db: Db, actor: Actor, permission: string, action: string): Promise<void> {
  try {
    requirePermission(actor, permission);
  } catch (error) {
    if (isAppError(error, 'FORBIDDEN')) await recordAuditAlone(db, actor, { action, subjectType: 'audit_log', outcome: 'denied' });
    throw error;
  }
}

/** A page of the audit trail for an actor holding audit.read; the look is itself recorded. */
async function listAuditTrail(db: Db, actor: Actor, query: FilterQuery & { page: number; pageSize: number }) {
  await authorize(db, actor, AUDIT_READ, 'audit.read');
  const { page, pageSize, ...filterQuery } = query;
  const filter = toStoredFilter(filterQuery);
  return inTransaction(db, async (tx) => {
    const { items, total } = await findAuditRecords(tx, filter, page, pageSize);
    await recordAudit(tx, actor, { action: 'audit.read', subjectType: 'audit_log', detail: JSON.stringify({ filter: describeFilter(filterQuery), page, pageSize, total }) });
    return { items: items.map(presentRecord), total, page, pageSize };
  });
}

/** Up to MAX_EXPORT_ROWS records matching the filter, newest first, as spreadsheet rows; recorded as audit.export. */
async function exportAuditTrail(db: Db, actor: Actor, query: FilterQuery): Promise<Array<Record<string, unknown>>> {
  await authorize(db, actor, AUDIT_READ, 'audit.export');
  const filter = toStoredFilter(query);
  return inTransaction(db, async (tx) => {
    const { total } = await findAuditRecords(tx, filter, 1, 1);
    if (total > MAX_EXPORT_ROWS) throw new AppError('EXPORT_TOO_MANY_ROWS', { max: MAX_EXPORT_ROWS });
    const { items } = await findAuditRecords(tx, filter, 1, MAX_EXPORT_ROWS);
    await recordAudit(tx, actor, { action: 'audit.export', subjectType: 'audit_log', detail: JSON.stringify({ filter: describeFilter(query), rows: items.length }) });
    return items.map((row) => ({
      seq: row.seq,
      occurredAt: beijingTime(row.occurred_at),
      actorName: row.actor_name ?? row.actor_id,
      unitId: row.unit_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      outcome: OUTCOME_LABELS[row.outcome] ?? row.outcome,
      ip: row.ip,
      userAgent: row.user_agent,
    }));
  });
}

/** Walks the whole hash chain for an actor holding audit.verify; the check and its result are recorded. */
async function verifyAuditTrail(db: Db, actor: Actor) {
  await authorize(db, actor, AUDIT_VERIFY, 'audit.verify');
  return inTransaction(db, async (tx) => {
    const result = await verifyAuditChain(tx);
    await recordAudit(tx, actor, { action: 'audit.verify', subjectType: 'audit_log', detail: JSON.stringify(result) });
    return result;
  });
}

const tags = ['audit'];

/** Registers /api/audit, /api/audit/export.xlsx and /api/audit/verify (audit administrator only). */
export function registerAuditRoutes(app: App, deps: { db: Db }): void {
  const { db } = deps;

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: '审计日志 The audit trail, newest first (audit.read)',
        security: [{ session: [] }],
        querystring: filterSchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(auditItemSchema) },
      },
    },
    async (request) => listAuditTrail(db, request.actor, request.query),
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出审计日志 Export the audit trail to Excel (audit.read)',
        description: `Same filters as the list; at most ${MAX_EXPORT_ROWS} rows (a bigger export is refused: narrow the filters). Times are Beijing time.`,
        security: [{ session: [] }],
        querystring: filterSchema,
      },
    },
    async (request, reply) => {
      const rows = await exportAuditTrail(db, request.actor, request.query);
      return sendWorkbook(reply, {
        fileName: `审计日志-${todayInChina(new Date())}.xlsx`,
        sheetName: '审计日志',
        columns: [
          { header: '序号', key: 'seq', width: 10 },
          { header: '时间', key: 'occurredAt', width: 20 },
          { header: '操作人', key: 'actorName', width: 14 },
          { header: '单位', key: 'unitId' },
          { header: '操作', key: 'action', width: 26 },
          { header: '对象类型', key: 'subjectType', width: 14 },
          { header: '对象', key: 'subjectId' },
          { header: '结果', key: 'outcome', width: 8 },
          { header: 'IP', key: 'ip', width: 16 },
          { header: '终端', key: 'userAgent', width: 40 },
        ],
        rows,
      });
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计链 Verify the hash chain of the audit trail (audit.verify)',
        security: [{ session: [], csrf: [] }],
        response: { 200: verificationSchema },
      },
    },
    async (request) => verifyAuditTrail(db, request.actor),
  );
}
