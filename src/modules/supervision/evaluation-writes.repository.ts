// The SQL of an event's evaluation without locks (PostgreSQL; case-subjects.ts: attemptCaseEvaluationWithoutLocks):
// the watched subject read with its row's version, and everything the evaluation concluded written in one statement
// that writes only if neither the subject's row nor what it is described from moved since they were read. The
// row's version is PostgreSQL's xmin, which every update of a row changes (optimistic concurrency on xmin).
import { sql, type RawBuilder } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import { jsonRows, jsonRowsWhereIn, preparedQuery } from '../../core/db/prepared-query.ts';
import { gatedNoticeInserts } from '../../core/notify/index.ts';
import { ACTION_COLUMNS, FINDING_COLUMNS, type SubjectFindingRow } from './supervision.repository.ts';
import type { SupervisionFindingActionsTable, SupervisionFindingsTable, SupervisionSubjectRow } from './supervision.tables.ts';

/** A watched subject read without a lock: its row, the row's version, and its unresolved timeliness findings. */
export interface WatchedSubjectRead {
  row: SupervisionSubjectRow;
  /** The version of the row read (PostgreSQL's xmin, which every update of the row changes). */
  seen: string;
  openFindings: SubjectFindingRow[];
}

/**
 * A scalar subquery reading a watched subject of `subjectType` by id, as JSON text (null when not watched): its row,
 * the row's version, and its unresolved timeliness findings. For the module that reads what the subject is
 * described from, to read it in the same statement (services' caseWithRecordForSupervisionAnd); parseWatchedSubject.
 */
export function watchedSubjectAlongside(subjectType: string): (subjectId: string) => RawBuilder<string | null> {
  return (subjectId) => sql<string | null>`(select json_build_object('row', row_to_json(s), 'seen', s.xmin::text, 'openFindings', coalesce((
      select json_agg(json_build_object('id', f.id, 'subject_id', f.subject_id, 'finding_key', f.finding_key, 'category', f.category, 'deadline_key', f.deadline_key, 'resolved_at', f.resolved_at))
      from supervision_findings f where f.subject_type = s.subject_type and f.subject_id = s.subject_id and f.category = 'timeliness' and f.resolved_at is null and f.deadline_key is not null), '[]'::json))::text
    from supervision_subjects s where s.subject_type = ${subjectType} and s.subject_id = ${subjectId})`;
}

/** What watchedSubjectAlongside read; undefined when the subject is not watched. */
export function parseWatchedSubject(text: string | null): WatchedSubjectRead | undefined {
  return text === null ? undefined : (JSON.parse(text) as WatchedSubjectRead);
}

/** What an evaluation read without locks concluded (watchedSubjectAlongside, and its source read in the same statement). */
export interface EvaluationWrite {
  subjectType: string;
  subjectId: string;
  /** The subject row's version when read. */
  seen: string;
  /** The id and stamp of what the subject was described from (a case), as read with the subject's row. */
  source: { id: string; stamp: string };
  change: SupervisionSubjectRow | 'delete' | null;
  resolve: { ids: string[]; entries: SupervisionFindingActionsTable[]; at: string };
  findings: SupervisionFindingsTable[];
  entries: SupervisionFindingActionsTable[];
  /** The findings' notices: JSON arrays of core/notify's Gated rows, each gated by its finding's id. */
  notices: { messages: string; outbox: string };
}

/** The subquery a writer checks its source against (e.g. services' caseStillAtStamp), from the id and stamp read. */
export type SourceStillAt = (id: string, stamp: string) => RawBuilder<unknown>;

interface WriteValues {
  subjectType: string;
  subjectId: string;
  seen: string;
  sourceId: string;
  sourceStamp: string;
  row: string;
  resolveIds: string;
  resolveEntries: string;
  resolvedAt: string;
  findings: string;
  entries: string;
  messages: string;
  outbox: string;
}

const SUBJECT_CHANGES = 'unit_id text, scope_key text, label text, deadlines_json text, next_check_on text, evaluated_at text';

// The guard of the write: the subject's row, still at the version read and its source still at the stamp read, is
// updated, deleted or (when it stays as it was) locked. Nothing else in the statement is written unless it was.
function guardOf(change: 'save' | 'delete' | 'keep', values: WriteValues): RawBuilder<unknown> {
  const still = sql`s.subject_type = ${values.subjectType} and s.subject_id = ${values.subjectId} and s.xmin::text = ${values.seen} and exists (select 1 from source)`;
  if (change === 'save') {
    return sql`update supervision_subjects as s set unit_id = r.unit_id, scope_key = r.scope_key, label = r.label, deadlines_json = r.deadlines_json, next_check_on = r.next_check_on, evaluated_at = r.evaluated_at
      from json_to_record(${values.row}::json) as r(${sql.raw(SUBJECT_CHANGES)}) where ${still} returning 1 as ok`;
  }
  if (change === 'delete') return sql`delete from supervision_subjects as s where ${still} returning 1 as ok`;
  return sql`select 1 as ok from supervision_subjects as s where ${still} for update`;
}

function buildWrite(change: 'save' | 'delete' | 'keep', sourceStillAt: SourceStillAt) {
  return preparedQuery((db, values: WriteValues) => {
    const notices = gatedNoticeInserts(values.messages, values.outbox, sql`select id from raised`);
    const statement = sql<{ written: string; raised: string }>`with
      source as materialized (${sourceStillAt(values.sourceId, values.sourceStamp)}),
      guard as materialized (${guardOf(change, values)}),
      resolved as (update supervision_findings set resolved_at = ${values.resolvedAt}, updated_at = ${values.resolvedAt}
        where subject_type = ${values.subjectType} and subject_id = ${values.subjectId} and id = any (array(select json_array_elements_text(${values.resolveIds}::json)))
          and resolved_at is null and exists (select 1 from guard) returning id),
      resolved_entries as (insert into supervision_finding_actions (${sql.raw(ACTION_COLUMNS.join(', '))}) ${jsonRowsWhereIn(values.resolveEntries, 'e', ACTION_COLUMNS, 'finding_id', sql`select id from resolved`)}),
      raised as (insert into supervision_findings (${sql.raw(FINDING_COLUMNS.join(', '))}) ${jsonRows(values.findings, 'r', FINDING_COLUMNS)} where exists (select 1 from guard)
        on conflict (finding_key) do nothing returning id),
      entries as (insert into supervision_finding_actions (${sql.raw(ACTION_COLUMNS.join(', '))}) ${jsonRowsWhereIn(values.entries, 'a', ACTION_COLUMNS, 'finding_id', sql`select id from raised`)}),
      sent as (${notices.messages}),
      queued as (${notices.outbox})
      select (select count(*) from guard)::text as written, (select count(*) from raised)::text as raised`;
    // One statement of many parts: raw SQL, compiled (once) by the platform's Kysely like any other query.
    return { compile: () => statement.compile(db) };
  });
}

/**
 * Writes, in one statement (one round trip), what an evaluation read without locks concluded: the subject's row,
 * the findings to resolve with their entries, the new findings with their first entries and notices. It writes
 * only if the subject's row is still at the version read and its source still at the stamp read, newest versions
 * both, locked for the statement; else nothing, and the caller evaluates again. `written`: whether it wrote;
 * `raised`: how many findings were new. PostgreSQL only.
 */
export function evaluationWriter(sourceStillAt: SourceStillAt): (db: DbExecutor, write: EvaluationWrite) => Promise<{ written: boolean; raised: number }> {
  const statements = { save: buildWrite('save', sourceStillAt), delete: buildWrite('delete', sourceStillAt), keep: buildWrite('keep', sourceStillAt) };
  return async (db, write) => {
    const change = write.change === null ? 'keep' : write.change === 'delete' ? 'delete' : 'save';
    const values: WriteValues = {
      subjectType: write.subjectType, subjectId: write.subjectId, seen: write.seen, sourceId: write.source.id, sourceStamp: write.source.stamp,
      row: JSON.stringify(typeof write.change === 'object' && write.change !== null ? write.change : {}),
      resolveIds: JSON.stringify(write.resolve.ids), resolveEntries: JSON.stringify(write.resolve.entries), resolvedAt: write.resolve.at,
      findings: JSON.stringify(write.findings), entries: JSON.stringify(write.entries), messages: write.notices.messages, outbox: write.notices.outbox,
    };
    const [result] = (await statements[change](db, values)).rows;
    return { written: Number(result?.written ?? 0) > 0, raised: Number(result?.raised ?? 0) };
  };
}
