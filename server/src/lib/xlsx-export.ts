import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type CellValue = string | number | boolean | Date | null | undefined;

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value(row: T): CellValue;
  /** Excel number format, e.g. MONEY_FORMAT. */
  numFmt?: string;
}

/** Integer VND with dot thousands, as Vietnamese readers write it: 1.234.567 ₫ (Excel shows its own separator). */
export const MONEY_FORMAT = '#,##0 "₫"';
export const COUNT_FORMAT = '#,##0';

export interface ListWorkbook<T> {
  sheetName: string;
  /** Lines above the table, centred across it: unit name, the list's title, "(Tính đến ngày …)". The first two are bold. */
  titles: string[];
  columns: SheetColumn<T>[];
  /** The rows, page by page, so a large list is written in constant memory. */
  pages: AsyncIterable<T[]> | Iterable<T[]>;
  /** An "STT" column and the "(1) (2) (3)…" row under the header, as official lists have. */
  numbered?: boolean;
}

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;

/**
 * A list as an official-looking .xlsx (title block, bordered header, numbered columns), streamed:
 * the returned stream can be sent while rows are still being read from the database.
 */
export function streamListWorkbook<T>(spec: ListWorkbook<T>): PassThrough {
  const stream = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = book.addWorksheet(spec.sheetName.slice(0, 31));
  const numbered = spec.numbered ?? true;
  const width = spec.columns.length + (numbered ? 1 : 0);
  sheet.columns = [...(numbered ? [{ width: 6 }] : []), ...spec.columns.map((c) => ({ width: c.width ?? 16, style: c.numFmt ? { numFmt: c.numFmt } : {} }))];
  spec.titles.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: FONT, size: 13, bold: i < 2 };
    row.getCell(1).alignment = { horizontal: 'center' };
    row.commit();
  });
  if (spec.titles.length) sheet.addRow([]).commit();
  const header = sheet.addRow([...(numbered ? ['STT'] : []), ...spec.columns.map((c) => c.header)]);
  header.eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  header.commit();
  if (numbered) {
    const numbering = sheet.addRow(Array.from({ length: width }, (_, i) => `(${i + 1})`));
    numbering.eachCell((c) => { c.alignment = { horizontal: 'center' }; c.font = { name: FONT, italic: true }; });
    numbering.commit();
  }
  (async () => {
    let seq = 0;
    for await (const page of spec.pages) {
      for (const item of page) {
        const line = sheet.addRow([...(numbered ? [++seq] : []), ...spec.columns.map((c) => c.value(item) ?? '')]);
        line.font = { name: FONT };
        line.commit();
      }
    }
    sheet.commit();
    await book.commit();
  })().catch((err) => stream.destroy(err));
  return stream;
}

/** Reads a query page by page (offset paging in a stable order) for streaming exports. */
export async function* pagesOf<T>(fetchPage: (offset: number, limit: number) => Promise<T[]>, pageSize = 2000): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await fetchPage(offset, pageSize);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
  }
}

/** Sends a generated file under a Vietnamese name (RFC 5987), with an ASCII fallback for old clients. */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: unknown) {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\w.-]+/g, '-');
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(body);
}

/** Today as dd/mm/yyyy in Vietnam, for "(Tính đến ngày …)" lines. */
export const vnToday = () => new Date().toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
export const vnDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
