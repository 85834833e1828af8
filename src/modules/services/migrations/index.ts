// The services module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as services from './202611231300_services.ts';
import * as ratingsAndIntake from './202611231330_ratings_and_intake.ts';

export const servicesMigrations: MigrationSet = {
  '202611231300_services': services,
  '202611231330_ratings_and_intake': ratingsAndIntake,
};
