// The public face of core/files: blob storage, the type allow-list, display names, the owner registry,
// the upload/download use cases and their routes.
import './files.errors.ts';

export { createLocalBlobStore, BlobTooLargeError, HEAD_BYTES, isValidSha256 } from './blob-store.ts';
export type { BlobSource, BlobStore, PutOptions, StoredBlob } from './blob-store.ts';
export { detectAllowedType, type AllowedType } from './file-types.ts';
export { contentDisposition, ensureExtension, sanitizeFileName } from './file-names.ts';
export { registerFileOwnerType, UPLOAD_OWNER_TYPE, type FileOwnerRules } from './file-owners.ts';
export { attachUploads, copyFilesTo, findFilesOfOwners, getFile, openDownload, storeUpload } from './files.service.ts';
export type { FileDownload, FileMetadata, FileOwner, UploadInput } from './files.service.ts';
export { registerFileRoutes, type FileRouteOptions } from './files.api.ts';
export { fileMetadataSchema } from './files.schema.ts';
