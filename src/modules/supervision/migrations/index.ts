// The supervision module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as supervision from './202612071000_supervision.ts';
import * as integrityRiskPoints from './202612071200_integrity_risk_points.ts';

export const supervisionMigrations: MigrationSet = {
  '202612071000_supervision': supervision,
  '202612071200_integrity_risk_points': integrityRiskPoints,
};
