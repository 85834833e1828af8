// zod shapes of the file endpoints: the upload's form fields, the file id in paths, the metadata returned.
import { z } from 'zod';
import { OWNER_TYPE_FORMAT } from './file-owners.ts';

/** Optional form fields sent before the file part; absent = a fresh upload of the signed-in user. */
export const uploadFieldsSchema = z.object({
  ownerType: z.string().trim().regex(OWNER_TYPE_FORMAT).optional(),
  ownerId: z.string().trim().min(1).max(128).optional(),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** `:id` of /api/files/:id… routes. */
export const fileIdParamsSchema = z.object({ id: z.uuid() });

/** What the API says about a stored file. */
export const fileMetadataSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FileMetadataOutput = z.infer<typeof fileMetadataSchema>;
