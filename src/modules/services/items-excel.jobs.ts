// Jobs of the Excel import of the item catalogue.
import { defineJob, type JobDefinition } from '../../core/jobs/index.ts';
import { runItemImport } from './items-excel.import.ts';
import { importItemsJobSchema } from './items-excel.schema.ts';
import type { ServicesDeps } from './services.deps.ts';

/** `services.importItems`: checks and writes one uploaded workbook (the payload carries the import's id). */
export function defineImportItemsJob(deps: ServicesDeps): JobDefinition<typeof importItemsJobSchema> {
  return defineJob({
    name: 'services.importItems',
    schema: importItemsJobSchema,
    // A rerun starts over from the stored workbook; nothing is half-written, so retrying is safe.
    maxAttempts: 3,
    leaseSeconds: 900,
    run: (payload, context) => runItemImport(deps, payload.importId, { attempt: context.attempt, maxAttempts: context.maxAttempts }),
  });
}

/** The import's background jobs. */
export function defineItemExcelJobs(deps: ServicesDeps): JobDefinition[] {
  return [defineImportItemsJob(deps)];
}
