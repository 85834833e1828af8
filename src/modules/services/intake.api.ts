// Routes of the intake API (departments' systems push cases with their own credential) and of the
// console's management of those systems.
import { z } from 'zod';
import type { App } from '../../core/http/server.ts';
import { externalSystemInputSchema, externalSystemViewSchema, pushedCaseSchema, pushResultSchema } from './intake.schema.ts';
import { authenticateSystem, createExternalSystem, disableExternalSystem, listExternalSystems, pushCase } from './intake.service.ts';
import type { ServicesDeps } from './services.deps.ts';

/** Registers POST /api/intake/cases and /api/external-systems/*. */
export function registerIntakeRoutes(app: App, deps: ServicesDeps): void {
  app.post('/api/intake/cases', {
    schema: {
      tags: ['intake'],
      summary: '部门业务系统上报办件（幂等：同一 externalCaseId 重复上报只追加新事件）Push a case from a department system',
      description: 'Authenticate with `Authorization: Bearer zt_<prefix>_<secret>` (the credential shown once when the system is registered). The body carries the whole history so far; a repeated push adds only the events the platform has not seen. See docs/intake-api.md and examples/push-case.ts.',
      security: [{ intakeCredential: [] }],
      body: pushedCaseSchema,
      response: { 200: pushResultSchema, 201: pushResultSchema },
    },
    config: { csrf: false },
  }, async (request, reply) => {
    const system = await authenticateSystem(deps, request.headers.authorization);
    const result = await pushCase(deps, system, request.body);
    return reply.code(result.result === 'created' ? 201 : 200).send(result);
  });

  app.get('/api/external-systems', { schema: { tags: ['intake'], summary: '对接系统 External systems', response: { 200: z.object({ items: z.array(externalSystemViewSchema) }) } } }, async (request) => ({
    items: await listExternalSystems(deps, request.actor),
  }));
  app.post('/api/external-systems', {
    schema: { tags: ['intake'], summary: '登记对接系统并生成凭证（仅显示一次）Register a system and get its credential (shown once)', body: externalSystemInputSchema, response: { 200: z.object({ system: externalSystemViewSchema, credential: z.string() }) } },
  }, async (request) => createExternalSystem(deps, request.actor, request.body));
  app.post('/api/external-systems/:id/disable', { schema: { tags: ['intake'], summary: '停用对接系统 Disable a system', params: z.object({ id: z.uuid() }), response: { 200: externalSystemViewSchema } } }, async (request) =>
    disableExternalSystem(deps, request.actor, request.params.id),
  );
}
