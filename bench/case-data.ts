// Generates a large, realistic case history straight into the tables (bulk inserts), for the case
// benchmarks: cases of every published item spread over three years, 17% still open with their
// open task, the rest ended; events for each state; deadlines and time states as the engine stores them.
import type { Db } from '../src/core/db/database.ts';
import { newId } from '../src/core/db/values.ts';
import { sql } from 'kysely';

interface ItemFacts {
  id: string;
  versionId: string;
  unitId: string;
  hallId: string;
  creditCode: string;
  caseKind: string;
  promisedDays: number;
  steps: Array<{ key: string; handledBy: unknown; permission: string }>;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华';

/** The published items with what a case row needs of them. */
export async function loadItemFacts(db: Db): Promise<ItemFacts[]> {
  const hall = await db.selectFrom('units').select('id').where('kind', '=', 'service_hall').orderBy('depth').orderBy('sort_order').executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('service_items')
    .innerJoin('units', 'units.id', 'service_items.unit_id')
    .innerJoin('service_item_versions', 'service_item_versions.id', 'service_items.published_version_id')
    .select(['service_items.id', 'service_items.published_version_id', 'service_items.unit_id', 'units.credit_code', 'service_items.case_kind', 'service_items.promised_days', 'service_item_versions.process'])
    .where('service_items.status', '=', 'published')
    .execute();
  return rows.map((row) => ({
    id: row.id, versionId: row.published_version_id as string, unitId: row.unit_id, hallId: hall.id, creditCode: row.credit_code ?? 'X', caseKind: row.case_kind, promisedDays: row.promised_days ?? 0,
    steps: (JSON.parse(row.process) as { steps: Array<{ key: string; handledBy: unknown; permission: string }> }).steps,
  }));
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

export interface GenerateOptions {
  now: Date;
  batch?: number;
  onProgress?: (done: number) => void;
  /** Percent of cases still open (default 17). */
  openPercent?: number;
  /** The deadline (China date) of the open case with this index, instead of one derived from its age. */
  deadlineOf?: (index: number) => string;
}

/** Inserts `count` cases with their events and open tasks in batches. */
export async function generateCases(db: Db, items: ItemFacts[], count: number, options: GenerateOptions): Promise<void> {
  const batch = options.batch ?? 400;
  const counters = new Map<string, number>();
  const threeYears = 3 * 365 * 86_400_000;
  for (let start = 0; start < count; start += batch) {
    const cases: Array<Record<string, unknown>> = [];
    const events: Array<Record<string, unknown>> = [];
    const tasks: Array<Record<string, unknown>> = [];
    for (let index = start; index < Math.min(count, start + batch); index += 1) {
      const item = pick(items, (index * 7919) % items.length);
      const first = item.steps[0] as ItemFacts['steps'][number];
      const second = (item.steps[1] ?? first) as ItemFacts['steps'][number];
      // Open cases are recent; ended ones anywhere in the last three years.
      const roll = (index * 2654435761) % 100;
      const open = roll < (options.openPercent ?? 17);
      const age = open ? (index % 20) * 86_400_000 : (index * 104729) % threeYears;
      const submitted = new Date(options.now.getTime() - age - 3_600_000);
      const day = submitted.toISOString().slice(0, 10);
      const unitPart = item.creditCode.slice(8, 17);
      const scope = `${unitPart}-${day.replaceAll('-', '')}`;
      // Generated numbers start at 10001 of each day, clear of the demo cases; the counters are set after.
      const sequence = (counters.get(scope) ?? 10_000) + 1;
      counters.set(scope, sequence);
      const id = newId(submitted.getTime());
      const status = open ? (roll < 3 ? 'submitted' : roll < 4 ? 'supplementing' : roll < 5 ? 'suspended' : 'in_progress') : roll < 92 ? 'concluded' : roll < 97 ? 'refused' : 'withdrawn';
      const accepted = status !== 'submitted' && status !== 'supplementing' && status !== 'refused' && !(status === 'withdrawn');
      const ended = !open;
      const acceptedAt = accepted ? new Date(submitted.getTime() + 3_600_000).toISOString() : null;
      const endedAt = ended ? new Date(submitted.getTime() + (1 + (index % 9)) * 86_400_000).toISOString() : null;
      const deadline = accepted ? (open && options.deadlineOf ? options.deadlineOf(index) : new Date(submitted.getTime() + (item.promisedDays + 4) * 86_400_000).toISOString().slice(0, 10)) : null;
      const timeState = ended ? 'stopped' : status === 'supplementing' || status === 'suspended' ? 'paused' : !accepted ? 'not_started' : roll % 5 === 0 ? 'warning' : roll % 7 === 0 ? 'overdue' : 'normal';
      const name = `${pick([...SURNAMES], index)}${pick([...GIVEN], index * 31)}${pick([...GIVEN], index * 17)}`;
      cases.push({
        id, case_number: `${scope}-${String(sequence).padStart(5, '0')}`, query_code: String(100_000 + (index % 900_000)), item_id: item.id, item_version_id: item.versionId, unit_id: item.unitId, intake_unit_id: item.hallId,
        channel: index % 3 === 0 ? 'window' : 'online', applicant_user_id: null, applicant_kind: 'person', applicant_name: name, applicant_id_number: '11010519491231002X', applicant_phone: null, applicant_email: null,
        form_data: '{}', status, outcome: status === 'concluded' ? (roll % 11 === 0 ? 'denied' : 'approved') : status === 'refused' ? 'refused' : status === 'withdrawn' ? 'withdrawn' : null,
        current_step_key: open ? (accepted ? second.key : first.key) : null, case_kind: item.caseKind, promised_days: item.promisedDays, statutory_days: null,
        submitted_at: submitted.toISOString(), accepted_at: acceptedAt, decided_at: ended && status === 'concluded' ? endedAt : null, concluded_at: endedAt,
        case_deadline: deadline, step_deadline: deadline, time_state: timeState, remaining_days: open ? (index % 10) - 2 : null, next_check_on: open ? deadline : null,
        handler_user_id: null, supplement_count: status === 'supplementing' ? 1 : 0, fine_amount: null, penalty_circumstance: null, version: 1 + (accepted ? 1 : 0) + (ended ? 2 : 0),
        submission_key: null, external_system_id: null, external_case_id: null, created_at: submitted.toISOString(), updated_at: endedAt ?? acceptedAt ?? submitted.toISOString(),
        ended_on: endedAt ? endedAt.slice(0, 10) : null, ended_late: ended ? (roll % 13 === 0 ? 1 : 0) : null, used_days: ended ? 1 + (index % 9) : null,
      });
      const event = (seq: number, type: string, at: string, stepKey: string | null) => events.push({ id: newId(Date.parse(at)), case_id: id, seq, type, step_key: stepKey, actor_kind: 'staff', actor_user_id: null, actor_name: '经办人', actor_unit_id: item.unitId, occurred_at: at, occurred_on: at.slice(0, 10), detail: '{}' });
      event(1, 'submitted', submitted.toISOString(), first.key);
      if (acceptedAt) event(2, 'accepted', acceptedAt, first.key);
      if (endedAt) event(accepted ? 3 : 2, status === 'concluded' ? 'concluded' : status, endedAt, null);
      const waitingAt = accepted ? second : first;
      if (open) tasks.push({ id: newId(submitted.getTime()), case_id: id, step_key: waitingAt.key, kind: 'step', unit_id: waitingAt.handledBy === 'intake' ? item.hallId : item.unitId, permission: waitingAt.permission, status: 'open', opened_at: acceptedAt ?? submitted.toISOString(), touched_at: null, closed_at: null, closed_by: null, opinion: null, due_on: deadline ?? '9999-12-31', time_state: timeState });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('cases').values(cases as never).execute();
      for (let offset = 0; offset < events.length; offset += 1000) await tx.insertInto('case_events').values(events.slice(offset, offset + 1000) as never).execute();
      if (tasks.length > 0) await tx.insertInto('case_tasks').values(tasks as never).execute();
    });
    options.onProgress?.(Math.min(count, start + batch));
  }
  // New cases submitted after the load continue each day's sequence.
  const entries = [...counters.entries()];
  for (let offset = 0; offset < entries.length; offset += 1000) {
    await db
      .insertInto('case_number_counters')
      .values(entries.slice(offset, offset + 1000).map(([scope, last_value]) => ({ scope, last_value })))
      .onConflict((conflict) => conflict.column('scope').doUpdateSet((eb) => ({ last_value: eb.ref('excluded.last_value') })))
      .execute();
  }
}

/**
 * PostgreSQL only: multiplies the cases loaded so far `factor` times in SQL (each copy with its own ids and case
 * numbers, its events and open tasks), for sizes the row-by-row generator would take an hour to load there.
 */
export async function cloneCasesOnPostgres(db: Db, factor: number): Promise<void> {
  const columnsOf = async (table: string) =>
    (await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)).rows.map((row) => row.column_name);
  const copyId = (column: string, copy: number) => `md5(${column} || ':${copy}')::uuid::text`;
  await sql`create table bench_original_cases as select id from cases`.execute(db);
  for (let copy = 1; copy < factor; copy += 1) {
    for (const table of ['cases', 'case_events', 'case_tasks']) {
      const columns = await columnsOf(table);
      const values = columns.map((column) => (column === 'id' || column === 'case_id' ? copyId(`t.${column}`, copy) : column === 'case_number' ? `t.case_number || '/${copy}'` : `t.${column}`));
      const join = table === 'cases' ? 't.id' : 't.case_id';
      await sql.raw(`insert into ${table} (${columns.join(', ')}) select ${values.join(', ')} from ${table} t join bench_original_cases o on o.id = ${join}`).execute(db);
    }
  }
  await sql`drop table bench_original_cases`.execute(db);
}
