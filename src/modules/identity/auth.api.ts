// Sign-in endpoints and the session resolver the HTTP layer calls on every request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, ResolvedSession } from '../../core/http/server.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { actorOfSession, changeOwnPassword, confirmTotpEnrolment, loadSession, signIn, signOut, startTotpEnrolment, submitTotp, type AuthDeps, type LiveSession, type SignInStage } from './auth.service.ts';
import { findUnitById } from './units.repository.ts';
import { fromFlag } from '../../core/db/values.ts';
import { maskPhone } from '../../core/ids/index.ts';

export const SESSION_COOKIE = 'zt_session';

const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'citizen', 'company']),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  adminRole: z.enum(['system', 'security', 'audit']).nullable(),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  passwordExpiresAt: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const stageSchema = z.enum(['totp', 'enrol_totp', 'change_password', 'done']);
const sessionResponseSchema = z.object({ stage: stageSchema, csrfToken: z.string(), user: sessionUserSchema });
const codeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, '请输入 6 位数字验证码 / Enter the 6-digit code') });

function requestInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

type Resolution = (ResolvedSession & { live: LiveSession }) | null;

/**
 * What the HTTP layer asks on every request: the session behind the cookie, as an actor. The answer is kept
 * for the rest of the request; `{ fresh: true }` reads it again after a sign-in step changed it.
 */
export function createSessionResolver(deps: AuthDeps) {
  const perRequest = new WeakMap<FastifyRequest, Promise<Resolution>>();
  const load = async (request: FastifyRequest): Promise<Resolution> => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const live = await loadSession(deps, token);
    if (!live) return null;
    return { actor: await actorOfSession(deps, live, requestInfo(request)), csrfToken: live.session.csrf_token, live };
  };
  return (request: FastifyRequest, options: { fresh?: boolean } = {}): Promise<Resolution> => {
    const known = perRequest.get(request);
    if (known && !options.fresh) return known;
    const loading = load(request);
    perRequest.set(request, loading);
    return loading;
  };
}

async function describeSession(deps: AuthDeps, live: LiveSession, stage: SignInStage, actor: Actor | null): Promise<z.infer<typeof sessionResponseSchema>> {
  const unit = live.user.unit_id ? await findUnitById(deps.db, live.user.unit_id) : undefined;
  const full = stage === 'done' && actor && actor.userId ? actor : null;
  return {
    stage,
    csrfToken: live.session.csrf_token,
    user: {
      id: live.user.id,
      username: live.user.username,
      displayName: live.user.display_name,
      kind: live.user.kind,
      unitId: live.user.unit_id,
      unitName: unit?.name ?? null,
      adminRole: full?.adminRole ?? null,
      permissions: full ? [...new Set(full.grants.map((grant) => grant.permission))].sort() : [],
      totpEnabled: fromFlag(live.user.totp_enabled),
      passwordExpiresAt: new Date(Date.parse(live.user.password_changed_at) + live.policy.passwordRotationDays * 86_400_000).toISOString(),
      phone: live.user.phone ? maskPhone(live.user.phone) : null,
      email: live.user.email,
    },
  };
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Sign-in and sign-out for server-rendered pages: the API's own checks, audit records, cookie and rate limit. */
export interface PageSessions {
  /** Checks the password and sets the session cookie; returns the stage reached. Throws INVALID_CREDENTIALS, ACCOUNT_LOCKED… */
  signIn(request: FastifyRequest, reply: FastifyReply, input: { username: string; password: string; accountKind: 'staff' | 'citizen' | 'company' }): Promise<SignInStage>;
  /** Ends the request's session (if any) and clears the cookie. */
  signOut(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** The sign-in rate limit, for a page's own sign-in route. */
  rateLimit: { max: number; timeWindow: string };
}

const pageSessionsByApp = new WeakMap<object, PageSessions>();

/** The page sign-in of an app whose identity routes are registered. */
export function pageSessionsOf(app: object): PageSessions {
  const found = pageSessionsByApp.get(app);
  if (!found) throw new Error('The identity routes are not registered on this app');
  return found;
}

/** Registers /api/auth/*. */
export function registerAuthRoutes(app: App, deps: AuthDeps & { secureCookies: boolean; signInRatePerMinute: number; resolve: ReturnType<typeof createSessionResolver> }): void {
  const signInLimit = { max: deps.signInRatePerMinute, timeWindow: '1 minute' };
  pageSessionsByApp.set(app, {
    async signIn(request, reply, input) {
      const result = await signIn(deps, requestInfo(request), { username: input.username, password: input.password, kind: input.accountKind });
      setSessionCookie(reply, result.token, deps.secureCookies);
      return result.stage;
    },
    async signOut(request, reply) {
      const resolved = await deps.resolve(request);
      if (resolved) await signOut(deps, resolved.live, requestInfo(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
    rateLimit: signInLimit,
  });
  const liveSessionOf = async (request: FastifyRequest): Promise<LiveSession> => {
    const resolved = await deps.resolve(request);
    if (!resolved) throw new AppError('UNAUTHENTICATED');
    return resolved.live;
  };
  const respond = async (request: FastifyRequest, stage: SignInStage) => {
    const resolved = await deps.resolve(request, { fresh: true });
    if (!resolved) throw new AppError('UNAUTHENTICATED');
    return describeSession(deps, resolved.live, stage, resolved.actor);
  };

  app.post('/api/auth/sign-in', {
    schema: {
      tags: ['auth'],
      summary: '账号密码登录（工作人员、个人、法人）Sign in with username and password',
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128), accountKind: z.enum(['staff', 'citizen', 'company']).default('staff') }),
      response: { 200: sessionResponseSchema },
    },
    config: { csrf: false, rateLimit: signInLimit },
  }, async (request, reply) => {
    const { accountKind, ...credentials } = request.body;
    const result = await signIn(deps, requestInfo(request), { ...credentials, kind: accountKind });
    setSessionCookie(reply, result.token, deps.secureCookies);
    const live = await loadSession(deps, result.token);
    if (!live) throw new AppError('UNAUTHENTICATED');
    const actor = await actorOfSession(deps, live, requestInfo(request));
    return describeSession(deps, live, result.stage, actor);
  });

  app.get('/api/auth/session', { schema: { tags: ['auth'], summary: '当前会话 Current session', response: { 200: sessionResponseSchema } } }, async (request) => {
    const resolved = await deps.resolve(request);
    if (!resolved) throw new AppError('UNAUTHENTICATED');
    return describeSession(deps, resolved.live, resolved.live.stage, resolved.actor);
  });

  app.post('/api/auth/totp', { schema: { tags: ['auth'], summary: '提交动态验证码 Submit a one-time code', body: codeSchema, response: { 200: sessionResponseSchema } }, config: { rateLimit: signInLimit } }, async (request) => {
    const stage = await submitTotp(deps, await liveSessionOf(request), requestInfo(request), request.body.code);
    return respond(request, stage);
  });

  app.get('/api/auth/totp/enrolment', {
    schema: { tags: ['auth'], summary: '获取动态口令绑定二维码 Start TOTP enrolment', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return startTotpEnrolment(deps, await liveSessionOf(request));
  });

  app.post('/api/auth/totp/enrolment', { schema: { tags: ['auth'], summary: '确认绑定动态口令 Confirm TOTP enrolment', body: codeSchema, response: { 200: sessionResponseSchema } }, config: { rateLimit: signInLimit } }, async (request) => {
    const stage = await confirmTotpEnrolment(deps, await liveSessionOf(request), requestInfo(request), request.body.code);
    return respond(request, stage);
  });

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: '修改密码 Change own password', body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }), response: { 200: sessionResponseSchema } },
    config: { rateLimit: signInLimit },
  }, async (request) => {
    const stage = await changeOwnPassword(deps, await liveSessionOf(request), requestInfo(request), request.body);
    return respond(request, stage);
  });

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    const resolved = await deps.resolve(request);
    if (resolved) await signOut(deps, resolved.live, requestInfo(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}
