// Session tokens: the cookie carries a random token, the database stores only its SHA-256, so a copy of the
// database cannot be replayed as a session.
import { createHash, randomBytes } from 'node:crypto';

/** A new random token (256 bits, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored identifier of a token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
