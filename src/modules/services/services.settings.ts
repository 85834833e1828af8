// Settings of the service hall the service-hall office may change: the layout of 实施编码 (provinces
// publish their own) and the rectification deadline after a bad rating.
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { Db } from '../../core/db/database.ts';
import { readSetting, writeSetting } from '../../core/settings/settings.repository.ts';
import { CODE_LAYOUT_SETTING, codeLayoutSchema, readCodeLayout } from './item-codes.ts';
import { DEFAULT_RATING_POLICY, RATING_POLICY_SETTING, ratingPolicySchema } from './ratings.schema.ts';
import { requirePermission } from './services.policy.ts';

export const servicesSettingsSchema = z.object({ codeLayout: codeLayoutSchema, ratingPolicy: ratingPolicySchema });
export type ServicesSettings = z.infer<typeof servicesSettingsSchema>;

/** The settings in force (defaults until changed). */
export async function readServicesSettings(db: Db, actor: Actor): Promise<ServicesSettings> {
  requirePermission(actor, 'services.items.review');
  const policy = ratingPolicySchema.safeParse(await readSetting(db, RATING_POLICY_SETTING));
  return { codeLayout: await readCodeLayout(db), ratingPolicy: policy.success ? policy.data : DEFAULT_RATING_POLICY };
}

/** Replaces the settings; items keep their codes until they are next saved. */
export async function writeServicesSettings(db: Db, actor: Actor, input: ServicesSettings, now = new Date()): Promise<ServicesSettings> {
  requirePermission(actor, 'services.items.review');
  const before = await readServicesSettings(db, actor);
  await db.transaction().execute(async (tx) => {
    await writeSetting(tx, CODE_LAYOUT_SETTING, input.codeLayout, actor.userId);
    await writeSetting(tx, RATING_POLICY_SETTING, input.ratingPolicy, actor.userId);
    await recordAudit(tx, actor, { action: 'services.settings.change', subjectType: 'setting', subjectId: 'services', before, after: input }, now);
  });
  return readServicesSettings(db, actor);
}
