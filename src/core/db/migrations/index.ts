// Core's migrations, in the order their names sort.
import type { MigrationSet } from '../migrate.ts';
import * as corePlatform from './202611230001_core_platform.ts';

export const coreMigrations: MigrationSet = {
  '202611230001_core_platform': corePlatform,
};
