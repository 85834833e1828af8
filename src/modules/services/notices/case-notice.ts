// Official notices of a case (受理通知书, 决定书, …) rendered as A4 PDFs with Chinese text.
// The layout loosely follows GB/T 9704 (党政机关公文格式): centred unit and title, 文号 under the
// title, 2-character first-line indent, signature and date bottom-right with the seal over them.
import PDFDocument from 'pdfkit';
import { composeNoticeBody, formatChineseDate } from './notice-texts.ts';
import type { NoticeBlock } from './notice-texts.ts';
import { locateNoticeFonts } from './notice-fonts.ts';
import type { FontFace, NoticeFonts } from './notice-fonts.ts';
import { breakIntoLines, computeJustifySpacing, countPages, paginateRows } from './notice-layout.ts';
import type { RowPlacement, RowSize } from './notice-layout.ts';

export type NoticeKind = 'acceptance' | 'refusal' | 'supplement' | 'approval' | 'denial' | 'penalty';

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  refusal: '不予受理通知书',
  supplement: '补正材料通知书（一次性告知）',
  approval: '准予行政许可决定书',
  denial: '不予行政许可决定书',
  penalty: '行政处罚决定书',
};

export interface NoticeData {
  kind: NoticeKind;
  /** Issuing unit, e.g. 县市场监督管理局; printed at the top, in the signature and on the seal. */
  unitName: string;
  /** 文号, e.g. 示市监许受〔2026〕00017号, built by the caller from its numbering sequence. */
  documentNumber: string;
  caseNumber: string;
  queryCode?: string | null;
  itemName: string;
  applicantName: string;
  /** Already masked by the caller; printed as given. */
  applicantIdNumber: string;
  /** YYYY-MM-DD, printed as 2026年11月23日. */
  submittedOn: string;
  issuedOn: string;
  /** Acceptance: 承诺办理时限 in working days and the resulting deadline. */
  promisedDays?: number | null;
  caseDeadline?: string | null;
  /** Refusal, denial, penalty (facts) or no penalty: why, and under which provision. */
  reason?: string | null;
  legalBasis?: string | null;
  /** Supplement: every missing or defective material at once (一次性告知). */
  supplementItems?: Array<{ name: string; requirement: string }>;
  /** Approval: the reviewer's conclusion. */
  opinion?: string | null;
  /** Penalty: the fine in 元; null means the decision imposes no penalty. */
  fine?: { amount: number; circumstance: string } | null;
  /** 救济途径; refusal, denial and penalty get a default text when this is empty. */
  remedy?: string | null;
  contact?: string | null;
}

export interface RenderNoticeOptions {
  /** Candidate font files, first existing wins; defaults to the Debian fonts-noto-cjk paths. */
  fontPaths?: string[];
}

// A4 in points. Margins are a little smaller than GB/T 9704's 37/35 mm top/bottom so a typical
// notice fits one page; the footer sits inside the bottom margin.
const MARGINS = { top: 76, left: 80, right: 74, bottom: 84 };
const BODY_SIZE = 14; // 四号, the usual size for 通知书 and 决定书
const BODY_LINE_GAP = 11; // 25pt line pitch
const MIN_LINE_GAP = 6; // tightest spacing used to keep a notice on one page (GB/T 9704 7.3.5.1)
const TITLE_SIZE = 22; // 二号, as for 公文标题
const UNIT_SIZE = 17;
const FOOTER_SIZE = 9;
const SEAL_RADIUS = 52;
// Body-to-signature distance: the seal's top comes within one line of the body, as the standard asks.
const SIGNATURE_GAP = SEAL_RADIUS + 14;
const SEAL_RED = '#d40000';
const INK = 'black';

const REGULAR = 'notice-regular';
const BOLD = 'notice-bold';

type Doc = PDFKit.PDFDocument;

/** One line (or block) of the notice with its height and how to draw it at a given top. */
interface Row extends RowSize {
  draw: (doc: Doc, top: number) => void;
}

/** Registers the fonts with the document; a broken font file is reported with its path. */
function registerFonts(doc: Doc, fonts: NoticeFonts): void {
  const register = (name: string, face: FontFace): void => {
    try {
      doc.registerFont(name, face.path, face.postscriptName);
      doc.font(name); // pdfkit loads lazily; load now so the error names the file
    } catch (error) {
      const member = face.postscriptName ? ` (${face.postscriptName})` : '';
      throw new Error(`Cannot load font ${face.path}${member}: ${String(error)}`, { cause: error });
    }
  };
  register(REGULAR, fonts.regular);
  if (fonts.bold) register(BOLD, fonts.bold);
}

/** Selects a bold heading face: the real bold weight, else the regular one filled and stroked. */
function selectHeadingFont(doc: Doc, fonts: NoticeFonts, size: number): PDFKit.Mixins.TextOptions {
  doc.fontSize(size);
  if (fonts.bold) {
    doc.font(BOLD);
    return {};
  }
  doc.font(REGULAR).lineWidth(size / 40).strokeColor(INK);
  return { fill: true, stroke: true };
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGINS.left - MARGINS.right;
}

/** Draws one line without pdfkit's wrapper, which would otherwise break pages on its own. */
function drawText(doc: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(text, x, y, { ...options, lineBreak: false });
}

/** Draws a body line, stretched to the full width unless it ends its paragraph. */
function drawBodyLine(doc: Doc, line: string, x: number, y: number, width: number, justify: boolean): void {
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
  const spacing = justify ? computeJustifySpacing(line, doc.widthOfString(line), width, BODY_SIZE) : 0;
  drawText(doc, line, x, y, { characterSpacing: spacing });
}

function buildHeaderRows(doc: Doc, fonts: NoticeFonts, data: NoticeData, pitch: number): Row[] {
  const width = contentWidth(doc);
  const centred = (text: string, size: number, height: number): Row => ({
    height,
    keepWithNext: true,
    draw: (d, top) => {
      const bold = selectHeadingFont(d, fonts, size);
      drawText(d, text, MARGINS.left + (width - d.widthOfString(text)) / 2, top, { ...bold });
      d.fillColor(INK);
    },
  });
  return [
    centred(data.unitName, UNIT_SIZE, UNIT_SIZE + 12),
    centred(NOTICE_TITLES[data.kind], TITLE_SIZE, TITLE_SIZE + 18),
    {
      height: BODY_SIZE + 22,
      keepWithNext: true,
      draw: (d, top) => {
        d.font(REGULAR).fontSize(BODY_SIZE);
        drawText(d, data.documentNumber, MARGINS.left + width - d.widthOfString(data.documentNumber), top);
      },
    },
    {
      height: pitch,
      keepWithNext: true,
      draw: (d, top) => drawBodyLine(d, `${data.applicantName}：`, MARGINS.left, top, width, false),
    },
  ];
}

/** Rows of a paragraph: 2-character first-line indent, justified, first line kept with the next. */
function buildParagraphRows(doc: Doc, text: string, pitch: number): Row[] {
  const width = contentWidth(doc);
  const indent = 2 * BODY_SIZE;
  const lines = breakIntoLines(text, (s) => doc.widthOfString(s), width - indent, width);
  return lines.map((line, i) => ({
    height: pitch,
    keepWithNext: i === 0 && lines.length > 1,
    draw: (d, top) => {
      const x = MARGINS.left + (i === 0 ? indent : 0);
      drawBodyLine(d, line, x, top, width - (i === 0 ? indent : 0), i < lines.length - 1);
    },
  }));
}

/** Numbered list with a hanging indent, so wrapped lines line up under the item text. */
function buildListRows(doc: Doc, items: readonly string[], pitch: number): Row[] {
  const labelX = MARGINS.left + 2 * BODY_SIZE;
  const textX = labelX + doc.widthOfString(`${items.length}.`) + BODY_SIZE * 0.5;
  const textWidth = MARGINS.left + contentWidth(doc) - textX;
  return items.flatMap((item, index) => {
    const lines = breakIntoLines(item, (s) => doc.widthOfString(s), textWidth);
    return lines.map((line, i): Row => ({
      height: pitch,
      keepWithNext: i === 0 && lines.length > 1,
      draw: (d, top) => {
        if (i === 0) drawBodyLine(d, `${index + 1}.`, labelX, top, textWidth, false);
        drawBodyLine(d, line, textX, top, textWidth, i < lines.length - 1);
      },
    }));
  });
}

/**
 * PLACEHOLDER seal: a thin red ring with the unit name along its upper arc and a star, so the
 * layout reserves the right spot. The seal module replaces this with the unit's registered
 * electronic seal image; nothing here has legal effect.
 */
function drawSealPlaceholder(doc: Doc, unitName: string, cx: number, cy: number): void {
  doc.save();
  doc.lineWidth(1.2).strokeColor(SEAL_RED).circle(cx, cy, SEAL_RADIUS).stroke();
  doc.fillColor(SEAL_RED).font(REGULAR);
  const chars = [...unitName];
  // Keep the name on the upper ~240° of the ring; long names get smaller characters.
  const arcRadius = SEAL_RADIUS - 12;
  const size = Math.min(11, ((arcRadius * (Math.PI * 4)) / 3 / chars.length) * 0.9);
  const step = (size * 1.1) / arcRadius;
  doc.fontSize(size);
  chars.forEach((char, index) => {
    const degrees = ((index - (chars.length - 1) / 2) * step * 180) / Math.PI;
    doc.save();
    doc.rotate(degrees, { origin: [cx, cy] });
    drawText(doc, char, cx - size / 2, cy - SEAL_RADIUS + 5);
    doc.restore();
  });
  doc.fontSize(26);
  drawText(doc, '★', cx - doc.widthOfString('★') / 2, cy - 13);
  doc.restore();
  doc.fillColor(INK).strokeColor(INK);
}

/**
 * Unit name and date bottom-right: the date two characters from the margin, the name centred
 * over it, and the seal on both with the two lines in its lower half ("下压成文日期").
 */
function buildSignatureRow(doc: Doc, data: NoticeData, pitch: number): Row {
  return {
    height: SIGNATURE_GAP + 2 * pitch,
    keepWithNext: false,
    draw: (d, top) => {
      d.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
      const right = MARGINS.left + contentWidth(d);
      const date = formatChineseDate(data.issuedOn);
      const dateWidth = d.widthOfString(date);
      const unitWidth = d.widthOfString(data.unitName);
      // Pulled left when a long unit name would otherwise run into the margin.
      const centre = Math.min(right - 2 * BODY_SIZE - dateWidth / 2, right - unitWidth / 2);
      const unitY = top + SIGNATURE_GAP;
      drawText(d, data.unitName, centre - unitWidth / 2, unitY);
      drawText(d, date, centre - dateWidth / 2, unitY + pitch);
      drawSealPlaceholder(d, data.unitName, centre, unitY - 4);
    },
  };
}

function buildRows(doc: Doc, fonts: NoticeFonts, data: NoticeData, blocks: readonly NoticeBlock[], gap: number): Row[] {
  const pitch = BODY_SIZE + gap;
  doc.font(REGULAR).fontSize(BODY_SIZE); // measurements below use the body font
  const body = blocks.flatMap((block) =>
    block.type === 'paragraph' ? buildParagraphRows(doc, block.text, pitch) : buildListRows(doc, block.items, pitch),
  );
  // The signature never stands alone on a page: the last two body lines go with it.
  for (const row of body.slice(-2)) row.keepWithNext = true;
  return [...buildHeaderRows(doc, fonts, data, pitch), ...body, buildSignatureRow(doc, data, pitch)];
}

/**
 * Lays the notice out with normal spacing, or with the widest tighter spacing that keeps it on
 * one page; adjusting line spacing is how GB/T 9704 fits the seal and date under the text.
 */
function layOutRows(
  doc: Doc,
  fonts: NoticeFonts,
  data: NoticeData,
  blocks: readonly NoticeBlock[],
): { rows: Row[]; placements: RowPlacement[] } {
  const pageHeight = doc.page.height - MARGINS.top - MARGINS.bottom;
  for (let gap = BODY_LINE_GAP; gap >= MIN_LINE_GAP; gap--) {
    const rows = buildRows(doc, fonts, data, blocks, gap);
    const placements = paginateRows(rows, pageHeight);
    if (countPages(placements) === 1) return { rows, placements };
  }
  const rows = buildRows(doc, fonts, data, blocks, BODY_LINE_GAP);
  return { rows, placements: paginateRows(rows, pageHeight) };
}

/** Case number, query code and, on multi-page notices, the page number at the foot of each page. */
function drawFooters(doc: Doc, data: NoticeData): void {
  const range = doc.bufferedPageRange();
  const caseLine = `办件编号：${data.caseNumber}${data.queryCode ? `　查询码：${data.queryCode}` : ''}`;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const width = contentWidth(doc);
    const lineY = doc.page.height - MARGINS.bottom + 34;
    doc.lineWidth(0.5).strokeColor('#555555').moveTo(MARGINS.left, lineY).lineTo(MARGINS.left + width, lineY).stroke();
    doc.font(REGULAR).fontSize(FOOTER_SIZE).fillColor('#333333');
    drawText(doc, caseLine, MARGINS.left, lineY + 5);
    if (range.count > 1) {
      const pageLabel = `第${i + 1}页　共${range.count}页`;
      drawText(doc, pageLabel, MARGINS.left + width - doc.widthOfString(pageLabel), lineY + 5);
    }
  }
  doc.fillColor(INK).strokeColor(INK);
}

/** Rejects data that would print a misleading document rather than rendering it. */
function assertRenderable(data: NoticeData): void {
  if (data.kind === 'supplement' && !data.supplementItems?.length) {
    throw new Error('A supplement notice (一次性告知) needs at least one item to list.');
  }
  if (!(data.kind in NOTICE_TITLES)) throw new Error(`Unknown notice kind: ${String(data.kind)}`);
}

/** Collects the PDF stream into one Buffer. */
function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders one official notice of a case as an A4 PDF. Fonts are looked up on every call (cheap
 * existence checks) so a font installed after start-up is picked up; only used glyphs are
 * embedded. Throws if no CJK font is installed, naming the Debian package fonts-noto-cjk.
 */
export async function renderCaseNotice(data: NoticeData, options: RenderNoticeOptions = {}): Promise<Buffer> {
  assertRenderable(data);
  const fonts = locateNoticeFonts(options.fontPaths);
  // Compose first: bad dates or amounts throw before any PDF work starts.
  const blocks = composeNoticeBody(data);
  const title = NOTICE_TITLES[data.kind];

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true, // footers need the final page count
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Author: data.unitName,
      Subject: `${data.documentNumber}（办件编号：${data.caseNumber}）`,
      Creator: '政通 Zhengtong',
    },
  });
  const pdf = collectPdf(doc);
  registerFonts(doc, fonts);

  const { rows, placements } = layOutRows(doc, fonts, data, blocks);
  let page = 0;
  rows.forEach((row, index) => {
    const placement = placements[index] ?? { page, offset: 0 };
    for (; page < placement.page; page++) doc.addPage();
    row.draw(doc, MARGINS.top + placement.offset);
  });
  drawFooters(doc, data);
  doc.end();
  return pdf;
}
