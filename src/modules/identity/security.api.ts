// The security admin's policy endpoints.
import type { Db } from '../../core/db/database.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { writeSetting } from '../../core/settings/settings.repository.ts';
import type { App } from '../../core/http/server.ts';
import { requirePermission } from './identity.policy.ts';
import { getSecurityPolicy, securityPolicySchema, SECURITY_POLICY_KEY } from './security-policy.ts';

/** Registers /api/security/policy. */
export function registerSecurityRoutes(app: App, deps: { db: Db }): void {
  app.get('/api/security/policy', { schema: { tags: ['security'], summary: '安全策略 Security policy', response: { 200: securityPolicySchema } } }, async (request) => {
    requirePermission(request.actor, 'security.policy.manage');
    return getSecurityPolicy(deps.db);
  });
  app.put('/api/security/policy', { schema: { tags: ['security'], summary: '设置安全策略 Set the security policy', body: securityPolicySchema, response: { 200: securityPolicySchema } } }, async (request) => {
    requirePermission(request.actor, 'security.policy.manage');
    await deps.db.transaction().execute(async (tx) => {
      const before = await getSecurityPolicy(tx);
      await writeSetting(tx, SECURITY_POLICY_KEY, request.body, request.actor.userId);
      await recordAudit(tx, request.actor, { action: 'security.policy.update', subjectType: 'setting', subjectId: SECURITY_POLICY_KEY, before, after: request.body });
    });
    return getSecurityPolicy(deps.db);
  });
}
