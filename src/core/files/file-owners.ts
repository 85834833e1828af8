// Who may read a stored file and attach files to a record is decided by the module that owns the record:
// each module registers its owner types here (a case's materials, a letter's attachments, …).
import type { Actor } from '../auth/actor.ts';
import type { DbExecutor } from '../db/database.ts';

export interface FileOwnerRules {
  /** May the actor read files attached to this owner record? */
  canRead(actor: Actor, ownerId: string, db: DbExecutor): Promise<boolean>;
  /** May the actor attach files to this owner record? False also when the record does not exist. */
  canAttach(actor: Actor, ownerId: string, db: DbExecutor): Promise<boolean>;
}

/** A fresh upload not attached to any record yet: owner id = the uploader's user id. */
export const UPLOAD_OWNER_TYPE = 'upload';

/** Owner type names: lower-case, start with a letter, ≤64 characters. */
export const OWNER_TYPE_FORMAT = /^[a-z][a-z0-9_.-]{0,63}$/;
const rulesByOwnerType = new Map<string, FileOwnerRules>();

/** True for a well-formed owner type name (lower-case, starts with a letter, ≤64 characters). */
export function isValidOwnerType(ownerType: string): boolean {
  return OWNER_TYPE_FORMAT.test(ownerType);
}

/** Declares the rules of an owner type; each type is registered once, by the module that owns it. */
export function registerFileOwnerType(ownerType: string, rules: FileOwnerRules): void {
  if (!isValidOwnerType(ownerType)) throw new Error(`File owner type "${ownerType}" must match ${OWNER_TYPE_FORMAT}`);
  if (rulesByOwnerType.has(ownerType)) throw new Error(`File owner type "${ownerType}" is registered twice`);
  rulesByOwnerType.set(ownerType, rules);
}

/** The rules of an owner type, or undefined when no module registered it (then nothing is allowed). */
export function fileOwnerRules(ownerType: string): FileOwnerRules | undefined {
  return rulesByOwnerType.get(ownerType);
}

function isOwnUpload(actor: Actor, ownerId: string): boolean {
  return actor.kind !== 'anonymous' && actor.userId !== null && actor.userId === ownerId;
}

registerFileOwnerType(UPLOAD_OWNER_TYPE, {
  canRead: async (actor, ownerId) => isOwnUpload(actor, ownerId),
  canAttach: async (actor, ownerId) => isOwnUpload(actor, ownerId),
});
