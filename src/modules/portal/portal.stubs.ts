// Stub dependencies for the portal's tests and local previews: a fictional demo county, no real data.
import type { PortalPageDeps, PortalSite } from './portal.pages.ts';

export const STUB_SITE: PortalSite = {
  name: '示范县人民政府',
  nameEn: "The People's Government of Shifan County",
  sponsor: '示范县人民政府办公室',
  address: '示范县人民路1号',
  phone: '0000-1234567',
  siteCode: '0000000001',
  icp: '示ICP备00000001号',
  publicSecurityRecord: '示公网安备00000000000001号',
};

/** Builds portal deps backed by fixed demo data; pass overrides to replace individual functions. */
export function stubPortalDeps(overrides: Partial<PortalPageDeps> = {}): PortalPageDeps {
  return {
    getSite: async () => STUB_SITE,
    listDepartments: async () => [
      { id: 'fgj', name: '县发展和改革局' },
      { id: 'jyj', name: '县教育局' },
      { id: 'gaj', name: '县公安局' },
      { id: 'mzj', name: '县民政局' },
      { id: 'czj', name: '县财政局' },
      { id: 'rsj', name: '县人力资源和社会保障局' },
      { id: 'zrj', name: '县自然资源局' },
      { id: 'wjj', name: '县卫生健康局' },
    ],
    getServiceHall: async () => ({
      name: '示范县政务服务中心',
      address: '示范县人民路88号',
      hours: '周一至周五 上午9:00—12:00，下午13:30—17:30',
    }),
    describeToday: async () => ({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节' }),
    ...overrides,
  };
}
