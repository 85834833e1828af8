// Shapes of the life-event (一件事) endpoints: what staff save, what the console lists, what the public sees.
import { z } from 'zod';
import { itemStatusSchema } from './service-items.schema.ts';

export const lifeEventInputSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '编码为小写字母开头的字母、数字或下划线 / the code is lower-case letters, digits or _'),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).nullable().default(null),
  audience: z.enum(['person', 'company']),
  description: z.string().trim().max(1000).default(''),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** The bundled items in the order the public sees them; an item added here must be published. */
  itemIds: z.array(z.uuid()).max(30).default([]),
});
export type LifeEventInput = z.infer<typeof lifeEventInputSchema>;

export const lifeEventViewSchema = lifeEventInputSchema.extend({ id: z.string() });
export type LifeEventView = z.infer<typeof lifeEventViewSchema>;

/** A bundled item as the console lists it: a retired item stays listed (and marked) until staff remove it. */
export const lifeEventItemSchema = z.object({ id: z.string(), name: z.string(), unitName: z.string(), status: itemStatusSchema });

export const lifeEventEntrySchema = lifeEventViewSchema.extend({ items: z.array(lifeEventItemSchema), updatedAt: z.string() });
export type LifeEventEntry = z.infer<typeof lifeEventEntrySchema>;

/** The console's list, with what the actor may do (reviewers of the catalogue manage life events). */
export const lifeEventListSchema = z.object({ items: z.array(lifeEventEntrySchema), can: z.object({ manage: z.boolean() }) });

export const publicLifeEventListSchema = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), audience: z.string(), description: z.string(), itemCount: z.number() })),
});
