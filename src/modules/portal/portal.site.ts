// The site identification the footer shows (国办发〔2017〕47号). Stored as a setting so the webmaster can set
// the real numbers; until then it is derived from the county's name with clearly fictional demo numbers.
import type { DbExecutor } from '../../core/db/database.ts';
import { readSetting } from '../../core/settings/settings.repository.ts';
import { findServedCounty } from '../identity/index.ts';
import type { PortalSite } from './portal.pages.ts';

export const PORTAL_SITE_KEY = 'portal.site';

/** The site's identification: the stored setting over defaults built from the served county. */
export async function loadPortalSite(db: DbExecutor): Promise<PortalSite> {
  const stored = await readSetting<Partial<PortalSite>>(db, PORTAL_SITE_KEY);
  const county = await findServedCounty(db);
  const countyName = county?.name ?? '示范县';
  return {
    name: `${countyName}人民政府`,
    nameEn: `${county?.nameEn ?? 'Demo County'} People's Government`,
    sponsor: `${countyName}人民政府办公室`,
    address: `${countyName}人民路1号`,
    phone: '0000-1234567',
    siteCode: '9901210001',
    icp: '示ICP备00000001号',
    publicSecurityRecord: '示公网安备99012102000001号',
    ...(stored ?? {}),
  };
}
