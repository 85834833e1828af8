// PostgreSQL: taking the audit chain's lock and reading its head in one round trip. Every use case appends an
// audit record, and concurrent ones queue on the chain's advisory lock, held until COMMIT; each round trip
// inside it is time all the others wait. A VOLATILE PL/pgSQL function takes a fresh snapshot for each of its
// statements, so the head it reads after the lock includes the append of whoever held the lock before. SQLite
// serialises its writers and needs nothing.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`
    create function audit_chain_head(lock_key bigint) returns table (seq integer, hash text)
    language plpgsql volatile as $$
    begin
      perform pg_advisory_xact_lock(lock_key);
      return query select audit_log.seq, audit_log.hash from audit_log order by audit_log.seq desc limit 1;
    end $$`.execute(db);
}
