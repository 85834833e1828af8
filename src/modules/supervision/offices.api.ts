// Which unit supervises which part of the organisation (分级授权、分层监察): each level's supervising office
// (a county's 纪委监委, a city's 监察局, a service-hall office) watches one unit and everything below it. The
// system administrator keeps this register with the organisation tree (identity.org.manage).
import { z } from 'zod';
import { hasPermission, type Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { App } from '../../core/http/server.ts';
import { findUnitFacts } from '../identity/index.ts';
import { isOverseer } from './supervision.policy.ts';
import { deleteSupervisionOffice, findSupervisionOffices, saveSupervisionOffice } from './supervision.repository.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const ORG_MANAGE = 'identity.org.manage';

export const officeViewSchema = z.object({ officeUnitId: z.string(), officeUnitName: z.string(), supervisedUnitId: z.string(), supervisedUnitName: z.string(), createdAt: z.string() });
const officeInputSchema = z.object({ supervisedUnitId: z.uuid() }).strict();

function requireOrgManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !hasPermission(actor, ORG_MANAGE)) throw new AppError('FORBIDDEN');
}

/** The register; for the system administrator and the overseers. */
export async function listOffices(deps: SupervisionDeps, actor: Actor) {
  if (!isOverseer(actor)) requireOrgManager(actor);
  const rows = await findSupervisionOffices(deps.db);
  return rows.map((row) => ({ officeUnitId: row.office_unit_id, officeUnitName: row.office_name, supervisedUnitId: row.supervised_unit_id, supervisedUnitName: row.supervised_name, createdAt: row.created_at }));
}

/** Makes a unit the supervising office of another unit and everything below it (replacing what it watched). */
export async function setOffice(deps: SupervisionDeps, actor: Actor, officeUnitId: string, supervisedUnitId: string) {
  requireOrgManager(actor);
  const [office, supervised] = await Promise.all([findUnitFacts(deps.db, officeUnitId), findUnitFacts(deps.db, supervisedUnitId)]);
  if (!office || !supervised) throw new AppError('SUPERVISION_OFFICE_UNIT_UNKNOWN');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    await saveSupervisionOffice(tx, { office_unit_id: officeUnitId, supervised_unit_id: supervisedUnitId, created_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'supervision.office.set', subjectType: 'unit', subjectId: officeUnitId, after: { supervisedUnitId } }, now);
  });
  return (await listOffices(deps, actor)).find((row) => row.officeUnitId === officeUnitId)!;
}

/** Ends a unit's role as a supervising office. */
export async function removeOffice(deps: SupervisionDeps, actor: Actor, officeUnitId: string): Promise<void> {
  requireOrgManager(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteSupervisionOffice(tx, officeUnitId))) throw new AppError('SUPERVISION_OFFICE_NOT_FOUND');
    await recordAudit(tx, actor, { action: 'supervision.office.remove', subjectType: 'unit', subjectId: officeUnitId }, now);
  });
}

/** Registers /api/supervision/offices. */
export function registerOfficeRoutes(app: App, deps: SupervisionDeps): void {
  const params = z.object({ officeUnitId: z.uuid() });
  app.get('/api/supervision/offices', { schema: { tags: ['supervision'], summary: '监察机构及其监察范围 Supervising offices', response: { 200: z.object({ items: z.array(officeViewSchema) }) } } }, async (request) => ({ items: await listOffices(deps, request.actor) }));
  app.put('/api/supervision/offices/:officeUnitId', { schema: { tags: ['supervision'], summary: '设置监察机构 Make a unit a supervising office', params, body: officeInputSchema, response: { 200: officeViewSchema } } }, async (request) =>
    setOffice(deps, request.actor, request.params.officeUnitId, request.body.supervisedUnitId),
  );
  app.delete('/api/supervision/offices/:officeUnitId', { schema: { tags: ['supervision'], summary: '取消监察机构 End a supervising office', params, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request) => {
    await removeOffice(deps, request.actor, request.params.officeUnitId);
    return { deleted: true as const };
  });
}
