import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild,
} from 'docx';

/**
 * Official documents in the administrative format of Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13–14; the header block
 * of two columns (upper body and issuing body with a rule under it, số/ký hiệu | national motto
 * with its motto underlined, place and date in italics); the title (document kind and trích yếu);
 * the body; "Nơi nhận:" beside the signature block; page numbers from page 2, centred at the top.
 *
 * Domain-free: the caller gives the texts, this module lays them out. Used for periodic reports,
 * financial disclosures, reminder letters (công văn: `docType` omitted, `title` = "V/v …").
 *
 *   const buffer = await officialDocx({
 *     upperBody: 'LĐLĐ TỈNH LÂM ĐỒNG', issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ BẢO LỘC',
 *     number: '12/BC-LĐLĐ', place: 'Bảo Lộc', date: '2026-07-05',
 *     docType: 'BÁO CÁO', title: 'Kết quả thực hiện Chương trình hành động 6 tháng đầu năm 2026',
 *     body: [{ kind: 'heading', text: 'I. KẾT QUẢ' }, { kind: 'paragraph', text: '…' }, { kind: 'table', columns, rows }],
 *     recipients: ['Thường trực Thành ủy', 'LĐLĐ tỉnh Lâm Đồng'],
 *     signature: { authority: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
 *   });
 */

/** A piece of text with its emphasis; a plain string is upright and regular. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type CellValue = string | number | null | undefined
  | { text: string | number | null; bold?: boolean; italic?: boolean; align?: Align; colSpan?: number };

export interface TableColumn {
  title: string;
  /** Relative width (the widths of all columns are scaled to the text width). Default 1. */
  width?: number;
  align?: Align;
}

export type TableRowInput = CellValue[] | { cells: CellValue[]; bold?: boolean; italic?: boolean };

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  /** Level 1: "I. KẾT QUẢ…" bold upper case; level 2: "1. …" bold; level 3: "1.1. …" bold italic. No first-line indent. */
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  /** Justified, first line indented 1,27 cm unless `indent: false`. A string with line breaks makes several paragraphs. */
  | { kind: 'paragraph'; text: Inline | Inline[]; indent?: boolean; align?: Align }
  /** Lines each starting with "- " (the dash list of Vietnamese administrative writing). */
  | { kind: 'list'; items: (Inline | Inline[])[] }
  /** A bordered table: header row(s) bold and centred; `numbering` adds the (1), (2)… row under the header. */
  | { kind: 'table'; columns: TableColumn[]; rows: TableRowInput[]; caption?: string; note?: string; fontSize?: number; numbering?: boolean }
  | { kind: 'pageBreak' };

export interface Signature {
  /** "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH"… (NĐ30 §8); omitted when the signer signs in their own right. */
  authority?: string | null;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  position: string;
  /** The signer's full name; empty leaves the line to be written by hand. */
  name?: string | null;
  /** The hint in the signing space; default "(Ký, ghi rõ họ tên)"; null for none. */
  hint?: string | null;
}

export interface OfficialDocumentInput {
  /** Cơ quan chủ quản, upright upper case: "LĐLĐ TỈNH LÂM ĐỒNG". Omitted for a body without one. */
  upperBody?: string | null;
  /** Cơ quan ban hành, bold upper case, with the rule under it: "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ BẢO LỘC". */
  issuingBody: string;
  /** Số/ký hiệu without "Số:", e.g. "12/BC-LĐLĐ". When absent, `symbol` prints "Số:     /BC-LĐLĐ" to be numbered by hand. */
  number?: string | null;
  /** Ký hiệu alone ("BC-LĐLĐ"), used when the number is not yet given. */
  symbol?: string | null;
  /** Địa danh: "Bảo Lộc". */
  place: string;
  /** 'YYYY-MM-DD' or a Date; absent: "ngày … tháng … năm …" left to fill by hand. */
  date?: string | Date | null;
  /** Tên loại văn bản: "BÁO CÁO", "THÔNG BÁO", "KẾ HOẠCH"… Absent for a letter (công văn). */
  docType?: string | null;
  /** Trích yếu. For a letter, "V/v …", printed under the number as NĐ30 requires. */
  title: string;
  /** "Kính gửi:" lines of a letter (one addressee on the same line, several as a dash list). */
  addressees?: string[];
  body: Block[];
  /** Nơi nhận, without the dashes and semicolons (added here); the archive line comes last. */
  recipients?: string[];
  /** The last line of Nơi nhận; default "Lưu: VT." */
  archive?: string;
  signature: Signature;
  /** Body size in points: 13 (default) or 14. */
  fontSize?: 13 | 14;
  /** Document properties (File › Properties). */
  author?: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const FONT = 'Times New Roman';

/** NĐ30 Phụ lục I §II.4: margins in millimetres. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const PAGE_WIDTH_MM = 210;
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 1 twip short). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const TEXT_WIDTH = convertMillimetersToTwip(PAGE_WIDTH_MM - MARGINS_MM.left - MARGINS_MM.right);
/** Header block columns: the issuing body narrower than the national motto. */
const LEFT_COL = Math.round(TEXT_WIDTH * 0.4);
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;

const pt = (n: number) => n * 2; // docx sizes are half-points
const NO_BORDERS = TableBorders.NONE;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_THIN = { top: THIN, bottom: THIN, left: THIN, right: THIN };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** Two digits for days below 10 and for January and February, as NĐ30 §II.5 requires ("ngày 05 tháng 02", "tháng 3"). */
export function vnDateWords(date: string | Date): string {
  const iso = typeof date === 'string' ? date.slice(0, 10) : date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) throw new Error(`Ngày không hợp lệ: ${String(date)}`);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** "Bảo Lộc, ngày 05 tháng 01 năm 2026"; without a date, the blanks an officer fills by hand. */
export function placeAndDate(place: string, date?: string | Date | null): string {
  return `${place}, ${date ? vnDateWords(date) : 'ngày      tháng      năm 20…'}`;
}

/** "Số: 12/BC-LĐLĐ", or "Số:      /BC-LĐLĐ" while the document has no number yet. */
export function numberLine(number?: string | null, symbol?: string | null): string {
  if (number?.trim()) return `Số: ${number.trim()}`;
  return `Số:        /${symbol?.trim() ?? ''}`;
}

/** Nơi nhận lines: "- X;" for each recipient, and the archive line last. */
export function recipientLines(recipients: string[], archive = 'Lưu: VT.'): string[] {
  const items = recipients.map((r) => r.trim().replace(/[;,.]+$/, '')).filter(Boolean).map((r) => `- ${r};`);
  return [...items, `- ${archive.trim()}`];
}

function runs(text: Inline | Inline[], base: { size: number; bold?: boolean; italic?: boolean }): TextRun[] {
  const parts = Array.isArray(text) ? text : [text];
  return parts.map((p) => {
    const r = typeof p === 'string' ? { text: p } : p;
    return new TextRun({
      text: r.text, font: FONT, size: pt(base.size), bold: r.bold ?? base.bold, italics: r.italic ?? base.italic,
      underline: r.underline ? {} : undefined,
    });
  });
}

const line = (text: string, o: { size: number; bold?: boolean; italic?: boolean; underline?: boolean; align?: Align; after?: number; before?: number }) =>
  new Paragraph({
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, font: FONT, size: pt(o.size), bold: o.bold, italics: o.italic, underline: o.underline ? {} : undefined })],
  });

/**
 * The short solid rule NĐ30 draws under the issuing body and under the trích yếu: between a third
 * and a half of the line, centred — a tiny paragraph whose top border is the rule.
 */
function rule(width: number, fraction = 0.36) {
  const side = Math.round((width * (1 - fraction)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: FONT, size: 2 })],
  });
}

const cell = (children: (Paragraph | Table)[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: CELL_NO_BORDERS, margins: { left: 0, right: 0, top: 0, bottom: 0 }, ...extra });

/** Ô 1–4 of NĐ30: bodies | national motto, then số/ký hiệu (and "V/v" of a letter) | place and date. */
function headerBlock(doc: OfficialDocumentInput): Table {
  const left: Paragraph[] = [];
  if (doc.upperBody?.trim()) left.push(line(doc.upperBody.trim().toLocaleUpperCase('vi'), { size: 12 }));
  left.push(line(doc.issuingBody.trim().toLocaleUpperCase('vi'), { size: 12, bold: true }));
  left.push(rule(LEFT_COL, 0.4));
  const right = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
    line('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true }),
  ];
  const numberCell: Paragraph[] = [line(numberLine(doc.number, doc.symbol), { size: 13, before: 120 })];
  if (!doc.docType) numberCell.push(line(doc.title, { size: 12, before: 60 }));
  const dateCell = [line(placeAndDate(doc.place, doc.date), { size: 13, italic: true, before: 120 })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [LEFT_COL, RIGHT_COL], layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(left, LEFT_COL), cell(right, RIGHT_COL)] }),
      new TableRow({ children: [cell(numberCell, LEFT_COL), cell(dateCell, RIGHT_COL)] }),
    ],
  });
}

function titleBlock(doc: OfficialDocumentInput, size: number): Paragraph[] {
  if (!doc.docType) {
    // A letter: its subject sits under the number; "Kính gửi:" follows the header.
    const to = doc.addressees ?? [];
    if (to.length === 0) return [];
    if (to.length === 1) return [line(`Kính gửi: ${to[0]}`, { size: 14, before: 360, after: 240 })];
    return [
      line('Kính gửi:', { size: 14, before: 360, align: 'left' }),
      ...to.map((a, i) => new Paragraph({
        indent: { left: convertMillimetersToTwip(40) },
        spacing: { after: i === to.length - 1 ? 240 : 0 },
        children: runs(`- ${a.replace(/[;.]+$/, '')}${i === to.length - 1 ? '.' : ';'}`, { size: 14 }),
      })),
    ];
  }
  return [
    line(doc.docType.trim().toLocaleUpperCase('vi'), { size, bold: true, before: 480 }),
    line(doc.title.trim(), { size, bold: true }),
    rule(TEXT_WIDTH, 0.3),
  ];
}

function bodyParagraphs(block: Extract<Block, { kind: 'paragraph' }>, size: number): Paragraph[] {
  // A plain string may hold several paragraphs, one per line (a narrative typed in a text area).
  const pieces: (Inline | Inline[])[] = typeof block.text === 'string'
    ? block.text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0)
    : [block.text];
  return pieces.map((text) => new Paragraph({
    alignment: ALIGN[block.align ?? 'justify'],
    indent: block.indent === false ? undefined : { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: runs(text, { size }),
  }));
}

function cellParts(v: CellValue): { text: string; bold?: boolean; italic?: boolean; align?: Align; colSpan?: number } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'object') return { ...v, text: v.text === null ? '' : String(v.text) };
  return { text: String(v) };
}

function dataTable(block: Extract<Block, { kind: 'table' }>, bodySize: number): (Paragraph | Table)[] {
  const size = block.fontSize ?? Math.min(bodySize, 12);
  const total = block.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = block.columns.map((c) => Math.floor((TEXT_WIDTH * (c.width ?? 1)) / total));
  const para = (text: string, o: { bold?: boolean; italic?: boolean; align: Align }) => new Paragraph({
    alignment: ALIGN[o.align], spacing: { before: 40, after: 40 },
    children: text.split('\n').map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, font: FONT, size: pt(size), bold: o.bold, italics: o.italic })),
  });
  const tcell = (children: Paragraph[], width: number, colSpan?: number) => new TableCell({
    children, width: { size: width, type: WidthType.DXA }, columnSpan: colSpan, verticalAlign: VerticalAlign.CENTER, borders: CELL_THIN,
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
  });
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map((c, i) => tcell([para(c.title, { bold: true, align: 'center' })], widths[i])),
  });
  const rows = [header];
  if (block.numbering) {
    rows.push(new TableRow({ children: block.columns.map((_, i) => tcell([para(`(${i + 1})`, { italic: true, align: 'center' })], widths[i])) }));
  }
  for (const r of block.rows) {
    const cells = Array.isArray(r) ? r : r.cells;
    const rowBold = Array.isArray(r) ? false : r.bold;
    const rowItalic = Array.isArray(r) ? false : r.italic;
    let col = 0;
    const children: TableCell[] = [];
    for (const v of cells) {
      const c = cellParts(v);
      const span = Math.max(1, c.colSpan ?? 1);
      const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
      const align = c.align ?? block.columns[col]?.align ?? 'left';
      children.push(tcell([para(c.text, { bold: c.bold ?? rowBold, italic: c.italic ?? rowItalic, align })], width, span > 1 ? span : undefined));
      col += span;
    }
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(line(block.caption, { size: bodySize, bold: true, before: 120, after: 120 }));
  out.push(new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }));
  if (block.note) out.push(line(block.note, { size: 12, italic: true, align: 'left', before: 60 }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function blocks(body: Block[], size: number): FileChild[] {
  const out: FileChild[] = [];
  for (const b of body) {
    switch (b.kind) {
      case 'heading': {
        const level = b.level ?? 1;
        out.push(new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: convertMillimetersToTwip(12.7) },
          keepNext: true,
          spacing: { before: level === 1 ? 120 : 60, after: 120, line: 276, lineRule: LineRuleType.AUTO },
          children: runs(level === 1 ? b.text.toLocaleUpperCase('vi') : b.text, { size, bold: true, italic: level === 3 }),
        }));
        break;
      }
      case 'paragraph': out.push(...bodyParagraphs(b, size)); break;
      case 'list':
        for (const item of b.items) {
          const parts = Array.isArray(item) ? item : [item];
          out.push(new Paragraph({
            alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(12.7) },
            spacing: { after: 60, line: 276, lineRule: LineRuleType.AUTO }, children: runs(['- ', ...parts], { size }),
          }));
        }
        break;
      case 'table': out.push(...dataTable(b, size)); break;
      case 'pageBreak': out.push(new Paragraph({ pageBreakBefore: true, children: [] })); break;
    }
  }
  return out;
}

/** Ô 9 (Nơi nhận) on the left, ô 7 (signature) on the right, side by side as NĐ30 places them. */
function closingBlock(doc: OfficialDocumentInput, size: number): Table {
  const left = [
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: 'Nơi nhận:', font: FONT, size: pt(12), bold: true, italics: true })] }),
    ...recipientLines(doc.recipients ?? [], doc.archive).map((r) => line(r, { size: 11, align: 'left' })),
  ];
  const s = doc.signature;
  const right: Paragraph[] = [];
  if (s.authority?.trim()) right.push(line(s.authority.trim().toLocaleUpperCase('vi'), { size, bold: true, before: 120 }));
  right.push(line(s.position.trim().toLocaleUpperCase('vi'), { size, bold: true, before: s.authority?.trim() ? 0 : 120 }));
  const hint = s.hint === undefined ? '(Ký, ghi rõ họ tên)' : s.hint;
  if (hint) right.push(line(hint, { size: 12, italic: true }));
  // The signing space: about 3 cm for signature and seal.
  right.push(new Paragraph({ spacing: { before: 0, after: 0, line: convertMillimetersToTwip(26), lineRule: LineRuleType.EXACT }, children: [] }));
  right.push(line(s.name?.trim() || ' ', { size, bold: true }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [LEFT_COL, RIGHT_COL], layout: TableLayoutType.FIXED, borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, LEFT_COL), cell(right, RIGHT_COL)] })],
  });
}

/** The document model (docx `Document`), for callers that pack it themselves (e.g. to a stream). */
export function officialDocument(doc: OfficialDocumentInput): Document {
  const size = doc.fontSize ?? 13;
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(size) })] })],
  });
  return new Document({
    creator: doc.author ?? doc.issuingBody,
    title: doc.docType ? `${doc.docType} ${doc.title}` : doc.title,
    styles: { default: { document: { run: { font: FONT, size: pt(size) } } } },
    sections: [{
      properties: {
        titlePage: true, // page numbers from page 2 (NĐ30 §II.6)
        page: {
          size: { width: convertMillimetersToTwip(PAGE_WIDTH_MM), height: convertMillimetersToTwip(297) },
          margin: {
            top: convertMillimetersToTwip(MARGINS_MM.top), bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
            left: convertMillimetersToTwip(MARGINS_MM.left), right: convertMillimetersToTwip(MARGINS_MM.right),
            header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10),
          },
        },
      },
      headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children: [headerBlock(doc), ...titleBlock(doc, size), ...blocks(doc.body, size), closingBlock(doc, size)],
    }],
  });
}

/** The .docx file as bytes. */
export async function officialDocx(doc: OfficialDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(doc));
}
