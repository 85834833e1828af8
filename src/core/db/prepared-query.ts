// Queries built and compiled once. Kysely builds a syntax tree and compiles it to SQL on every call, which on
// the hot paths (a case transition runs ten statements) costs as much as SQLite's work itself. A prepared
// query is built once per dialect with placeholder values, compiled, and remembered; a call only puts its
// values in the placeholders' places. The SQL stays a Kysely builder in the repository that owns it. On
// PostgreSQL it is also a server-side prepared statement (pg-named-statements.ts).
import type { Compilable, Kysely, QueryResult, RootOperationNode } from 'kysely';
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
