// Application drafts: what an applicant typed and uploaded, kept until they submit it. Only their
// owner reads them; submitting removes the draft (the case keeps what was submitted).
import type { Actor } from '../../core/auth/actor.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { deleteDraft, findDraft, findDraftsOfUser, saveDraft } from './cases.repository.ts';
import { findItemById } from './service-items.repository.ts';

export interface DraftView {
  id: string;
  itemId: string;
  itemName: string;
  form: Record<string, string | number | null>;
  materials: Array<{ materialKey: string; fileIds: string[] }>;
  updatedAt: string;
}

function applicantOf(actor: Actor): string {
  if (actor.kind !== 'citizen' && actor.kind !== 'company') throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return actor.userId as string;
}

/** Creates or replaces one of the applicant's drafts. */
export async function saveApplicationDraft(db: Db, actor: Actor, input: { id?: string | undefined; itemId: string; form: DraftView['form']; materials: DraftView['materials'] }, now = new Date()): Promise<DraftView> {
  const userId = applicantOf(actor);
  const item = await findItemById(db, input.itemId);
  if (!item || item.status !== 'published') throw new AppError('ITEM_NOT_FOUND');
  const existing = input.id ? await findDraft(db, userId, input.id) : undefined;
  if (input.id && !existing) throw new AppError('DRAFT_NOT_FOUND');
  const id = existing?.id ?? newId(now.getTime());
  const stamp = toTimestamp(now);
  await saveDraft(db, { id, user_id: userId, item_id: input.itemId, form_data: JSON.stringify(input.form), materials: JSON.stringify(input.materials), created_at: existing?.created_at ?? stamp, updated_at: stamp });
  return { id, itemId: input.itemId, itemName: item.name, form: input.form, materials: input.materials, updatedAt: stamp };
}

/** The applicant's drafts, newest first. */
export async function listApplicationDrafts(db: Db, actor: Actor): Promise<DraftView[]> {
  const rows = await findDraftsOfUser(db, applicantOf(actor));
  return rows.map((row) => ({ id: row.id, itemId: row.item_id, itemName: row.item_name, form: JSON.parse(row.form_data), materials: JSON.parse(row.materials), updatedAt: row.updated_at }));
}

/** One of the applicant's drafts. */
export async function getApplicationDraft(db: Db, actor: Actor, id: string): Promise<DraftView> {
  const drafts = await listApplicationDrafts(db, actor);
  const draft = drafts.find((candidate) => candidate.id === id);
  if (!draft) throw new AppError('DRAFT_NOT_FOUND');
  return draft;
}

/** Deletes one of the applicant's drafts. */
export async function discardApplicationDraft(db: Db, actor: Actor, id: string): Promise<void> {
  const userId = applicantOf(actor);
  if (!(await findDraft(db, userId, id))) throw new AppError('DRAFT_NOT_FOUND');
  await deleteDraft(db, userId, id);
}
