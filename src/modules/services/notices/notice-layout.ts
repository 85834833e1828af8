// Line breaking and pagination for notices, independent of pdfkit so they can be tested alone.
// pdfkit's own wrapper justifies by widening spaces, which Chinese text has none of, and it
// breaks pages without keep-together rules; official documents need both.

/** Measures a string in the current font and size, in points. */
export type MeasureText = (text: string) => number;

// 避头尾 (kinsoku): punctuation that must not start a line, and that must not end one.
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〕】〉…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『“‘〔【〈([{']);

// Latin words, numbers, phone numbers and masked IDs stay whole ("0571-12345678",
// "91330000********3X"); everything else is one character per token.
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,:\-/*_@#%+~]*|\s+|./gsu;

function splitTokens(text: string, measure: MeasureText, maxWidth: number): string[] {
  const tokens = text.match(TOKEN) ?? [];
  // A run wider than a whole line (a long URL) has to break somewhere: between characters.
  return tokens.flatMap((token) => (token.length > 1 && measure(token) > maxWidth ? [...token] : [token]));
}

function firstChar(token: string | undefined): string {
  return token ? ([...token][0] ?? '') : '';
}

function lastChar(token: string | undefined): string {
  return token ? ([...token].at(-1) ?? '') : '';
}

function isSpace(token: string | undefined): boolean {
  return token !== undefined && /^\s+$/u.test(token);
}

/**
 * Breaks a paragraph into lines no wider than the given widths (the first line may be
 * narrower, for the indent). Keeps closing punctuation off the start of a line and opening
 * punctuation off its end by carrying the neighbouring character over, as Chinese typesetting
 * does, rather than letting punctuation hang into the margin.
 */
export function breakIntoLines(text: string, measure: MeasureText, firstWidth: number, restWidth = firstWidth): string[] {
  const tokens = splitTokens(text, measure, Math.min(firstWidth, restWidth));
  const lines: string[] = [];
  let current: string[] = [];
  let width = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : restWidth);

  for (const token of tokens) {
    if (current.length === 0 && isSpace(token)) continue;
    const tokenWidth = measure(token);
    if (current.length === 0 || width + tokenWidth <= limit() || isSpace(token)) {
      current.push(token);
      width += tokenWidth;
      continue;
    }
    const carry = [token];
    while (current.length > 1 && NO_LINE_START.has(firstChar(carry[0]))) carry.unshift(current.pop() ?? '');
    while (current.length > 1 && NO_LINE_END.has(lastChar(current.at(-1)))) carry.unshift(current.pop() ?? '');
    lines.push(current.join('').trimEnd());
    while (isSpace(carry[0])) carry.shift();
    current = carry;
    width = measure(current.join(''));
  }
  const last = current.join('').trimEnd();
  if (last || lines.length === 0) lines.push(last);
  return lines;
}

/**
 * Extra space between characters that makes `line` fill `width` exactly (两端对齐), or 0 when
 * stretching would look worse than a ragged edge (a short line with few characters).
 */
export function computeJustifySpacing(line: string, naturalWidth: number, width: number, fontSize: number): number {
  const gaps = [...line].length - 1;
  if (gaps <= 0 || naturalWidth >= width) return 0;
  const spacing = (width - naturalWidth) / gaps;
  return spacing <= fontSize * 0.25 ? spacing : 0;
}

export interface RowSize {
  height: number;
  /** Must sit on the same page as the next row (headings, first lines, lines before the seal). */
  keepWithNext: boolean;
}

export interface RowPlacement {
  page: number;
  /** Distance from the top of the page's text area. */
  offset: number;
}

// Never carry more than this many rows to the next page, or a chain of kept rows could empty it.
const MAX_CARRIED_ROWS = 4;

/** Places rows on pages of the given usable height, honouring keepWithNext where possible. */
export function paginateRows(rows: readonly RowSize[], pageHeight: number): RowPlacement[] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  const heightOf = (index: number): number => rows[index]?.height ?? 0;

  rows.forEach((row, index) => {
    if (current.length > 0 && used + row.height > pageHeight) {
      const carried: number[] = [];
      while (
        current.length > 1 &&
        carried.length < MAX_CARRIED_ROWS &&
        rows[current.at(-1) ?? -1]?.keepWithNext
      ) {
        carried.unshift(current.pop() ?? 0);
      }
      pages.push(current);
      current = carried;
      used = carried.reduce((sum, i) => sum + heightOf(i), 0);
    }
    current.push(index);
    used += row.height;
  });
  if (current.length > 0) pages.push(current);

  const placements: RowPlacement[] = [];
  pages.forEach((indices, page) => {
    let offset = 0;
    for (const index of indices) {
      placements[index] = { page, offset };
      offset += heightOf(index);
    }
  });
  return placements;
}

/** Number of pages a placement uses. */
export function countPages(placements: readonly RowPlacement[]): number {
  return placements.reduce((max, p) => Math.max(max, p.page + 1), 0);
}
