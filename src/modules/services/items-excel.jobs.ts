// Jobs of the Excel import of the item catalogue.
import type { JobDefinition } from '../../core/jobs/index.ts';
import type { ServicesDeps } from './services.deps.ts';

/** The import's background jobs. */
export function defineItemExcelJobs(_deps: ServicesDeps): JobDefinition[] {
  return [];
}
