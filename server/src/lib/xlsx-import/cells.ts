import type ExcelJS from 'exceljs';

/** What a cell holds once Excel's wrappers (rich text, formulas, hyperlinks, errors) are peeled off. */
export type CellValue = string | number | boolean | Date | null;

export function plainCell(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return plainCell(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return plainCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v && typeof (v as ExcelJS.CellHyperlinkValue).text === 'string') return plainCell((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return null;
}

/** A cell as text, for matching headers and recognising non-data rows. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
