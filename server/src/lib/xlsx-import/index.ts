/**
 * Reading the spreadsheets people really keep: a streaming read of the first sheet, the header
 * found under any title block, columns mapped to the fields of an import spec by their header
 * texts, non-data rows recognised, and cell cleaners with Vietnamese messages.
 *
 *   const sheet = await openSheetImport(file, MY_SPEC);           // layout + automatic mapping
 *   for await (const row of sheet.rows(mapping)) { row.skip ?? row.get('fullName') … }
 */
import { readSheetRows, type SheetRow, type XlsxSource } from './read.ts';
import { detectLayout, type ColumnMapping, type ImportSpec, type SheetLayout } from './layout.ts';
import { RowClassifier, type SkipKind } from './rows.ts';
import type { CellValue } from './cells.ts';

export * from './cells.ts';
export * from './layout.ts';
export * from './rows.ts';
export { readSheetRows, sheetRowCount, type SheetRow, type XlsxSource } from './read.ts';
export * as clean from './clean.ts';
export type { Cleaned, CleanDate } from './clean.ts';

/** How far down a header may sit under its title block. */
const HEADER_SEARCH_ROWS = 40;

export interface ImportRow {
  /** Sheet row number, as Excel shows it. */
  number: number;
  cells: CellValue[];
  /** Why the row is not data, or null for a data row. */
  skip: SkipKind | null;
  /** The cell mapped to a field, or null when the field has no column. */
  get(field: string): CellValue;
}

export interface SheetImport {
  layout: SheetLayout;
  /** The mapping found from the header texts. */
  mapping: ColumnMapping;
  /** Rows after the header, classified, with cells reachable by field. Consumes the stream: call once. */
  rows(mapping?: ColumnMapping): AsyncGenerator<ImportRow>;
  close(): Promise<void>;
}

export class NoHeaderError extends Error {
  code = 'no_header';
  constructor() {
    super('Không tìm thấy dòng tiêu đề cột trong trang tính đầu tiên (ví dụ "Họ và tên", "Ngày sinh"). Hãy kiểm tra lại tệp.');
  }
}

export async function openSheetImport(source: XlsxSource, spec: ImportSpec): Promise<SheetImport> {
  const stream = readSheetRows(source);
  const head: SheetRow[] = [];
  let exhausted = false;
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await stream.next();
    if (next.done) { exhausted = true; break; }
    head.push(next.value);
  }
  const found = detectLayout(head, spec);
  if (!found) {
    await stream.return(undefined);
    throw new NoHeaderError();
  }
  const { layout } = found;
  return {
    layout,
    mapping: found.mapping,
    async *rows(mapping = found.mapping) {
      const classifier = new RowClassifier();
      const index = new Map(Object.entries(mapping).filter(([, v]) => v !== null) as [string, number][]);
      const wrap = (r: SheetRow): ImportRow => ({
        number: r.number,
        cells: r.cells,
        skip: r.number === layout.numberingRow ? 'numbering' : classifier.classify(r.cells),
        get(field) {
          const i = index.get(field);
          return i === undefined ? null : (r.cells[i] ?? null);
        },
      });
      for (const r of head) if (r.number >= layout.dataStartRow) yield wrap(r);
      if (exhausted) return;
      for await (const r of stream) yield wrap(r);
    },
    async close() {
      await stream.return(undefined);
    },
  };
}
