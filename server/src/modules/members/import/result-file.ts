import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { readSheetRows, type SheetLayout, type XlsxSource } from '../../../lib/xlsx-import/index.ts';
import type { RowOutcome } from './apply.ts';
import { outcomeMessage, STATUS_LABELS } from './service.ts';

/**
 * The file the officer gets back: the original sheet, row for row, with two columns added at the
 * right, "Kết quả" and "Ghi chú", so they can fix the rows in error and import the file again.
 * Streamed in and out: a 100,000-row list does not sit in memory as a workbook.
 */
export async function buildResultFile(source: XlsxSource, layout: SheetLayout, outcomes: RowOutcome[], committed: boolean): Promise<Buffer> {
  const byRow = new Map(outcomes.map((o) => [o.row, o]));
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => { out.on('end', resolve); out.on('error', reject); });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('Kết quả nhập');
  const width = Math.max(1, ...layout.columns.map((c) => c.index + 1));
  sheet.columns = [...Array.from({ length: width }, () => ({ width: 16 })), { width: 14 }, { width: 60 }];
  const lastHeader = layout.headerRows[layout.headerRows.length - 1];
  const fills: Record<string, string> = { invalid: 'FFFDE2E1', duplicate: 'FFFFF4CE', created: 'FFE3F5E1', updated: 'FFE1EEFB' };
  for await (const r of readSheetRows(source)) {
    const values: unknown[] = r.cells.slice(0, width);
    while (values.length < width) values.push(null);
    const o = byRow.get(r.number);
    if (r.number === layout.headerRows[0]) values.push('Kết quả nhập', 'Ghi chú');
    else if (o) values.push(STATUS_LABELS[o.status], outcomeMessage(o, committed));
    const row = sheet.getRow(r.number);
    row.values = values as ExcelJS.CellValue[];
    if (r.number <= lastHeader && r.number >= layout.headerRows[0]) row.font = { bold: true };
    if (o && fills[o.status]) {
      for (const col of [width + 1, width + 2]) row.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fills[o.status] } };
    }
    row.commit();
  }
  sheet.commit();
  await book.commit();
  await done;
  return Buffer.concat(parts);
}
