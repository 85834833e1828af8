// Finding a CJK font on the host. The standard PDF fonts have no Chinese glyphs, so without an
// embedded font every character would come out blank; we fail loudly instead.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Where Debian's fonts-noto-cjk puts its collections, serif first: official documents are set
 * in a 宋体-like face, and the sans collection is the fallback when only that one is installed.
 */
export const DEFAULT_NOTICE_FONT_PATHS: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];

/** One face pdfkit can register: a file and, for a .ttc collection, the member to use. */
export interface FontFace {
  path: string;
  /** PostScript name of the collection member; undefined for single-face .ttf/.otf files. */
  postscriptName: string | undefined;
}

export interface NoticeFonts {
  regular: FontFace;
  /** The bold weight of the same family, when it is installed next to the regular one. */
  bold: FontFace | null;
}

/**
 * The face to take from a font file. pdfkit (via fontkit) picks a member of a .ttc by its
 * PostScript name, not by its family name ('Noto Serif CJK SC' is not found), so for the Noto
 * collections we derive it from the file name: NotoSerifCJK-Regular.ttc → NotoSerifCJKsc-Regular,
 * the Simplified Chinese member.
 */
export function describeFontFace(path: string): FontFace {
  const name = basename(path);
  const noto = /^(Noto(?:Serif|Sans)CJK)-(\w+)\.ttc$/i.exec(name);
  if (noto) return { path, postscriptName: `${noto[1]}sc-${noto[2]}` };
  if (/\.ttc$/i.test(name)) {
    throw new Error(
      `Font collection ${path} is not a Noto CJK collection, so the face to use is unknown; ` +
        'pass a .ttf/.otf file or a Noto CJK .ttc (Debian package fonts-noto-cjk).',
    );
  }
  return { path, postscriptName: undefined };
}

/** The bold sibling of a regular font file, e.g. …-Regular.ttc → …-Bold.ttc, if it exists. */
function findBoldSibling(regularPath: string): FontFace | null {
  if (!/-Regular\.(ttc|ttf|otf)$/i.test(regularPath)) return null;
  const boldPath = regularPath.replace(/-Regular(\.\w+)$/i, '-Bold$1');
  return existsSync(boldPath) ? describeFontFace(boldPath) : null;
}

/**
 * Picks the first existing font from the candidate paths. Throws an Error that names the Debian
 * package to install, because the usual cause is a server image built without it.
 */
export function locateNoticeFonts(candidates: readonly string[] = DEFAULT_NOTICE_FONT_PATHS): NoticeFonts {
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No CJK font found for rendering notices (looked for: ' +
        (candidates.length ? candidates.join(', ') : 'no paths given') +
        '). Install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk).',
    );
  }
  return { regular: describeFontFace(found), bold: findBoldSibling(found) };
}
