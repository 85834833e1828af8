// Public portal pages: home, site map and the not-yet-built sections, rendered from the default Liquid theme.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.ts';
import fastifyStatic from '@fastify/static';
import { renderPage, THEME_ASSETS } from './portal.render.ts';
import {
  modeCookie,
  modeFromCookie,
  NAV_ITEMS,
  parseMode,
  siteView,
  SITEMAP,
  todayView,
  type PortalMode,
} from './portal.view.ts';

export interface PortalSite {
  name: string;
  nameEn: string;
  sponsor: string;
  address: string;
  phone: string;
  siteCode: string;
  icp: string;
  publicSecurityRecord: string;
}

export interface PortalNewsItem {
  title: string;
  url: string;
  date: string;
}

export interface PortalPageDeps {
  getSite(): Promise<PortalSite>;
  listDepartments(): Promise<Array<{ id: string; name: string }>>;
  getServiceHall(): Promise<{ name: string; address: string; hours: string } | null>;
  describeToday(): Promise<{ date: string; working: boolean; kind: string; name?: string }>;
  /** Optional until the news module exists; the home page shows 暂无 when absent or empty. */
  listNews?(): Promise<PortalNewsItem[]>;
}

export interface PageSpec {
  template: string;
  title: string;
  /** The page's own path (no query): the mode switch returns here and the navigation marks its section. */
  path: string;
  data?: Record<string, unknown>;
  /** Extra stylesheets of the theme's assets folder, after portal.css (e.g. 'services.css'). */
  stylesheets?: string[];
}

/** Who is looking at the page, as the layout shows it: a signed-in citizen or company sees its name and sign-out. */
export interface PageViewer {
  signedIn: boolean;
  name: string;
  kind: string;
  /** The session's CSRF token, for the hidden `_csrf` field of forms; empty without a session. */
  csrfToken: string;
}

const ANONYMOUS_VIEWER: PageViewer = { signedIn: false, name: '', kind: 'anonymous', csrfToken: '' };

/** The viewer of a request; bare apps (tests, previews) without the platform's actor are anonymous. */
export function viewerOf(request: FastifyRequest): PageViewer {
  const actor = (request as FastifyRequest & { actor?: Actor }).actor;
  const csrfToken = (request as FastifyRequest & { sessionCsrfToken?: string | null }).sessionCsrfToken ?? '';
  if (!actor || actor.userId === null || (actor.kind !== 'citizen' && actor.kind !== 'company')) return { ...ANONYMOUS_VIEWER, csrfToken };
  return { signedIn: true, name: actor.name, kind: actor.kind, csrfToken };
}

const SECTIONS: ReadonlyArray<{ path: string; title: string; intro: string }> = [
  { path: '/disclosure', title: '政府信息公开', intro: '政府信息公开栏目正在建设中，敬请期待。' },
  { path: '/interaction', title: '政民互动', intro: '政民互动栏目正在建设中，如有意见建议请拨打页面底部的联系电话。' },
];

/** Fills the data every template needs (site, mode, navigation, current page, viewer) around the page's own data. */
export function pageData(site: PortalSite | null, mode: PortalMode, spec: PageSpec, viewer: PageViewer = ANONYMOUS_VIEWER): Record<string, unknown> {
  const section = NAV_ITEMS.find((item) => item.url !== '/' && (spec.path === item.url || spec.path.startsWith(`${item.url}/`)))?.url ?? spec.path;
  return {
    ...spec.data,
    site: site ? siteView(site) : null,
    mode,
    nav: NAV_ITEMS,
    page: { title: spec.title, path: spec.path, section },
    assets: '/assets/portal',
    stylesheets: spec.stylesheets ?? [],
    viewer,
    csrfToken: viewer.csrfToken,
  };
}

/** Handles ?mode=: remembers a valid mode in the zt_mode cookie and 303-redirects to the route path without it; returns true when it replied. */
export function applyModeQuery(request: FastifyRequest, reply: FastifyReply, routePath: string): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  const mode = parseMode(query?.['mode']);
  if (!mode) return false;
  const rest = new URLSearchParams(request.url.split('?')[1] ?? '');
  rest.delete('mode');
  const search = rest.toString();
  // routePath is one of our own literal routes, so the redirect never leaves the site.
  reply.header('set-cookie', modeCookie(mode)).redirect(search ? `${routePath}?${search}` : routePath, 303);
  return true;
}

/** Sends a rendered HTML page with the headers shared by all portal pages; a signed-in viewer's pages are never stored. */
export async function sendPage(reply: FastifyReply, html: string, viewer: PageViewer = ANONYMOUS_VIEWER): Promise<FastifyReply> {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('vary', 'Cookie')
    .header('cache-control', viewer.csrfToken ? 'private, no-store' : 'no-cache')
    .send(html);
}

/** Registers the portal's static assets and GET /, /sitemap, /disclosure and /interaction on the app (the services module owns /services). */
export function registerPortalPages(app: FastifyInstance, deps: PortalPageDeps): void {
  app.register(fastifyStatic, {
    root: THEME_ASSETS,
    prefix: '/assets/portal/',
    decorateReply: false,
    index: false,
    maxAge: process.env.NODE_ENV === 'production' ? '1h' : 0,
  });

  const route = (path: string, build: () => Promise<PageSpec>): void => {
    app.get(path, async (request, reply) => {
      if (applyModeQuery(request, reply, path)) return reply;
      const mode = modeFromCookie(request.headers.cookie);
      const viewer = viewerOf(request);
      const [site, spec] = await Promise.all([deps.getSite(), build()]);
      return sendPage(reply, await renderPage(spec.template, pageData(site, mode, spec, viewer)), viewer);
    });
  };

  route('/', async () => {
    const [departments, hall, today, news] = await Promise.all([
      deps.listDepartments(),
      deps.getServiceHall(),
      deps.describeToday(),
      deps.listNews ? deps.listNews() : Promise.resolve([]),
    ]);
    return {
      template: 'home',
      title: '首页',
      path: '/',
      data: { departments, hall, today: todayView(today), news },
    };
  });

  route('/sitemap', async () => ({ template: 'sitemap', title: '网站地图', path: '/sitemap', data: { sitemap: SITEMAP } }));

  for (const section of SECTIONS) {
    route(section.path, async () => ({
      template: 'coming-soon',
      title: section.title,
      path: section.path,
      data: { section },
    }));
  }
}

/** Renders the friendly 404 page (页面不存在) for the server's not-found handler; pass the site and the request's Cookie header when known. */
export async function renderNotFound(site: PortalSite | null = null, cookieHeader?: string): Promise<string> {
  const mode = modeFromCookie(cookieHeader);
  return renderPage('not-found', pageData(site, mode, { template: 'not-found', title: '页面不存在', path: '' }));
}
