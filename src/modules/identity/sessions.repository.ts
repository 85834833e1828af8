// All SQL on sign-in sessions.
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../../core/db/database.ts';
import type { SessionRow, SessionsTable, UserRow } from './identity.tables.ts';

/** A session with its user, or undefined. */
export async function findSessionWithUser(db: DbExecutor, sessionId: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

/** Inserts a session. */
export async function insertSession(db: DbExecutor, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Updates a session. */
export async function updateSession(db: DbExecutor, id: string, changes: Updateable<SessionsTable>): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

/** Revokes every open session of a user (password change, disable, unlock by admin). */
export async function revokeUserSessions(db: DbExecutor, userId: string, revokedAt: string, exceptSessionId?: string): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: revokedAt }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
