/** Dates as Vietnamese officers type them in Excel: real dates, dd/mm/yyyy, dd-mm-yyyy, serials, a year alone. */

export type DatePrecision = 'day' | 'month' | 'year';
export type DateResult =
  | { ok: true; value: string; precision: DatePrecision }
  | { ok: false; code: 'empty' | 'invalid' | 'impossible' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): DateResult {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return { ok: false, code: 'impossible' };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return { ok: false, code: 'impossible' };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

/** An Excel serial day number (1900 system, with its phantom 29/02/1900) as an ISO date. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

const twoDigitYear = (yy: number, pivotYear: number) => (2000 + yy <= pivotYear ? 2000 + yy : 1900 + yy);

/**
 * Reads a date cell. A whole number 1900–2100 is a year (kept with year precision, stored as
 * the first of January but flagged so nobody mistakes it for a birthday); a larger number is an
 * Excel serial; "mm/yyyy" keeps month precision. Two-digit years fall before `pivotYear`.
 */
export function parseVnDate(v: unknown, opts: { pivotYear?: number } = {}): DateResult {
  const pivot = opts.pivotYear ?? new Date().getFullYear();
  if (v === null || v === undefined) return { ok: false, code: 'empty' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, code: 'invalid' };
    // ExcelJS gives dates at UTC midnight; a time part from a local-time writer rounds to the nearest day.
    const rounded = new Date(Math.round(v.getTime() / 86400000) * 86400000);
    return ymd(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, code: 'invalid' };
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return { ok: true, value: `${v}-01-01`, precision: 'year' };
    if (v < 1 || v > 73051) return { ok: false, code: 'impossible' };
    const iso = excelSerialToIso(v);
    return ymd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  }
  const s = String(v).trim().replace(/\s+/g, '').replace(/^ngày/i, '');
  if (!s) return { ok: false, code: 'empty' };
  let m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? twoDigitYear(Number(m[3]), pivot) : Number(m[3]);
    return ymd(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\-](\d{4})$/.exec(s);
  if (m) {
    const r = ymd(Number(m[2]), Number(m[1]), 1);
    return r.ok ? { ...r, precision: 'month' } : r;
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return y >= MIN_YEAR && y <= MAX_YEAR ? { ok: true, value: `${y}-01-01`, precision: 'year' } : { ok: false, code: 'impossible' };
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseVnDate(Number(s), opts);
  return { ok: false, code: 'invalid' };
}

/** dd/mm/yyyy, or mm/yyyy / yyyy for a date known only to that precision. */
export function formatVnDate(iso: string | null | undefined, precision: DatePrecision | null = 'day'): string {
  if (!iso) return '';
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
