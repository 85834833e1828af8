// The supervision module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as supervision from './202612071000_supervision.ts';
import * as integrityRiskPoints from './202612071200_integrity_risk_points.ts';
import * as provincialReports from './202612071300_provincial_reports.ts';
import * as tasksAndComplaints from './202612071400_tasks_and_complaints.ts';
import * as subjectsUnitUnchecked from './202612071600_subjects_unit_unchecked.ts';

export const supervisionMigrations: MigrationSet = {
  '202612071000_supervision': supervision,
  '202612071200_integrity_risk_points': integrityRiskPoints,
  '202612071300_provincial_reports': provincialReports,
  '202612071400_tasks_and_complaints': tasksAndComplaints,
  '202612071600_subjects_unit_unchecked': subjectsUnitUnchecked,
};
