// The error codes of uploads and downloads, added to the platform's one error table.
import { AppError } from '../errors/app-error.ts';
import { registerErrorCodes } from '../errors/error-codes.ts';

registerErrorCodes({
  FILE_NOT_FOUND: { status: 404, zh: '文件不存在', en: 'File not found' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持此文件类型。可以上传 PDF、OFD、PNG、JPEG、GIF、WebP 图片、Word（.docx）、Excel（.xlsx），以及 UTF-8 编码的 .txt 或 .csv 文本',
    en: 'This file type is not accepted. You can upload PDF, OFD, PNG, JPEG, GIF, WebP, Word (.docx), Excel (.xlsx), and UTF-8 .txt or .csv text',
  },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大，单个文件不能超过 {limit}', en: 'The file is too large; the limit is {limit}' },
  FILE_OWNER_NOT_FOUND: { status: 404, zh: '要附加文件的记录不存在', en: 'The record to attach the file to does not exist' },
  FILE_MISSING: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to upload' },
});

/** A size limit as people read it: "20 MB", "512 KB". */
export function formatByteLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
  return `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/** The FILE_TOO_LARGE error naming the limit that was passed. */
export function fileTooLargeError(maxBytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', { limit: formatByteLimit(maxBytes) });
}
