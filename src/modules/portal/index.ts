// The portal module's public face: the county's public site.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { findServedCounty, listDepartmentsUnder } from '../identity/index.ts';
import { registerPortalPages, renderNotFound } from './portal.pages.ts';
import { loadPortalSite } from './portal.site.ts';

import { portalMessages } from './portal.messages.ts';
import { pageLanguageOf, renderSitePage } from './portal.site-page.ts';
export { pageLanguageOf, renderSitePage, sendSitePage, type SitePageSpec } from './portal.site-page.ts';
export type { Language } from './portal.language.ts';

export interface PortalDeps {
  db: Db;
  describeToday(): { date: string; working: boolean; kind: string; name?: string | undefined };
}

/** Registers the public pages and returns the 404 renderer the HTTP layer uses for unknown pages. */
export function registerPortal(app: App, deps: PortalDeps): void {
  registerPortalPages(app, {
    getSite: () => loadPortalSite(deps.db),
    listDepartments: async () => {
      const county = await findServedCounty(deps.db);
      if (!county) return [];
      return (await listDepartmentsUnder(deps.db, county.path)).filter((unit) => unit.kind === 'department');
    },
    getServiceHall: async () => {
      const county = await findServedCounty(deps.db);
      const hall = county ? (await listDepartmentsUnder(deps.db, county.path)).find((unit) => unit.kind === 'service_hall') : undefined;
      return hall ? { name: hall.name, address: `${county?.name ?? ''}人民路88号`, hours: '周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外）' } : null;
    },
    describeToday: async () => deps.describeToday(),
  });
}

/** The portal's 404 page for a request. */
export async function renderPortalNotFound(db: Db, request: FastifyRequest): Promise<string> {
  return renderNotFound(await loadPortalSite(db), request.headers.cookie);
}

/** The site's page for a refused or failed page request, inside the layout, in the visitor's language (the message comes in it too: core/http reads the same cookie for pages). */
export async function renderPortalErrorPage(db: Db, request: FastifyRequest, error: { status: number; message: string; issues: Array<{ path: string; message: string }> }): Promise<string> {
  const t = portalMessages(pageLanguageOf(request)).error;
  const heading = (t.headings as Record<number, string>)[error.status] ?? (error.status >= 500 ? t.busy : t.failed);
  return renderSitePage(db, request, { template: 'error', title: heading, data: { status: error.status, heading, message: error.message, issues: error.issues } });
}
