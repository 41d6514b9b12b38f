import { cleanText, fold } from '@cds/shared';
import { cellText, columnLetter, isBlank, type CellValue } from './cells.ts';
import type { SheetRow } from './read.ts';

/**
 * What one kind of import expects to find: its fields, and the header texts each may carry.
 * Enterprises, attendance, care lists declare their own; nothing here knows about members.
 */
export interface ColumnSpec {
  key: string;
  /** Vietnamese name of the field, shown in the mapping editor. */
  label: string;
  /** Header texts this field goes by ("Họ và tên", "Họ tên"…), compared without diacritics or case. */
  headers: string[];
  required?: boolean;
  /**
   * Decides between columns that share a header by their first values: "Nam" holding dates is a
   * birth-date column, "Nam" holding ticks is a sex column.
   */
  accepts?: (samples: CellValue[]) => boolean;
}

export interface ImportSpec {
  columns: ColumnSpec[];
  /** Fields of which at least one must be mapped for a row to be taken as the header. */
  anchors: string[];
}

export interface SheetColumn {
  index: number;
  /** A, B, … AA as in Excel. */
  letter: string;
  /** The header text as written (parent and child joined for a two-row header). */
  header: string;
  /** A few values from the first data rows, for the mapping editor. */
  samples: string[];
}

export interface SheetLayout {
  /** Sheet row numbers that make up the header (one, or two when headings are grouped: "Ngày sinh" over "Nam" | "Nữ"). */
  headerRows: number[];
  /** The "(1) (2) (3)…" row under the header, when there is one. */
  numberingRow: number | null;
  /** First sheet row that can hold data. */
  dataStartRow: number;
  columns: SheetColumn[];
}

/** field key → 0-based column index (or null: not in this file). */
export type ColumnMapping = Record<string, number | null>;

const headerKey = (s: string) => fold(cleanText(s)).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

function synonymScore(label: string, synonym: string): number {
  if (!label) return 0;
  if (label === synonym) return 100;
  // Short synonyms ("nam", "ten") only match exactly: "năm" folds to "nam", "họ và tên" contains "ten".
  const words = synonym.split(' ');
  if (words.length < 2 && synonym.length < 4) return 0;
  const padded = ` ${label} `;
  if (padded.includes(` ${synonym} `)) return 50 + Math.min(synonym.length, 40);
  return 0;
}

interface Candidate { index: number; labels: string[]; header: string }

function scoreField(c: Candidate, spec: ColumnSpec): number {
  let best = 0;
  for (const [i, label] of c.labels.entries()) {
    for (const syn of spec.headers) {
      // The joined two-row label wins a tie against the child alone.
      const s = synonymScore(label, headerKey(syn)) - i;
      if (s > best) best = s;
    }
  }
  return best;
}

/** Assigns each field its best column, best pairs first, each column used once. */
function assign(cands: Candidate[], spec: ImportSpec, samplesOf: (index: number) => CellValue[]): ColumnMapping {
  const pairs: { field: ColumnSpec; index: number; score: number }[] = [];
  for (const c of cands) {
    for (const field of spec.columns) {
      const score = scoreField(c, field);
      if (score > 0) pairs.push({ field, index: c.index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = Object.fromEntries(spec.columns.map((f) => [f.key, null]));
  const used = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field.key] !== null || used.has(p.index)) continue;
    if (p.field.accepts && !p.field.accepts(samplesOf(p.index))) continue;
    mapping[p.field.key] = p.index;
    used.add(p.index);
  }
  return mapping;
}

const NUMBERING = /^\(?\s*(\d{1,3}|[a-z])\s*\)?$/i;

function isNumberingRow(cells: CellValue[]): boolean {
  const texts = cells.map(cellText).filter(Boolean);
  if (texts.length < 3 || !texts.every((t) => NUMBERING.test(t))) return false;
  const numbers = texts.map((t) => Number(t.replace(/[()\s]/g, ''))).filter((n) => !Number.isNaN(n));
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
}

/** A second header row holds only words ("Nam", "Nữ", "Họ đệm"): no numbers, dates or ID digits as data rows do. */
function looksLikeSubHeader(cells: CellValue[]): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  return filled.length > 0 && filled.every((c) => typeof c === 'string' && !/^\s*\(?\d/.test(c)) && !isNumberingRow(cells);
}

function candidatesFor(top: CellValue[], below: CellValue[] | null): Candidate[] {
  const width = Math.max(top.length, below?.length ?? 0);
  const out: Candidate[] = [];
  let parent = '';
  for (let i = 0; i < width; i += 1) {
    const own = cleanText(cellText(top[i] ?? null));
    const child = below ? cleanText(cellText(below[i] ?? null)) : '';
    // A grouped heading is written once over the columns it spans (a merged cell): carry it right.
    if (own) parent = own;
    else if (!child) parent = '';
    const head = own || (child ? parent : '');
    if (!head && !child) continue;
    const header = child && child !== head ? `${head} ${child}`.trim() : head;
    const labels = [headerKey(header)];
    if (child) labels.push(headerKey(child));
    out.push({ index: i, labels, header });
  }
  return out;
}

/**
 * Finds the header under any title block: the row (or pair of rows) among the first ones whose
 * cells name the most fields of the spec. Returns null when nothing looks like a header.
 */
export function detectLayout(rows: SheetRow[], spec: ImportSpec): { layout: SheetLayout; mapping: ColumnMapping } | null {
  let best: { score: number; layout: SheetLayout; mapping: ColumnMapping } | null = null;
  for (let r = 0; r < rows.length; r += 1) {
    const top = rows[r];
    if (top.cells.filter((c) => !isBlank(c)).length < 2) continue;
    const next = rows[r + 1] && rows[r + 1].number === top.number + 1 ? rows[r + 1] : null;
    const variants: [Candidate[], number[]][] = [[candidatesFor(top.cells, null), [top.number]]];
    if (next && looksLikeSubHeader(next.cells)) variants.push([candidatesFor(top.cells, next.cells), [top.number, next.number]]);
    for (const [cands, headerRows] of variants) {
      const afterHeader = rows.findIndex((x) => x.number > headerRows[headerRows.length - 1]);
      let numberingRow: number | null = null;
      let dataFrom = afterHeader;
      if (afterHeader >= 0 && rows[afterHeader].number === headerRows[headerRows.length - 1] + 1 && isNumberingRow(rows[afterHeader].cells)) {
        numberingRow = rows[afterHeader].number;
        dataFrom = afterHeader + 1;
      }
      const dataRows = dataFrom >= 0 ? rows.slice(dataFrom, dataFrom + 20) : [];
      const samplesOf = (index: number) => dataRows.map((x) => x.cells[index] ?? null).filter((v) => !isBlank(v));
      const mapping = assign(cands, spec, samplesOf);
      const mapped = Object.values(mapping).filter((v) => v !== null).length;
      if (mapped < 2 || !spec.anchors.some((a) => mapping[a] !== null && mapping[a] !== undefined)) continue;
      // Each extra header row must earn its place by mapping more fields.
      const score = mapped * 10 - headerRows.length;
      if (!best || score > best.score) {
        const lastHeader = headerRows[headerRows.length - 1];
        best = {
          score, mapping,
          layout: {
            headerRows, numberingRow, dataStartRow: (numberingRow ?? lastHeader) + 1,
            columns: cands.map((c) => ({
              index: c.index, letter: columnLetter(c.index), header: c.header,
              samples: samplesOf(c.index).slice(0, 3).map((v) => cleanText(cellText(v))),
            })),
          },
        };
      }
    }
  }
  return best ? { layout: best.layout, mapping: best.mapping } : null;
}

/** Problems with a mapping the user chose: a required field without a column, one column given to two fields. */
export function mappingProblems(mapping: ColumnMapping, spec: ImportSpec, requiredOneOf: string[][] = []): string[] {
  const problems: string[] = [];
  for (const f of spec.columns) {
    if (f.required && (mapping[f.key] === null || mapping[f.key] === undefined)) problems.push(`Chưa chọn cột cho "${f.label}".`);
  }
  for (const group of requiredOneOf) {
    if (!group.some((k) => mapping[k] !== null && mapping[k] !== undefined)) {
      const labels = group.map((k) => spec.columns.find((c) => c.key === k)?.label ?? k);
      problems.push(`Cần ít nhất một trong các cột: ${labels.map((l) => `"${l}"`).join(', ')}.`);
    }
  }
  const seen = new Map<number, string>();
  for (const f of spec.columns) {
    const index = mapping[f.key];
    if (index === null || index === undefined) continue;
    if (seen.has(index)) problems.push(`Cột ${columnLetter(index)} được chọn cho cả "${seen.get(index)}" và "${f.label}".`);
    else seen.set(index, f.label);
  }
  return problems;
}

/** Keeps only the keys of the spec, with column indexes inside the sheet. */
export function sanitizeMapping(input: Record<string, unknown>, spec: ImportSpec, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of spec.columns) {
    const v = input[f.key];
    out[f.key] = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < Math.max(width, 1) ? v : null;
  }
  return out;
}
