// The services module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as services from './202611231300_services.ts';
import * as ratingsAndIntake from './202611231330_ratings_and_intake.ts';
import * as caseOutcomeColumns from './202611231345_case_outcome_columns.ts';

export const servicesMigrations: MigrationSet = {
  '202611231300_services': services,
  '202611231330_ratings_and_intake': ratingsAndIntake,
  '202611231345_case_outcome_columns': caseOutcomeColumns,
};
