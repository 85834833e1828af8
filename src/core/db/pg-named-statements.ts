// Server-side prepared statements for the hot paths on PostgreSQL. Kysely sends every query unnamed, so the
// server parses and plans it on each call; for the case lookup (cases joined to two units and its item) the
// plan alone took about 1 ms, more than executing it. A query compiled by `preparedQuery` registers its SQL
// here; the pool's clients then send that SQL as a named statement, which each connection parses once and
// PostgreSQL plans once (its plan cache switches to a generic plan when that is as good as a custom one).
// Poolers in transaction mode need protocol-level prepared statement support for this (PgBouncer ≥ 1.21 with
// max_prepared_statements set).
import { createHash } from 'node:crypto';
import type pg from 'pg';

const namesBySql = new Map<string, string>();

/** Marks a query's SQL as worth preparing on the server; returns the statement name it is sent under. */
export function registerNamedStatement(sqlText: string): string {
  let name = namesBySql.get(sqlText);
  if (!name) {
    // Named by content, so two registrations of one text agree and no two texts share a name on a connection.
    name = `zt_${createHash('sha256').update(sqlText).digest('base64url').slice(0, 22)}`;
    namesBySql.set(sqlText, name);
  }
  return name;
}

type PoolClient = pg.PoolClient;
const namingClients = new WeakSet<PoolClient>();
/** Clients whose prepared statements a schema change has outdated: closed instead of going back to the pool. */
const outdatedClients = new WeakSet<PoolClient>();
/** PostgreSQL's answer when a table under a prepared `select *` gained or lost columns. */
const RESULT_TYPE_CHANGED = '0A000';

/** Makes a client's plain `query(text, values)` calls use the registered name for registered texts (once per client). */
function sendRegisteredAsNamed(client: PoolClient): void {
  if (namingClients.has(client)) return;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && Array.isArray(values) ? namesBySql.get(text) : undefined;
    if (!name) return query(text, values, ...rest);
    return (query({ name, text, values }, ...rest) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === RESULT_TYPE_CHANGED) outdatedClients.add(client);
      throw error;
    });
  }) as typeof client.query;
  namingClients.add(client);
}

/**
 * The pool as Kysely's PostgreSQL dialect sees it, sending registered queries as named statements. A migration
 * that changes a table's columns (a newer node upgrading the schema while this one runs) outdates the statements
 * prepared over it: the statement fails once, and its connection is closed so that the next use prepares afresh.
 */
export function poolWithNamedStatements(pool: pg.Pool): { connect(): Promise<PoolClient>; end(): Promise<void> } {
  return {
    async connect() {
      const client = await pool.connect();
      sendRegisteredAsNamed(client);
      // The pool gives each checkout its own release function.
      const release = client.release.bind(client);
      client.release = (error?: Error | boolean) => release(error ?? (outdatedClients.has(client) ? new Error('prepared statements outdated by a schema change') : undefined));
      return client;
    },
    end: () => pool.end(),
  };
}
