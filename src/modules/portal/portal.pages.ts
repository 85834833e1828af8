// Public portal pages: home, site map and the not-yet-built sections, rendered from the default Liquid theme.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.ts';
import fastifyStatic from '@fastify/static';
import { renderPage, THEME_ASSETS } from './portal.render.ts';
import { htmlLangOf, languageCookie, languageFromCookie, parseLanguage, type Language } from './portal.language.ts';
import { portalMessages } from './portal.messages.ts';
import { modeCookie, modeFromCookie, navItems, parseMode, siteView, sitemapTree, todayView, type PortalMode } from './portal.view.ts';

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
  /** The page's own path (no query): the mode and language switches return here and the navigation marks its section. */
  path: string;
  /** The page's query without mode and lang (no leading ?), kept by the mode and language switches; '' when none. */
  search?: string;
  /** Extra message tables of the page's module, merged into the templates' `t` beside the portal's own. */
  messages?: Record<string, unknown>;
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

/** The sections not built yet: their path, the navigation title and the introduction's message. */
const SECTIONS = [
  { path: '/disclosure', title: 'disclosure', intro: 'disclosureIntro' },
  { path: '/interaction', title: 'interaction', intro: 'interactionIntro' },
] as const;

/** Who is looking at the page as the layout needs it: display mode and language, both chosen by cookie. */
export interface PagePreferences {
  mode: PortalMode;
  language: Language;
}

/** The display mode and language a request's cookies choose. */
export function preferencesOf(cookieHeader: string | undefined): PagePreferences {
  return { mode: modeFromCookie(cookieHeader), language: languageFromCookie(cookieHeader) };
}

/** Fills the data every template needs (site, mode, language and its messages `t`, navigation, current page, viewer) around the page's own data. */
export function pageData(site: PortalSite | null, preferences: PagePreferences, spec: PageSpec, viewer: PageViewer = ANONYMOUS_VIEWER): Record<string, unknown> {
  const t = portalMessages(preferences.language);
  const nav = navItems(t);
  const section = nav.find((item) => item.url !== '/' && (spec.path === item.url || spec.path.startsWith(`${item.url}/`)))?.url ?? spec.path;
  return {
    ...spec.data,
    site: site ? siteView(site) : null,
    mode: preferences.mode,
    lang: preferences.language,
    htmlLang: htmlLangOf(preferences.language),
    // Content stored in Chinese (item names, guides, unit names) carries this lang on English pages too.
    contentLang: 'zh-CN',
    t: { ...t, ...spec.messages },
    nav,
    page: { title: spec.title, path: spec.path, search: spec.search ?? '', section },
    assets: '/assets/portal',
    stylesheets: spec.stylesheets ?? [],
    viewer,
    csrfToken: viewer.csrfToken,
  };
}

/** The request's query without the mode and lang switches, for links that switch and come back to the same view. */
export function keptSearchOf(request: FastifyRequest): string {
  const params = new URLSearchParams(request.url.split('?')[1] ?? '');
  params.delete('mode');
  params.delete('lang');
  return params.toString();
}

/**
 * Handles ?mode= and ?lang=: remembers a valid choice in its cookie (zt_mode, zt_lang) and 303-redirects to the
 * route path without them, keeping the rest of the query; returns true when it replied.
 */
export function applyPreferenceQuery(request: FastifyRequest, reply: FastifyReply, routePath: string): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  const mode = parseMode(query?.['mode']);
  const language = parseLanguage(query?.['lang']);
  if (!mode && !language) return false;
  const cookies = [...(mode ? [modeCookie(mode)] : []), ...(language ? [languageCookie(language)] : [])];
  const search = keptSearchOf(request);
  // routePath is one of our own literal routes, so the redirect never leaves the site.
  reply.header('set-cookie', cookies.length === 1 ? cookies[0] : cookies).redirect(search ? `${routePath}?${search}` : routePath, 303);
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

  const route = (path: string, build: (language: Language) => Promise<PageSpec>): void => {
    app.get(path, async (request, reply) => {
      if (applyPreferenceQuery(request, reply, path)) return reply;
      const preferences = preferencesOf(request.headers.cookie);
      const viewer = viewerOf(request);
      const [site, spec] = await Promise.all([deps.getSite(), build(preferences.language)]);
      return sendPage(reply, await renderPage(spec.template, pageData(site, preferences, { ...spec, search: keptSearchOf(request) }, viewer)), viewer);
    });
  };

  route('/', async (language) => {
    const [departments, hall, today, news] = await Promise.all([
      deps.listDepartments(),
      deps.getServiceHall(),
      deps.describeToday(),
      deps.listNews ? deps.listNews() : Promise.resolve([]),
    ]);
    return {
      template: 'home',
      title: portalMessages(language).home.title,
      path: '/',
      data: { departments, hall, today: todayView(today, language), news },
    };
  });

  route('/sitemap', async (language) => {
    const t = portalMessages(language);
    return { template: 'sitemap', title: t.sitemap.title, path: '/sitemap', data: { sitemap: sitemapTree(t) } };
  });

  for (const section of SECTIONS) {
    route(section.path, async (language) => {
      const t = portalMessages(language);
      const view = { path: section.path, title: t.nav[section.title], intro: t.sections[section.intro] };
      return { template: 'coming-soon', title: view.title, path: section.path, data: { section: view } };
    });
  }
}

/** Renders the friendly 404 page (页面不存在) for the server's not-found handler; pass the site and the request's Cookie header when known. */
export async function renderNotFound(site: PortalSite | null = null, cookieHeader?: string): Promise<string> {
  const preferences = preferencesOf(cookieHeader);
  return renderPage('not-found', pageData(site, preferences, { template: 'not-found', title: portalMessages(preferences.language).notFound.title, path: '' }));
}
