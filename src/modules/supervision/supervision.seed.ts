// The demo county's supervising office: the county 纪委监委 watches every unit of the county.
import type { Db } from '../../core/db/database.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { demoUnits, findServedCounty, findUnitByReference } from '../identity/index.ts';
import { saveSupervisionOffice } from './supervision.repository.ts';

/** Registers the demo county's supervising office; false when the demo units are not there. */
export async function seedDemoSupervision(db: Db, now: Date): Promise<boolean> {
  const creditCode = demoUnits.find((unit) => unit.key === 'dept.discipline')?.creditCode;
  const office = creditCode ? await findUnitByReference(db, creditCode) : undefined;
  const county = await findServedCounty(db);
  if (!office || !county) return false;
  await saveSupervisionOffice(db, { office_unit_id: office.id, supervised_unit_id: county.id, created_at: toTimestamp(now) });
  return true;
}
