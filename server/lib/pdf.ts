import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { pdfFontSetting } from '../config';
import { AppError } from './errors';

// Printed forms (签收单…) as A4 PDF with a Chinese font. PDF viewers have no Chinese font of their
// own, so one is embedded (pdfkit subsets it to the characters used, with a ToUnicode map so the
// text can be searched and copied). The font comes from TONGXIN_PDF_FONT or a usual place on Linux,
// macOS or Windows (docs/operations.md "PDF 中文字体").

export const PDF_TYPE = 'application/pdf';

/** A font file, and for a collection (.ttc) the PostScript name of the face inside it. */
export interface FontChoice {
  path: string;
  face?: string;
}

// Collections list the faces to try, Simplified Chinese first.
const CANDIDATES: { path: string; faces?: string[] }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', faces: ['NotoSansCJKsc-Regular'] },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', faces: ['NotoSansCJKsc-Regular'] },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', faces: ['NotoSansCJKsc-Regular'] },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', faces: ['NotoSerifCJKsc-Regular'] },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', faces: ['WenQuanYiMicroHei'] },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', faces: ['WenQuanYiZenHei'] },
  { path: '/System/Library/Fonts/Supplemental/Songti.ttc', faces: ['STSongti-SC-Regular'] },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
  { path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', faces: ['MicrosoftYaHei'] },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', faces: ['SimSun'] },
];
/** Faces tried in a collection named by TONGXIN_PDF_FONT without one. */
const KNOWN_FACES = ['NotoSansCJKsc-Regular', 'NotoSerifCJKsc-Regular', 'WenQuanYiMicroHei', 'WenQuanYiZenHei', 'MicrosoftYaHei', 'SimSun', 'STSongti-SC-Regular'];

const isCollection = (p: string) => /\.ttc$/i.test(p);
const cache = new Map<string, Buffer>();
const read = (p: string) => {
  let b = cache.get(p);
  if (!b) cache.set(p, (b = fs.readFileSync(p)));
  return b;
};

/** Whether the face opens (a wrong name in a collection throws only when the font is used). */
function opens(choice: FontChoice): boolean {
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    if (choice.face) doc.font(read(choice.path), choice.face);
    else doc.font(read(choice.path));
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chinese font to embed: TONGXIN_PDF_FONT (`/path/font.ttf`, or `/path/fonts.ttc#PostScriptName`)
 * when set — and then only it, so a typo is reported rather than silently replaced — else the first
 * usual location that exists. Null when there is none.
 */
export function findCjkFont(env: Record<string, string | undefined> = process.env): FontChoice | null {
  const configured = pdfFontSetting(env);
  if (configured) {
    const [path, face] = configured.split('#');
    if (!fs.existsSync(path)) return null;
    const faces = face ? [face] : isCollection(path) ? KNOWN_FACES : [undefined];
    for (const f of faces) if (opens({ path, face: f })) return { path, face: f };
    return null;
  }
  for (const c of CANDIDATES) {
    if (!fs.existsSync(c.path)) continue;
    for (const face of c.faces ?? [undefined]) if (opens({ path: c.path, face })) return { path: c.path, face };
  }
  return null;
}

let found: FontChoice | null | undefined;
/** The font, looked up once per process; a clear 503 naming what to install when there is none. */
function cjkFont(): FontChoice {
  if (found === undefined) found = findCjkFont();
  if (found) return found;
  found = undefined; // an administrator may install one without restarting
  const configured = pdfFontSetting();
  throw new AppError(503, 'pdf_font_missing', 'err.pdf_font_missing', { path: configured ? `（TONGXIN_PDF_FONT=${configured} 无法打开）` : '' });
}

export interface PdfColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TablePdf {
  title: string;
  /** Lines under the title (school, occasion, date). */
  lines: string[];
  columns: PdfColumn[];
  rows: string[][];
  /** Lines under the table (totals). */
  after: string[];
  /** The sign-off line at the foot of the last page (经办人 / 审核人 …). */
  signOff?: string;
  /** Taller rows leave room to sign by hand. */
  rowHeight?: number;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;

/** A titled A4 table that repeats its header on every page, numbered 第 n 页 / 共 N 页. */
export async function tablePdf(spec: TablePdf): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: spec.title, Creator: '同心 Tongxin' } });
  doc.registerFont('cjk', read(font.path), font.face);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = A4.width - 2 * MARGIN;
  const rowH = spec.rowHeight ?? 28;
  const bottom = A4.height - MARGIN - 20; // room for the page number
  const xs = spec.columns.reduce<number[]>((acc, c, i) => [...acc, acc[i] + c.width * width], [MARGIN]);

  const cell = (text: string, i: number, y: number, h: number) => {
    const col = spec.columns[i];
    const w = xs[i + 1] - xs[i];
    doc.rect(xs[i], y, w, h).stroke();
    doc.text(text, xs[i] + 4, y + (h - 12) / 2, { width: w - 8, height: h - 4, align: col.align ?? 'left', lineBreak: false, ellipsis: true });
  };
  const header = (y: number) => {
    spec.columns.forEach((c, i) => cell(c.header, i, y, 24));
    return y + 24;
  };

  doc.fontSize(18).text(spec.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.5).fontSize(11);
  for (const line of spec.lines) doc.text(line, { width, align: 'center' });
  let y = header(doc.y + 12);
  for (const row of spec.rows) {
    if (y + rowH > bottom) {
      doc.addPage();
      y = header(MARGIN);
    }
    row.forEach((text, i) => cell(text, i, y, rowH));
    y += rowH;
  }
  const tail = [...spec.after, ...(spec.signOff ? ['', spec.signOff] : [])];
  if (y + 16 * (tail.length + 1) > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  doc.fontSize(11);
  let ty = y + 12;
  for (const line of tail) {
    doc.text(line, MARGIN, ty, { width });
    ty = doc.y + 4;
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would open a new page; the footer sits in the margin.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`第 ${i + 1} 页 / 共 ${count} 页`, MARGIN, A4.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
