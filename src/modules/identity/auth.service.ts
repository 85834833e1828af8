// Sign-in as a short sequence of stages on one database-stored session: password → one-time code (or
// enrolment, which admin roles cannot skip) → password change when required → done. Failures count towards
// the lockout and every attempt is audited.
import { randomBytes } from 'node:crypto';
import { anonymousActor, type Actor, type AdminRole } from '../../core/auth/actor.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/auth/password.ts';
import { hashSessionToken, newSessionToken } from '../../core/auth/session-token.ts';
import { describeTotpEnrolment, newTotpSecret, verifyTotpCode } from '../../core/auth/totp.ts';
import { recordAudit, recordAuditAlone } from '../../core/audit/audit.service.ts';
import type { Db } from '../../core/db/database.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { buildActor, findAdminRole } from './actor-builder.ts';
import type { SessionRow, UserRow } from './identity.tables.ts';
import { getSecurityPolicy, type SecurityPolicy } from './security-policy.ts';
import { findSessionWithUser, insertSession, revokeUserSessions, updateSession } from './sessions.repository.ts';
import { findRecentPasswordHashes, findUserByUsername, insertPasswordHistory, updateUser } from './users.repository.ts';

export type SignInStage = 'totp' | 'enrol_totp' | 'change_password' | 'done';

export interface AuthDeps {
  db: Db;
  now: () => Date;
}

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

// A real hash of a random password: unknown usernames cost as much time as wrong passwords.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));
const LAST_SEEN_WRITE_INTERVAL_MS = 30_000;

function attemptActor(user: UserRow | undefined, username: string, info: RequestInfo): Actor {
  return { ...anonymousActor(info.ip, info.userAgent), userId: user?.id ?? null, name: user?.display_name ?? username.slice(0, 64), unitId: user?.unit_id ?? null };
}

/** True when the password is older than the rotation period. */
export function isPasswordExpired(user: Pick<UserRow, 'password_changed_at'>, policy: SecurityPolicy, now: Date): boolean {
  return now.getTime() - Date.parse(user.password_changed_at) > policy.passwordRotationDays * 86_400_000;
}

/** The stage a session is at, from the user's state, their admin role and what the session has passed. */
export function computeStage(user: UserRow, session: SessionRow, policy: SecurityPolicy, adminRole: AdminRole | null, now: Date): SignInStage {
  if (user.totp_enabled === 1 && session.totp_passed !== 1) return 'totp';
  if (user.totp_enabled !== 1 && adminRole !== null) return 'enrol_totp';
  if (user.must_change_password === 1 || isPasswordExpired(user, policy, now)) return 'change_password';
  return 'done';
}

async function registerFailure(deps: AuthDeps, user: UserRow, policy: SecurityPolicy, actor: Actor, action: string): Promise<AppError> {
  const now = deps.now();
  const attempts = user.failed_attempts + 1;
  const locks = attempts >= policy.lockoutThreshold;
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, locks ? { failed_attempts: 0, locked_until: toTimestamp(now.getTime() + policy.lockoutMinutes * 60_000) } : { failed_attempts: attempts });
    await recordAudit(tx, actor, { action, subjectType: 'user', subjectId: user.id, outcome: 'failure', detail: locks ? `locked after ${attempts} failures` : `failure ${attempts}` }, now);
  });
  return locks ? new AppError('ACCOUNT_LOCKED', { minutes: policy.lockoutMinutes }) : new AppError(action === 'auth.totp' ? 'TOTP_INVALID' : 'INVALID_CREDENTIALS');
}

function ensureUsable(user: UserRow, now: Date): void {
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000)) });
  }
}

/** Checks username and password and opens a session at its first stage; returns the cookie token. */
export async function signIn(deps: AuthDeps, info: RequestInfo, input: { username: string; password: string; kind: UserRow['kind'] }): Promise<{ token: string; sessionId: string; stage: SignInStage; user: UserRow; csrfToken: string }> {
  const now = deps.now();
  const policy = await getSecurityPolicy(deps.db);
  const found = await findUserByUsername(deps.db, input.username);
  const user = found?.kind === input.kind ? found : undefined;
  const actor = attemptActor(user, input.username, info);
  if (!user) {
    await verifyPassword(input.password, await decoyHash);
    await recordAuditAlone(deps.db, actor, { action: 'auth.sign_in', subjectType: 'user', outcome: 'failure', detail: 'unknown username' });
    throw new AppError('INVALID_CREDENTIALS');
  }
  try {
    ensureUsable(user, now);
  } catch (error) {
    await recordAuditAlone(deps.db, actor, { action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, outcome: 'denied', detail: (error as AppError).code });
    throw error;
  }
  if (!(await verifyPassword(input.password, user.password_hash))) throw await registerFailure(deps, user, policy, actor, 'auth.sign_in');

  const token = newSessionToken();
  const session: SessionRow = {
    id: hashSessionToken(token),
    user_id: user.id,
    csrf_token: randomBytes(24).toString('base64url'),
    totp_passed: 0,
    pending_totp_secret: null,
    created_at: toTimestamp(now),
    last_seen_at: toTimestamp(now),
    expires_at: toTimestamp(now.getTime() + policy.absoluteTimeoutHours * 3_600_000),
    revoked_at: null,
    ip: info.ip,
    user_agent: info.userAgent?.slice(0, 400) ?? null,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertSession(tx, session);
    await updateUser(tx, user.id, { failed_attempts: 0, locked_until: null, last_sign_in_at: toTimestamp(now) });
    await recordAudit(tx, { ...actor, sessionId: session.id }, { action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, detail: 'password accepted' }, now);
  });
  const stage = computeStage(user, session, policy, await findAdminRole(deps.db, user.id), now);
  return { token, sessionId: session.id, stage, user, csrfToken: session.csrf_token };
}

export interface LiveSession {
  session: SessionRow;
  user: UserRow;
  stage: SignInStage;
  policy: SecurityPolicy;
  adminRole: AdminRole | null;
}

/** The live session for a cookie token, or null when missing, revoked, idle too long or past its absolute end. */
export async function loadSession(deps: AuthDeps, token: string): Promise<LiveSession | null> {
  if (!token || token.length > 100) return null;
  const found = await findSessionWithUser(deps.db, hashSessionToken(token));
  if (!found || found.session.revoked_at) return null;
  const { session, user } = found;
  const now = deps.now();
  const policy = await getSecurityPolicy(deps.db);
  const idleSince = now.getTime() - Date.parse(session.last_seen_at);
  if (Date.parse(session.expires_at) <= now.getTime() || idleSince > policy.idleTimeoutMinutes * 60_000 || user.status !== 'active') {
    await updateSession(deps.db, session.id, { revoked_at: toTimestamp(now) });
    return null;
  }
  if (idleSince > LAST_SEEN_WRITE_INTERVAL_MS) await updateSession(deps.db, session.id, { last_seen_at: toTimestamp(now) });
  const adminRole = await findAdminRole(deps.db, user.id);
  return { session, user, stage: computeStage(user, session, policy, adminRole, now), policy, adminRole };
}

/** The actor of a live session: full grants when sign-in is done, otherwise none (only the next stage is open). */
export async function actorOfSession(deps: AuthDeps, live: LiveSession, info: RequestInfo): Promise<Actor> {
  if (live.stage !== 'done') return { ...anonymousActor(info.ip, info.userAgent), sessionId: live.session.id };
  return buildActor(deps.db, live.user, live.adminRole, { sessionId: live.session.id, ...info });
}

function sessionActor(live: LiveSession, info: RequestInfo): Actor {
  return { ...anonymousActor(info.ip, info.userAgent), userId: live.user.id, name: live.user.display_name, unitId: live.user.unit_id, sessionId: live.session.id };
}

/** Accepts the one-time code at the `totp` stage. */
export async function submitTotp(deps: AuthDeps, live: LiveSession, info: RequestInfo, code: string): Promise<SignInStage> {
  if (live.stage !== 'totp' || !live.user.totp_secret) throw new AppError('TOTP_NOT_PENDING');
  const actor = sessionActor(live, info);
  const step = await verifyTotpCode(live.user.totp_secret, code, live.user.totp_last_step, deps.now());
  if (step === null) throw await registerFailure(deps, live.user, live.policy, actor, 'auth.totp');
  await deps.db.transaction().execute(async (tx) => {
    await updateSession(tx, live.session.id, { totp_passed: 1 });
    await updateUser(tx, live.user.id, { totp_last_step: step, failed_attempts: 0 });
    await recordAudit(tx, actor, { action: 'auth.totp', subjectType: 'user', subjectId: live.user.id }, deps.now());
  });
  const user = { ...live.user, totp_last_step: step };
  return computeStage(user, { ...live.session, totp_passed: 1 }, live.policy, live.adminRole, deps.now());
}

/** Starts (or restarts) TOTP enrolment: a fresh secret kept on the session until confirmed. */
export async function startTotpEnrolment(deps: AuthDeps, live: LiveSession): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  if (live.stage !== 'enrol_totp' && live.stage !== 'done') throw new AppError('SIGN_IN_INCOMPLETE');
  const secret = newTotpSecret();
  await updateSession(deps.db, live.session.id, { pending_totp_secret: secret });
  return { secret, ...(await describeTotpEnrolment(secret, live.user.username)) };
}

/** Confirms enrolment with a code from the new secret; the second factor is on from then on. */
export async function confirmTotpEnrolment(deps: AuthDeps, live: LiveSession, info: RequestInfo, code: string): Promise<SignInStage> {
  if (live.stage !== 'enrol_totp' && live.stage !== 'done') throw new AppError('SIGN_IN_INCOMPLETE');
  const secret = live.session.pending_totp_secret;
  if (!secret) throw new AppError('TOTP_ENROLMENT_NOT_STARTED');
  const step = await verifyTotpCode(secret, code, null, deps.now());
  const actor = sessionActor(live, info);
  if (step === null) {
    await recordAuditAlone(deps.db, actor, { action: 'auth.totp_enrol', subjectType: 'user', subjectId: live.user.id, outcome: 'failure' });
    throw new AppError('TOTP_INVALID');
  }
  await deps.db.transaction().execute(async (tx) => {
    await updateUser(tx, live.user.id, { totp_secret: secret, totp_enabled: 1, totp_last_step: step, updated_at: toTimestamp(deps.now()) });
    await updateSession(tx, live.session.id, { totp_passed: 1, pending_totp_secret: null });
    await recordAudit(tx, actor, { action: 'auth.totp_enrol', subjectType: 'user', subjectId: live.user.id }, deps.now());
  });
  const user = { ...live.user, totp_secret: secret, totp_enabled: 1 };
  return computeStage(user, { ...live.session, totp_passed: 1 }, live.policy, live.adminRole, deps.now());
}

/** Checks a new password against the policy and the history; throws the matching error. */
export async function assertAcceptablePassword(deps: AuthDeps, policy: SecurityPolicy, user: Pick<UserRow, 'id' | 'username'>, password: string): Promise<void> {
  const problem = checkPasswordStrength(password, { minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses }, user.username);
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', { minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses });
  if (policy.passwordHistory > 0) {
    for (const previous of await findRecentPasswordHashes(deps.db, user.id, policy.passwordHistory)) {
      if (await verifyPassword(password, previous)) throw new AppError('PASSWORD_REUSED', { count: policy.passwordHistory });
    }
  }
}

/** Changes the user's own password (current one required); other sessions of the user are ended. */
export async function changeOwnPassword(deps: AuthDeps, live: LiveSession, info: RequestInfo, input: { currentPassword: string; newPassword: string }): Promise<SignInStage> {
  if (live.stage === 'totp' || live.stage === 'enrol_totp') throw new AppError('SIGN_IN_INCOMPLETE');
  const actor = sessionActor(live, info);
  if (!(await verifyPassword(input.currentPassword, live.user.password_hash))) {
    await recordAuditAlone(deps.db, actor, { action: 'auth.password_change', subjectType: 'user', subjectId: live.user.id, outcome: 'failure', detail: 'current password wrong' });
    throw new AppError('PASSWORD_CURRENT_WRONG');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED', { count: Math.max(1, live.policy.passwordHistory) });
  await assertAcceptablePassword(deps, live.policy, live.user, input.newPassword);
  const now = toTimestamp(deps.now());
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await insertPasswordHistory(tx, live.user.id, live.user.password_hash, now);
    await updateUser(tx, live.user.id, { password_hash: passwordHash, password_changed_at: now, must_change_password: 0, updated_at: now });
    await revokeUserSessions(tx, live.user.id, now, live.session.id);
    await recordAudit(tx, actor, { action: 'auth.password_change', subjectType: 'user', subjectId: live.user.id }, deps.now());
  });
  return computeStage({ ...live.user, must_change_password: 0, password_changed_at: now }, live.session, live.policy, live.adminRole, deps.now());
}

/** Ends a session. */
export async function signOut(deps: AuthDeps, live: LiveSession, info: RequestInfo): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await updateSession(tx, live.session.id, { revoked_at: toTimestamp(deps.now()) });
    await recordAudit(tx, sessionActor(live, info), { action: 'auth.sign_out', subjectType: 'user', subjectId: live.user.id }, deps.now());
  });
}
