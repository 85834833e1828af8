// The portal module's public face: the county's public site.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import type { App } from '../../core/http/server.ts';
import { findServedCounty, listDepartmentsUnder } from '../identity/index.ts';
import { registerPortalPages, renderNotFound } from './portal.pages.ts';
import { loadPortalSite } from './portal.site.ts';

import { renderSitePage } from './portal.site-page.ts';
export { renderSitePage, sendSitePage, type SitePageSpec } from './portal.site-page.ts';

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

const ERROR_HEADINGS: Record<number, string> = { 400: '提交的内容有误', 401: '请先登录', 403: '无权进行此操作', 404: '页面不存在', 409: '操作未能完成', 413: '文件过大', 415: '文件类型不支持', 429: '操作过于频繁' };

/** The site's page for a refused or failed page request, inside the layout. */
export async function renderPortalErrorPage(db: Db, request: FastifyRequest, error: { status: number; message: string; issues: Array<{ path: string; message: string }> }): Promise<string> {
  const heading = ERROR_HEADINGS[error.status] ?? (error.status >= 500 ? '系统繁忙，请稍后再试' : '请求未能完成');
  return renderSitePage(db, request, { template: 'error', title: heading, data: { status: error.status, heading, message: error.message, issues: error.issues } });
}
