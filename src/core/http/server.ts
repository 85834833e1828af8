// The HTTP plumbing every module's routes run in: security headers, cookies, rate limits, uploads, zod
// validation, OpenAPI, the actor of each request, CSRF for cookie sessions and the one error mapping.
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { anonymousActor, type Actor } from '../auth/actor.ts';
import type { Language } from '../errors/app-error.ts';
import { pickLanguage } from '../i18n/language.ts';
import { describeRequestError, sendError, wantsErrorPage, type DescribedError } from './error-handler.ts';
import { AppError } from '../errors/app-error.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

export interface HttpServerOptions {
  logLevel: string;
  trustProxy: boolean;
  maxUploadBytes: number;
  publicUrl: string;
  /** Reads the session cookie into an actor; null when there is no valid session. */
  resolveSession(request: FastifyRequest): Promise<ResolvedSession | null>;
  /** HTML for a page that does not exist (the portal's 404). */
  renderNotFound(request: FastifyRequest): Promise<string> | string;
  /** The HTML page for an error of a browser's page request (a refused form, a rate limit); JSON when absent. */
  renderErrorPage?: (request: FastifyRequest, error: DescribedError) => Promise<string>;
  /** Records a refused request (permission denied, bad CSRF token) in the audit trail. */
  recordDenial?(request: FastifyRequest, code: string): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    language: Language;
    /** The CSRF token bound to the request's session, when it has one. */
    sessionCsrfToken: string | null;
    /** Set when a signed-in form post sent no token header: its `_csrf` field is checked once the body is parsed. */
    csrfFromFormField: boolean;
  }
  interface FastifyContextConfig {
    /**
     * Routes that authenticate by other means (sign-in itself, API credentials) skip the CSRF check (false).
     * 'multipart-field': a server-rendered multipart form whose handler reads the `_csrf` field (sent first) and
     * passes it to assertFormCsrfToken before it stores anything.
     */
    csrf?: boolean | 'multipart-field';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The form field a server-rendered form carries the session's CSRF token in. */
export const CSRF_FORM_FIELD = '_csrf';

function contentTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** For a multipart form route (`csrf: 'multipart-field'`): refuses the request unless the `_csrf` field matches its session. */
export function assertFormCsrfToken(request: FastifyRequest, sent: unknown): void {
  const expected = request.sessionCsrfToken;
  if (expected !== null && sent !== expected) throw new AppError('CSRF_INVALID');
}

/** The CSRF check of an unsafe request with a session: the header, or else a page form's `_csrf` field. */
function checkCsrf(request: FastifyRequest, expected: string, contentType: string, csrf: boolean | 'multipart-field' | undefined): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent === 'string' && sent === expected) return;
  if (sent === undefined && contentType === 'application/x-www-form-urlencoded') {
    // A plain form: its field is checked in preValidation, once the body is parsed.
    request.csrfFromFormField = true;
    return;
  }
  // A multipart form's handler checks the field itself (assertFormCsrfToken), before it stores anything.
  if (sent === undefined && csrf === 'multipart-field' && contentType === 'multipart/form-data') return;
  throw new AppError('CSRF_INVALID');
}

/** True when a parsed request part holds a NUL character in any string, key or value. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(inner, depth + 1)) return true;
  }
  return false;
}

/** Builds the Fastify instance with the platform's plugins and hooks; modules register routes on it. */
export async function createHttpServer(options: HttpServerOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
    // close() ends idle keep-alive connections instead of waiting out their timeout (quick restarts, tests).
    forceCloseConnections: 'idle',
    // Errors the router raises before any hook (a malformed URL, an over-long parameter) leave through the
    // same error body as everything else.
    frameworkErrors: (error, request, reply) => {
      request.language = pickLanguage(undefined, request.headers['accept-language']);
      return sendError(error.statusCode === 414 ? new AppError('URI_TOO_LONG') : new AppError('BAD_REQUEST'), request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('language', 'zh');
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('csrfFromFormField', false);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: options.publicUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Server-rendered forms post application/x-www-form-urlencoded; the JSON API refuses it (see onRequest).
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 1, fields: 20, fieldSize: 10_000 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '政通 Zhengtong API', version: '1', description: 'The JSON API of the Zhengtong e-government platform.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zt_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          intakeCredential: { type: 'http', scheme: 'bearer', description: 'zt_<prefix>_<secret>: the credential of a registered department system' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (request) => {
    // The public pages speak Chinese unless the visitor chose English (the zt_lang cookie of their language switch),
    // so their error messages follow that choice alone; the API also honours Accept-Language (the console sends it).
    const isPage = !request.url.startsWith('/api/');
    request.language = pickLanguage(request.cookies['zt_lang'], isPage ? undefined : request.headers['accept-language']);
    const userAgent = request.headers['user-agent'] ?? null;
    const resolved = await options.resolveSession(request);
    request.actor = resolved?.actor ?? anonymousActor(request.ip, userAgent);
    request.sessionCsrfToken = resolved?.csrfToken ?? null;
    const contentType = contentTypeOf(request);
    // Plain HTML forms are for pages; the API keeps answering them 415 (a cross-site form cannot reach it).
    if (contentType === 'application/x-www-form-urlencoded' && request.url.startsWith('/api/')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const csrf = request.routeOptions.config.csrf;
    if (resolved && UNSAFE_METHODS.has(request.method) && csrf !== false) checkCsrf(request, resolved.csrfToken, contentType, csrf);
  });

  app.addHook('preValidation', async (request) => {
    if (!request.csrfFromFormField) return;
    const body = request.body as Record<string, unknown> | null | undefined;
    assertFormCsrfToken(request, body?.[CSRF_FORM_FIELD]);
  });

  // PostgreSQL cannot store NUL in text and no legitimate input has one: refuse it before it reaches a query.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) throw new AppError('CONTROL_CHARACTER');
  });

  const DENIALS = new Set(['FORBIDDEN', 'CSRF_INVALID']);
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof AppError && DENIALS.has(error.code) && options.recordDenial) {
      try {
        await options.recordDenial(request, error.code);
      } catch (auditError) {
        request.log.error({ err: auditError }, 'could not record a denial in the audit trail');
      }
    }
    if (options.renderErrorPage && wantsErrorPage(request)) {
      const described = describeRequestError(error, request);
      try {
        const html = await options.renderErrorPage(request, described);
        return reply.code(described.status).type('text/html; charset=utf-8').send(html);
      } catch (renderError) {
        request.log.error({ err: renderError }, 'could not render the error page');
      }
    }
    return sendError(error, request, reply);
  });
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/')) return sendError(new AppError('NOT_FOUND'), request, reply);
    reply.code(404).type('text/html; charset=utf-8');
    return options.renderNotFound(request);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}
