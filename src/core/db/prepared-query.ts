// Queries built and compiled once. Kysely builds a syntax tree and compiles it to SQL on every call, which on
// the hot paths (a case transition runs ten statements) costs as much as SQLite's work itself. A prepared
// query is built once per dialect with placeholder values, compiled, and remembered; a call only puts its
// values in the placeholders' places. The SQL stays a Kysely builder in the repository that owns it. On
// PostgreSQL it is also a server-side prepared statement (pg-named-statements.ts).
import { sql, type Compilable, type Kysely, type QueryResult, type RawBuilder, type RootOperationNode } from 'kysely';
import { dialectOf, type Database, type DbExecutor, type Dialect } from './database.ts';
import { registerNamedStatement } from './pg-named-statements.ts';

const PLACEHOLDER = '\u0000zt-placeholder:';

interface Compiled {
  sql: string;
  query: RootOperationNode;
  /** For each parameter: the name of the value that fills it, or a constant of the query. */
  slots: Array<{ name: string } | { constant: unknown }>;
}

function compileOnce<P extends object>(db: DbExecutor, build: (db: Kysely<Database>, values: P) => Compilable<unknown>): Compiled {
  const placeholders = new Proxy({}, { get: (_target, name) => `${PLACEHOLDER}${String(name)}` }) as P;
  const compiled = build(db as Kysely<Database>, placeholders).compile();
  const slots = compiled.parameters.map((parameter) => {
    if (typeof parameter === 'string' && parameter.startsWith(PLACEHOLDER)) return { name: parameter.slice(PLACEHOLDER.length) };
    // A placeholder Kysely changed on the way (e.g. wrapped in JSON) would silently bind the wrong value.
    if (typeof parameter === 'string' && parameter.includes(PLACEHOLDER)) throw new Error(`a prepared query may use its values only as whole parameters: ${compiled.sql}`);
    return { constant: parameter };
  });
  return { sql: compiled.sql, query: compiled.query, slots };
}

/**
 * A query with named values, compiled at its first use on each dialect. `build` must use the values only as
 * values of the query (never in JavaScript logic): on the first call they are placeholders.
 */
export function preparedQuery<P extends object, R>(build: (db: Kysely<Database>, values: P) => Compilable<R>): (db: DbExecutor, values: P) => Promise<QueryResult<R>> {
  const byDialect = new Map<Dialect, Compiled>();
  return async (db, values) => {
    const dialect = dialectOf(db);
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      compiled = compileOnce(db, build);
      // PostgreSQL then parses and plans it once per connection instead of on every call.
      if (dialect === 'postgres') registerNamedStatement(compiled.sql);
      byDialect.set(dialect, compiled);
    }
    const parameters = compiled.slots.map((slot) => ('name' in slot ? (values as Record<string, unknown>)[slot.name] : slot.constant));
    return db.executeQuery<R>({ sql: compiled.sql, query: compiled.query, parameters, queryId: { queryId: compiled.sql } });
  };
}

/** How a repository writes many rows of one table (see insertMany). */
export interface ManyRowsWrite<Row, R> {
  /** The single-row statement: a preparedQuery, compiled once. */
  one: (db: DbExecutor, row: Row) => Promise<QueryResult<R>>;
  /** One multi-row statement of at most `rowsPerStatement` rows, returning what it returns. */
  many: (db: DbExecutor, rows: Row[]) => Promise<R[]>;
  /** Keeps columns × rows below both databases' limits on bound parameters (SQLite 32,766). */
  rowsPerStatement: number;
}

/**
 * Writes many rows, choosing by database. One row, or any number on embedded SQLite, where a statement costs no
 * round trip, goes through the single-row statement prepared once: that beats compiling statements of hundreds
 * of rows. On PostgreSQL, where every statement is a round trip, rows go in multi-row statements. Returns the
 * rows the statements returned.
 */
export async function insertMany<Row, R>(db: DbExecutor, rows: readonly Row[], write: ManyRowsWrite<Row, R>): Promise<R[]> {
  const returned: R[] = [];
  if (rows.length === 1 || dialectOf(db) === 'sqlite') {
    for (const row of rows) returned.push(...(await write.one(db, row)).rows);
    return returned;
  }
  for (let offset = 0; offset < rows.length; offset += write.rowsPerStatement) returned.push(...(await write.many(db, rows.slice(offset, offset + write.rowsPerStatement))));
  return returned;
}

/**
 * PostgreSQL: rows sent as one JSON parameter (`json`, a JSON.stringify'd array of objects keyed by column),
 * read back as a table named `alias` with `columns` as text (those in `integers` as integer). The statement's
 * text is the same for any number of rows, so it is prepared once, and JSON.stringify is native where the
 * driver escapes array parameters element by element in JavaScript.
 */
export function jsonRows<R>(json: string, alias: string, columns: readonly string[], integers: readonly string[] = []): RawBuilder<R> {
  return sql<R>`select * from ${recordset(json, alias, columns, integers)}`;
}

// json_to_recordset over a JSON parameter, its columns text (those in `integers` integer).
function recordset(json: string, alias: string, columns: readonly string[], integers: readonly string[]): RawBuilder<unknown> {
  const definitions = columns.map((column) => `${column} ${integers.includes(column) ? 'integer' : 'text'}`).join(', ');
  return sql`json_to_recordset(${json}::json) as ${sql.raw(alias)}(${sql.raw(definitions)})`;
}

/**
 * PostgreSQL: jsonRows, keeping only the rows whose `keyColumn` is among the keys `keys` selects (a subquery, e.g.
 * the ids an earlier part of the statement inserted), and selecting `columns` alone. A key column not among
 * `columns` travels in the JSON only to decide which rows go in.
 */
export function jsonRowsWhereIn<R>(json: string, alias: string, columns: readonly string[], keyColumn: string, keys: RawBuilder<unknown>, integers: readonly string[] = []): RawBuilder<R> {
  const all = columns.includes(keyColumn) ? columns : [...columns, keyColumn];
  const selected = columns.map((column) => `${alias}.${column}`).join(', ');
  return sql<R>`select ${sql.raw(selected)} from ${recordset(json, alias, all, integers)} where ${sql.raw(alias)}.${sql.raw(keyColumn)} in (${keys})`;
}
