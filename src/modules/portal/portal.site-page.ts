// Pages of other modules inside the public site's frame: the layout with the site identification, navigation,
// 长者模式, the language switch and the viewer's account links. A module keeps its templates in the theme under
// its own folder (themes/default/<module>/), names them '<module>/<page>', and they extend "layout" like the
// portal's own; its fixed text comes from its own message tables, passed as `messages`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbExecutor } from '../../core/db/database.ts';
import type { Language } from './portal.language.ts';
import { applyPreferenceQuery, keptSearchOf, pageData, preferencesOf, sendPage, viewerOf, type PageSpec } from './portal.pages.ts';
import { renderPage } from './portal.render.ts';
import { loadPortalSite } from './portal.site.ts';

export interface SitePageSpec {
  /** Theme template without extension, e.g. 'services/home'. */
  template: string;
  title: string;
  /** The page's own path without the query; defaults to the request's path. */
  path?: string;
  data?: Record<string, unknown>;
  /** Extra stylesheets from the theme's assets folder, e.g. ['services.css']. */
  stylesheets?: string[];
  /** HTTP status of the page; 200 unless told. */
  status?: number;
  /** The module's message tables in the page's language, merged into the templates' `t` (e.g. { hall: … }). */
  messages?: Record<string, unknown>;
}

/** The language the visitor chose for the public pages (zt_lang cookie; Chinese unless English was chosen). */
export function pageLanguageOf(request: FastifyRequest): Language {
  return preferencesOf(request.headers.cookie).language;
}

/** The request's path without its query, with any run of leading slashes collapsed to one (never an off-site URL). */
export function requestPath(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return `/${path.replace(/^\/+/, '')}`;
}

function toPageSpec(request: FastifyRequest, spec: SitePageSpec): PageSpec {
  return { template: spec.template, title: spec.title, path: spec.path ?? requestPath(request), search: keptSearchOf(request), data: spec.data ?? {}, stylesheets: spec.stylesheets ?? [], messages: spec.messages ?? {} };
}

/** Renders a module's page inside the site layout for this request (mode and language from its cookies, viewer from its session). */
export async function renderSitePage(db: DbExecutor, request: FastifyRequest, spec: SitePageSpec): Promise<string> {
  const site = await loadPortalSite(db);
  const viewer = viewerOf(request);
  return renderPage(spec.template, pageData(site, preferencesOf(request.headers.cookie), toPageSpec(request, spec), viewer));
}

/** Answers a GET with the page: first a ?mode= or ?lang= switch (cookie + redirect to the same page), else the rendered HTML. */
export async function sendSitePage(db: DbExecutor, request: FastifyRequest, reply: FastifyReply, spec: SitePageSpec): Promise<FastifyReply> {
  if (request.method === 'GET' && applyPreferenceQuery(request, reply, spec.path ?? requestPath(request))) return reply;
  const html = await renderSitePage(db, request, spec);
  return sendPage(reply.code(spec.status ?? 200), html, viewerOf(request));
}
