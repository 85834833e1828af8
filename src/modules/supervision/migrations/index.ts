// The supervision module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as supervision from './202612071000_supervision.ts';

export const supervisionMigrations: MigrationSet = {
  '202612071000_supervision': supervision,
};
