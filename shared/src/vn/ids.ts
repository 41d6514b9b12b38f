/** Vietnamese identifiers as they arrive from forms and Excel: ID numbers and phone numbers. */

type Result<T> = ({ ok: true } & T) | { ok: false; code: 'empty' | 'invalid' };

const digitsOf = (v: unknown) => (typeof v === 'number' ? String(Math.trunc(v)) : String(v ?? '')).replace(/[\s.\-_]/g, '');

/** CCCD (12 digits, first three a province code 001–096) or old CMND (9 digits); restores lost leading zeros. */
export function normalizeCitizenId(v: unknown): Result<{ value: string; kind: 'cccd' | 'cmnd' }> {
  let d = digitsOf(v);
  if (!d) return { ok: false, code: 'empty' };
  if (!/^\d+$/.test(d)) return { ok: false, code: 'invalid' };
  if (typeof v === 'number' && d.length === 11) d = '0' + d;
  if (typeof v === 'number' && d.length === 8) d = '0' + d;
  if (d.length === 12) {
    const province = Number(d.slice(0, 3));
    return province >= 1 && province <= 96 ? { ok: true, value: d, kind: 'cccd' } : { ok: false, code: 'invalid' };
  }
  if (d.length === 9) return { ok: true, value: d, kind: 'cmnd' };
  return { ok: false, code: 'invalid' };
}

/** Mobile '0' + 9 digits, or a landline 02xx…; from +84, 84, dots, spaces, or a number that lost its zero. */
export function normalizePhone(v: unknown): Result<{ value: string }> {
  let d = digitsOf(v).replace(/[()]/g, '');
  if (!d) return { ok: false, code: 'empty' };
  if (d.startsWith('+')) d = d.slice(1);
  if (!/^\d+$/.test(d)) return { ok: false, code: 'invalid' };
  if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = '0' + d.slice(2);
  if (!d.startsWith('0') && (d.length === 9 || d.length === 10)) d = '0' + d;
  if (/^0[35789]\d{8}$/.test(d) || /^02\d{8,9}$/.test(d)) return { ok: true, value: d };
  return { ok: false, code: 'invalid' };
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The tenth digit of a Vietnamese tax code (mã số thuế) from its first nine, or null when no digit fits. */
export function taxCodeCheckDigit(first9: string): number | null {
  const sum = TAX_WEIGHTS.reduce((s, w, i) => s + w * Number(first9[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Mã số thuế: 10 digits, or 13 for a branch ('0101234567-001' or without the dash). Restores the
 * leading zero a number cell drops, and checks the tenth digit.
 */
export function normalizeTaxCode(v: unknown): Result<{ value: string; branch: string | null }> {
  const raw = (typeof v === 'number' ? String(Math.trunc(v)) : String(v ?? '')).replace(/[\s.]/g, '');
  if (!raw) return { ok: false, code: 'empty' };
  let d = raw.replace(/-/g, '');
  if (!/^\d+$/.test(d)) return { ok: false, code: 'invalid' };
  if (typeof v === 'number' && (d.length === 9 || d.length === 12)) d = '0' + d;
  if (d.length !== 10 && d.length !== 13) return { ok: false, code: 'invalid' };
  if (taxCodeCheckDigit(d.slice(0, 9)) !== Number(d[9])) return { ok: false, code: 'invalid' };
  return d.length === 10 ? { ok: true, value: d, branch: null } : { ok: true, value: `${d.slice(0, 10)}-${d.slice(10)}`, branch: d.slice(10) };
}
