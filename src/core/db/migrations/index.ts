// Core's migrations, in the order their names sort.
import type { MigrationSet } from '../migrate.ts';
import * as corePlatform from './202611230001_core_platform.ts';
import * as auditChainHead from './202612070900_audit_chain_head.ts';

export const coreMigrations: MigrationSet = {
  '202611230001_core_platform': corePlatform,
  '202612070900_audit_chain_head': auditChainHead,
};
