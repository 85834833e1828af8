// Password hashing with argon2id (Node's own crypto.argon2, OWASP parameters) and the complexity rules of
// the security policy.
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const argon2Async = promisify(argon2);
const PARAMETERS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };

/** A self-describing PHC-style string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (base64). */
export async function hashPassword(password: string): Promise<string> {
  const nonce = randomBytes(16);
  const tag = await argon2Async('argon2id', { message: password, nonce, ...PARAMETERS });
  return `$argon2id$v=19$m=${PARAMETERS.memory},t=${PARAMETERS.passes},p=${PARAMETERS.parallelism}$${nonce.toString('base64')}$${tag.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return false;
  const [, memory, passes, parallelism, nonce, expected] = match;
  const expectedTag = Buffer.from(expected!, 'base64');
  const tag = await argon2Async('argon2id', {
    message: password,
    nonce: Buffer.from(nonce!, 'base64'),
    memory: Number(memory),
    passes: Number(passes),
    parallelism: Number(parallelism),
    tagLength: expectedTag.length,
  });
  return tag.length === expectedTag.length && timingSafeEqual(tag, expectedTag);
}

export interface PasswordRules {
  minLength: number;
  minClasses: number;
}

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'too_long' | 'contains_username';

/** What is wrong with a new password under the rules (lower, upper, digit, symbol are the four classes). */
export function checkPasswordStrength(password: string, rules: PasswordRules, username?: string): PasswordProblem | null {
  if (password.length > 128) return 'too_long';
  if ([...password].length < rules.minLength) return 'too_short';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < rules.minClasses) return 'too_few_classes';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  return null;
}

/** A random password that satisfies any policy up to 4 classes, for initial and reset passwords. */
export function generatePassword(length = 14): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#%+=!?'];
  const all = sets.join('');
  const bytes = randomBytes(length);
  const characters = Array.from(bytes, (byte, index) => {
    const set = index < sets.length ? sets[index]! : all;
    return set[byte % set.length]!;
  });
  return characters.sort(() => (randomBytes(1)[0]! & 1 ? 1 : -1)).join('');
}
