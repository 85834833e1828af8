// Names of uploaded files as people see them: cleaned for display and for the download's Content-Disposition.
// A name never becomes a path — blobs are stored by their SHA-256 — so this only has to be harmless to show
// and to hand back to a browser or an operating system.

export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'file';
const MAX_EXTENSION_LENGTH = 16;

// Control, format (bidi overrides, zero-width, BOM) and line/paragraph separator characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in names; both slashes are handled before as path separators.
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const EXTENSION = /^[\p{L}\p{N}_-]+$/u;
// Extensions that name the same type, so "scan.jpeg" is not renamed to "scan.jpeg.jpg".
const SAME_EXTENSION: Record<string, string[]> = { jpg: ['jpeg', 'jpe'], txt: ['text'] };

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Splits a cleaned name into its stem and extension (without the dot); the extension is '' when there is none. */
function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  const extension = name.slice(dot + 1);
  if (extension.length === 0 || extension.length > MAX_EXTENSION_LENGTH || !EXTENSION.test(extension)) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension };
}

/** Cuts text to at most `limit` code points without splitting a character cluster (emoji, combining marks). */
function truncateCodePoints(text: string, limit: number): string {
  if ([...text].length <= limit) return text;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const length = [...segment].length;
    if (count + length > limit) break;
    kept += segment;
    count += length;
  }
  return kept;
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

// One cleaning pass; see sanitizeFileName.
function cleanOnce(name: string): string {
  const normalized = String(name ?? '').toWellFormed().normalize('NFC');
  const lastSegment = normalized.split(/[/\\]/).pop() ?? '';
  const visible = lastSegment
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/gu, ' ');
  const cleaned = trimDotsAndSpaces(visible);
  let { stem, extension } = splitExtension(cleaned);
  const firstPart = stem.split('.')[0] ?? '';
  if (WINDOWS_DEVICE.test(firstPart)) stem = `_${stem}`;
  const suffix = extension ? `.${extension}` : '';
  stem = trimDotsAndSpaces(truncateCodePoints(stem, MAX_FILE_NAME_LENGTH - [...suffix].length));
  if (!stem) stem = extension ? FALLBACK_NAME : '';
  const result = `${stem}${suffix}`;
  return result || FALLBACK_NAME;
}

/** A display name from whatever a client sent: no path, no control or bidi characters, NFC, ≤120 characters, never empty. */
export function sanitizeFileName(name: string): string {
  // Cutting a long name can leave a tail that now reads as an extension; cleaning again until nothing changes
  // makes the function idempotent (stored names come back unchanged), and it settles within a pass or two.
  let current = cleanOnce(name);
  for (let pass = 0; pass < 4; pass += 1) {
    const next = cleanOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The extension of a name, lower-cased, without the dot; '' when it has none. */
export function fileExtensionOf(name: string): string {
  return splitExtension(sanitizeFileName(name)).extension.toLowerCase();
}

/** The sanitized name, ending in `extension` (the detected type's) unless it already ends in an equivalent one. */
export function ensureExtension(name: string, extension: string): string {
  const clean = sanitizeFileName(name);
  const wanted = extension.toLowerCase();
  const current = splitExtension(clean).extension.toLowerCase();
  if (current === wanted || SAME_EXTENSION[wanted]?.includes(current)) return clean;
  return sanitizeFileName(`${clean}.${wanted}`);
}

/** An ASCII-only stand-in for clients that ignore `filename*`: accents dropped, other characters replaced. */
function asciiFallback(name: string): string {
  const { stem, extension } = splitExtension(name);
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\x20-\x7e]|["\\%]/g, '_')
      .replace(/_+/g, '_');
  const asciiStem = ascii(stem);
  const asciiExtension = ascii(extension).replace(/[^A-Za-z0-9]/g, '');
  const usableStem = /[A-Za-z0-9]/.test(asciiStem) ? asciiStem : FALLBACK_NAME;
  return asciiExtension ? `${usableStem}.${asciiExtension}` : usableStem;
}

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
function encodeExtendedValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The RFC 6266 `Content-Disposition: attachment` value: an ASCII `filename` plus the UTF-8 `filename*`. */
export function contentDisposition(name: string): string {
  const clean = sanitizeFileName(name);
  return `attachment; filename="${asciiFallback(clean)}"; filename*=UTF-8''${encodeExtendedValue(clean)}`;
}
