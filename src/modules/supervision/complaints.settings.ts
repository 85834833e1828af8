// The complaint reply deadline (working days), a setting the supervising office's rule managers may change;
// a stored value that no longer parses falls back to the default rather than stop complaints.
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { readSetting, writeSetting } from '../../core/settings/settings.repository.ts';
import { COMPLAINT_POLICY_SETTING, complaintPolicySchema, DEFAULT_COMPLAINT_POLICY, type ComplaintPolicy } from './complaints.schema.ts';
import { isOverseer, requireRulesManager } from './supervision.policy.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

/** The policy in force (the default until changed). */
export async function readComplaintPolicy(db: DbExecutor): Promise<ComplaintPolicy> {
  const stored = complaintPolicySchema.safeParse(await readSetting(db, COMPLAINT_POLICY_SETTING));
  return stored.success ? stored.data : DEFAULT_COMPLAINT_POLICY;
}

/** The policy, for overseers and rule managers. */
export async function getComplaintPolicy(deps: SupervisionDeps, actor: Actor): Promise<ComplaintPolicy> {
  if (!isOverseer(actor)) requireRulesManager(actor);
  return readComplaintPolicy(deps.db);
}

/** Replaces the policy; complaints already received keep their due dates. */
export async function changeComplaintPolicy(deps: SupervisionDeps, actor: Actor, input: ComplaintPolicy): Promise<ComplaintPolicy> {
  requireRulesManager(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const before = await readComplaintPolicy(tx);
    await writeSetting(tx, COMPLAINT_POLICY_SETTING, input, actor.userId);
    await recordAudit(tx, actor, { action: 'supervision.complaint_policy.change', subjectType: 'setting', subjectId: COMPLAINT_POLICY_SETTING, before, after: input }, now);
  });
  return readComplaintPolicy(deps.db);
}
