// Case counts per unit for electronic supervision's big screen: how many cases each unit has running now, and
// how many it finished since a day (the two together are the cases it handled in a period, the denominator of
// supervision's ranking). Always inside the reader's data scope, applied in the query.
import type { ExpressionBuilder } from 'kysely';
import { scopeCondition, type DataScope } from '../../core/auth/data-scope.ts';
import type { Database, DbExecutor } from '../../core/db/database.ts';
import { toCount } from '../../core/db/values.ts';
import type { CaseStatus } from './services.tables.ts';

/** The statuses of a case whose clock (or intake) is still running; the same set supervision watches. */
const RUNNING: readonly CaseStatus[] = ['submitted', 'supplementing', 'in_progress', 'suspended'];

export interface UnitCaseCounts {
  unitId: string;
  unitName: string;
  /** Cases of the unit running now. */
  running: number;
  /** Cases of the unit that ended (concluded, refused, withdrawn) on or after the day asked for. */
  endedSince: number;
}

function casesInScope(db: DbExecutor, scope: DataScope) {
  return db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .where((eb: ExpressionBuilder<Database, 'cases' | 'units'>) => scopeCondition(eb, scope, { unitIdColumn: 'cases.unit_id', unitPathColumn: 'units.path', ownerColumn: 'cases.handler_user_id' }));
}

/**
 * Per unit in the scope: cases running now and cases ended on or after `endedSince` (a China date). Units with
 * neither are left out; the biggest running count first.
 */
export async function countCasesOfUnitsForSupervision(db: DbExecutor, scope: DataScope, endedSince: string): Promise<UnitCaseCounts[]> {
  const [running, ended] = await Promise.all([
    casesInScope(db, scope)
      .where('cases.status', 'in', RUNNING)
      .select(['cases.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll().as('total')])
      .groupBy(['cases.unit_id', 'units.name'])
      .execute(),
    casesInScope(db, scope)
      .where('cases.ended_on', '>=', endedSince)
      .select(['cases.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll().as('total')])
      .groupBy(['cases.unit_id', 'units.name'])
      .execute(),
  ]);
  const byUnit = new Map<string, UnitCaseCounts>();
  const entry = (unitId: string, unitName: string) => {
    let found = byUnit.get(unitId);
    if (!found) byUnit.set(unitId, (found = { unitId, unitName, running: 0, endedSince: 0 }));
    return found;
  };
  for (const row of running) entry(row.unit_id, row.unit_name).running = toCount(row.total);
  for (const row of ended) entry(row.unit_id, row.unit_name).endedSince = toCount(row.total);
  return [...byUnit.values()].sort((a, b) => b.running - a.running || a.unitName.localeCompare(b.unitName, 'zh'));
}
