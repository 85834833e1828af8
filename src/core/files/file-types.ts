// The allow-list of what may be uploaded, decided by content — never by the name or the client's Content-Type
// alone. Executables, HTML, SVG and anything that cannot be recognised are refused.
import { fileTypeFromBuffer } from 'file-type';
import { fileExtensionOf } from './file-names.ts';

export interface AllowedType {
  mime: string;
  extension: string;
}

const DOCX: AllowedType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
const XLSX: AllowedType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
/** OFD (GB/T 33190), the Chinese fixed-layout e-document: a zip package with an OFD.xml entry point. */
export const OFD: AllowedType = { mime: 'application/ofd', extension: 'ofd' };

// Types file-type recognises by their magic numbers, keyed by the MIME type it reports.
const ALLOWED_BY_MIME: Record<string, AllowedType> = {
  'application/pdf': { mime: 'application/pdf', extension: 'pdf' },
  'image/png': { mime: 'image/png', extension: 'png' },
  // An animated PNG is a valid PNG.
  'image/apng': { mime: 'image/png', extension: 'png' },
  'image/jpeg': { mime: 'image/jpeg', extension: 'jpg' },
  'image/gif': { mime: 'image/gif', extension: 'gif' },
  'image/webp': { mime: 'image/webp', extension: 'webp' },
  [DOCX.mime]: DOCX,
  [XLSX.mime]: XLSX,
};

// Plain text has no magic number: it is accepted only under these names and only when it really is text.
const TEXT_BY_EXTENSION: Record<string, AllowedType> = {
  txt: { mime: 'text/plain', extension: 'txt' },
  csv: { mime: 'text/csv', extension: 'csv' },
};

// Markup a browser could render as a page or an image with scripts, even when it is named .txt.
const MARKUP_START = /^<(?:!doctype|!--|html|head|body|script|svg|iframe|object|embed|\?xml)/i;

const ZIP_LOCAL_HEADER = 0x04034b50;

/** The names of the zip entries whose local headers lie within `head` (a zip's first bytes), in order. */
export function listZipEntryNames(head: Uint8Array): string[] {
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= buffer.length && buffer.readUInt32LE(offset) === ZIP_LOCAL_HEADER) {
    const flags = buffer.readUInt16LE(offset + 6);
    const compressedSize = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    const nameEnd = offset + 30 + nameLength;
    if (nameEnd > buffer.length) break;
    names.push(buffer.toString('utf8', offset + 30, nameEnd));
    const dataStart = nameEnd + extraLength;
    const usesDataDescriptor = (flags & 0x08) !== 0 && compressedSize === 0;
    if (usesDataDescriptor) {
      // The size follows the data; look for the next local header instead (names only, so a rare false match is harmless).
      const next = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), dataStart);
      if (next < 0) break;
      offset = next;
    } else {
      offset = dataStart + compressedSize;
    }
  }
  return names;
}

/** True for UTF-8 text without NUL bytes that does not start like a web page or SVG; a cut last character is allowed. */
export function isPlainUtf8Text(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  let text: string;
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the head.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  return !MARKUP_START.test(text.replace(/^\uFEFF/, '').trimStart());
}

// Zip packages file-type could not name from the first bytes alone: OFD by its entry point or its name, and
// Office files written with [Content_Types].xml late in the archive (LibreOffice, some WPS versions).
function detectZipPackage(head: Uint8Array, nameExtension: string): AllowedType | null {
  const entries = listZipEntryNames(head);
  if (entries.some((entry) => entry.toLowerCase() === 'ofd.xml') || nameExtension === 'ofd') return OFD;
  if (nameExtension === 'docx' && entries.some((entry) => entry.startsWith('word/'))) return DOCX;
  if (nameExtension === 'xlsx' && entries.some((entry) => entry.startsWith('xl/'))) return XLSX;
  return null;
}

async function detectByMagic(head: Uint8Array): Promise<{ ext: string; mime: string } | undefined> {
  try {
    return await fileTypeFromBuffer(head);
  } catch {
    // A zip cut off at the head's end can fail to parse; it is still a zip.
    return head.length >= 4 && Buffer.from(head.subarray(0, 4)).readUInt32LE(0) === ZIP_LOCAL_HEADER ? { ext: 'zip', mime: 'application/zip' } : undefined;
  }
}

/** The stored type of an upload from its first bytes (and, for text and some zip packages, its name); null = refuse. */
export async function detectAllowedType(head: Uint8Array, originalName: string): Promise<AllowedType | null> {
  if (head.length === 0) return null;
  const nameExtension = fileExtensionOf(originalName);
  const detected = await detectByMagic(head);
  if (detected) {
    const allowed = ALLOWED_BY_MIME[detected.mime];
    if (allowed) return allowed;
    if (detected.ext === 'zip') return detectZipPackage(head, nameExtension);
  }
  // Some magic numbers are two printable letters ("BM", "MZ"), so a text file may look like something else;
  // text is judged on its own terms. A real executable or archive always contains NUL bytes.
  const textType = TEXT_BY_EXTENSION[nameExtension];
  if (textType && isPlainUtf8Text(head)) return textType;
  return null;
}
