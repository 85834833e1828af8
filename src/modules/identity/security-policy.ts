// The security policy the security admin sets (GB/T 22239-2019 level 3). Defaults come from DOMAIN.md; the
// values are bounded so nobody can switch protection off by setting a zero.
import { z } from 'zod';
import type { DbExecutor } from '../../core/db/database.ts';
import { readSetting } from '../../core/settings/settings.repository.ts';

export const securityPolicySchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(2).max(4),
  passwordRotationDays: z.number().int().min(7).max(365),
  passwordHistory: z.number().int().min(0).max(24),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(120),
  absoluteTimeoutHours: z.number().int().min(1).max(24),
});

export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const defaultSecurityPolicy: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordRotationDays: 90,
  passwordHistory: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

export const SECURITY_POLICY_KEY = 'security.policy';

/** The policy in force: the stored one over the defaults. */
export async function getSecurityPolicy(db: DbExecutor): Promise<SecurityPolicy> {
  const stored = await readSetting<Partial<SecurityPolicy>>(db, SECURITY_POLICY_KEY);
  return { ...defaultSecurityPolicy, ...(stored ?? {}) };
}
