// The services module's migrations.
import type { MigrationSet } from '../../../core/db/migrate.ts';
import * as services from './202611231300_services.ts';
import * as ratingsAndIntake from './202611231330_ratings_and_intake.ts';
import * as caseOutcomeColumns from './202611231345_case_outcome_columns.ts';
import * as itemImports from './202611231400_item_imports.ts';
import * as caseSearchIndexes from './202611231415_case_search_indexes.ts';
import * as taskTiming from './202611231445_task_timing.ts';
import * as caseFilterIndexes from './202611231500_case_filter_indexes.ts';
import * as prefixSearchCollation from './202611231515_prefix_search_collation.ts';
import * as taskQueueIndex from './202611231530_task_queue_index.ts';
import * as openTaskIndexes from './202611231545_open_task_indexes.ts';
import * as openTaskByCase from './202612071500_open_task_by_case.ts';

export const servicesMigrations: MigrationSet = {
  '202611231300_services': services,
  '202611231330_ratings_and_intake': ratingsAndIntake,
  '202611231345_case_outcome_columns': caseOutcomeColumns,
  '202611231400_item_imports': itemImports,
  '202611231415_case_search_indexes': caseSearchIndexes,
  '202611231445_task_timing': taskTiming,
  '202611231500_case_filter_indexes': caseFilterIndexes,
  '202611231515_prefix_search_collation': prefixSearchCollation,
  '202611231530_task_queue_index': taskQueueIndex,
  '202611231545_open_task_indexes': openTaskIndexes,
  '202612071500_open_task_by_case': openTaskByCase,
};
