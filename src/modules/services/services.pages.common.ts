// What every service-hall page shares: its dependencies, the visitor's language and the hall's text in it,
// sending a page in the site frame with the hall's stylesheet, AppErrors as the messages people read, who the
// applicant is, and safe sign-in redirects.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { describeError } from '../../core/errors/error-codes.ts';
import { pageLanguageOf, sendSitePage } from '../portal/index.ts';
import type { ServicesDeps } from './services.deps.ts';
import { hallMessages, type HallMessages, type Language } from './services.pages.messages.ts';

export type ServicePageDeps = ServicesDeps;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Breadcrumb {
  title: string;
  url?: string;
}

export interface ServicePageSpec {
  /** Template under themes/default/services/, without extension. */
  template: string;
  title: string;
  data?: Record<string, unknown>;
  status?: number;
  /** Trail after 首页 › 网上办事; the page itself last, without a URL. */
  breadcrumbs?: Breadcrumb[];
}

/** The language the visitor chose for the public pages, and the hall's text in it. */
export function hallTextOf(request: FastifyRequest): { language: Language; t: HallMessages } {
  const language = pageLanguageOf(request);
  return { language, t: hallMessages(language) };
}

/** Sends a service-hall page inside the site layout, with the hall's stylesheet, breadcrumb trail and text (`t.hall`). */
export function sendServicePage(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, spec: ServicePageSpec): Promise<FastifyReply> {
  const { t } = hallTextOf(request);
  const trail: Breadcrumb[] = [{ title: t.common.home, url: '/' }, { title: t.common.hall, url: '/services' }, ...(spec.breadcrumbs ?? [])];
  return sendSitePage(deps.db, request, reply, {
    template: `services/${spec.template}`,
    title: spec.title,
    stylesheets: ['services.css'],
    status: spec.status ?? 200,
    data: { ...spec.data, breadcrumbs: trail },
    messages: { hall: t },
  });
}

/** A page that only says something (not found, not possible now), with links onwards. */
export function sendMessagePage(deps: ServicePageDeps, request: FastifyRequest, reply: FastifyReply, message: { status: number; title: string; lead: string; text?: string; links?: Breadcrumb[] }): Promise<FastifyReply> {
  return sendServicePage(deps, request, reply, {
    template: 'message',
    title: message.title,
    status: message.status,
    breadcrumbs: [{ title: message.title }],
    data: { message: { ...message, links: message.links ?? [{ title: hallTextOf(request).t.common.backToHall, url: '/services' }] } },
  });
}

/** The message of an AppError in the page's language; anything else is rethrown to the server's error handling. */
export function messageOf(error: unknown, language: Language): string {
  if (!isAppError(error)) throw error;
  return describeError(error.code, language, error.params).message;
}

/** The signed-in citizen or company behind the request, or null (anonymous, staff, unfinished sign-in). */
export function applicantOf(request: FastifyRequest): (Actor & { userId: string; kind: 'citizen' | 'company' }) | null {
  const actor = request.actor;
  if (!actor.userId || (actor.kind !== 'citizen' && actor.kind !== 'company')) return null;
  return actor as Actor & { userId: string; kind: 'citizen' | 'company' };
}

/** A local path to return to after signing in, percent-encoded for a Location header; anything else (other sites, //host, backslashes) becomes the hall home. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 300 || !/^\/(?![/\\])[^\s\\]*$/.test(value)) return '/services';
  const url = new URL(value, 'http://return.invalid');
  return url.origin === 'http://return.invalid' ? `${url.pathname}${url.search}` : '/services';
}

/** The sign-in page that comes back to `returnTo` afterwards. */
export function signInUrl(returnTo: string): string {
  return `/services/sign-in?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}`;
}

/** A 303 to a path of our own, so a form post is never repeated by a reload. */
export function seeOther(reply: FastifyReply, path: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(path, 303);
}

/** The first value of a parsed form or query field as a trimmed string ('' when absent or not text). */
export function textField(source: unknown, name: string): string {
  const record = (source ?? {}) as Record<string, unknown>;
  const raw = record[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}
