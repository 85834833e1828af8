// 监察日志: every action of a supervising office (reviews, rules, the risk register, tasks, complaints) is an
// audit record in the tamper-evident chain; this is the office's own view of its part of it. An office sees
// what its own staff did; an overseer granted everything sees every office's actions.
import { z } from 'zod';
import { widestScope, type Actor } from '../../core/auth/actor.ts';
import { findAuditRecords } from '../../core/audit/audit.repository.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { pageOf, pageQuerySchema } from '../../core/http/pagination.ts';
import type { App } from '../../core/http/server.ts';
import { isOverseer, OVERSEE_PERMISSION } from './supervision.policy.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export const supervisionLogEntrySchema = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.string(),
  detail: z.string().nullable(),
});

/** A page of the supervision log the actor may read, newest first. */
export async function findSupervisionLog(deps: SupervisionDeps, actor: Actor, page: number, pageSize: number) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isOverseer(actor)) throw new AppError('FORBIDDEN');
  const everything = widestScope(actor, OVERSEE_PERMISSION) === 'all';
  const { items, total } = await findAuditRecords(deps.db, { action: 'supervision.', unitId: everything ? undefined : (actor.unitId ?? '-') }, page, pageSize);
  return {
    items: items.map((row) => ({ seq: Number(row.seq), occurredAt: row.occurred_at, actorName: row.actor_name, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, outcome: row.outcome, detail: row.detail })),
    total,
  };
}

/** Registers GET /api/supervision/log. */
export function registerSupervisionLogRoutes(app: App, deps: SupervisionDeps): void {
  app.get('/api/supervision/log', { schema: { tags: ['supervision'], summary: '监察日志 The supervising office’s own actions', querystring: pageQuerySchema, response: { 200: pageOf(supervisionLogEntrySchema) } } }, async (request) => {
    const { page, pageSize } = request.query;
    return { ...(await findSupervisionLog(deps, request.actor, page, pageSize)), page, pageSize };
  });
}
