// The identity module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as identity from './202611230100_identity.ts';

export const identityMigrations: MigrationSet = {
  '202611230100_identity': identity,
};
