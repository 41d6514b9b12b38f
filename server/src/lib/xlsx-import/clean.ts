import {
  cleanText, formatVnDate, normalizeCitizenId, normalizeEthnicity, normalizePhone, normalizeReligion, parseSex, parseVnDate,
  parseYesNo, type DatePrecision,
} from '@cds/shared';
import { cellText, isBlank, type CellValue } from './cells.ts';

/**
 * Cell cleaners shared by every import: each turns a raw cell into a stored value or a
 * Vietnamese message for that cell. `undefined` value means the cell was empty.
 */
export type Cleaned<T> = { value: T | null; error?: undefined } | { value?: undefined; error: string };

const shown = (v: CellValue) => (v instanceof Date ? formatVnDate(v.toISOString().slice(0, 10)) : cellText(v)).slice(0, 40);

// Texts repeat a lot down a column (ethnicity, job, unit): remember recent cleanings.
const textCache = new Map<string, string>();
export function text(v: CellValue, maxLength = 500): Cleaned<string> {
  if (isBlank(v)) return { value: null };
  const raw = typeof v === 'string' ? v : cellText(v);
  let t = textCache.get(raw);
  if (t === undefined) {
    t = cleanText(raw);
    if (textCache.size > 20000) textCache.clear();
    textCache.set(raw, t);
  }
  if (!t) return { value: null };
  if (t.length > maxLength) return { error: `Quá dài (tối đa ${maxLength} ký tự).` };
  return { value: t };
}

const titleWord = (w: string) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w);

/** A person's name: NFC, legacy fonts converted, ALL-CAPS or all-lower turned into Title Case. */
export function personName(v: CellValue): Cleaned<string> {
  const t = text(v, 120);
  if (!t.value) return t;
  const name = t.value;
  if (/\d/.test(name)) return { error: `Họ tên không được chứa chữ số ("${shown(v)}").` };
  const fixed = name === name.toUpperCase() || name === name.toLowerCase() ? name.split(' ').map(titleWord).join(' ') : name;
  return { value: fixed };
}

export interface CleanDate { iso: string; precision: DatePrecision }

export function date(v: CellValue, opts: { allowPartial?: boolean; notAfter?: string } = {}): Cleaned<CleanDate> {
  if (isBlank(v)) return { value: null };
  const r = parseVnDate(typeof v === 'string' ? cleanText(v) : v);
  if (!r.ok) {
    if (r.code === 'empty') return { value: null };
    return { error: r.code === 'impossible' ? `Ngày không tồn tại ("${shown(v)}").` : `Không đọc được ngày "${shown(v)}" (cần dạng dd/mm/yyyy).` };
  }
  if (!opts.allowPartial && r.precision !== 'day') return { error: `Cần đủ ngày, tháng, năm ("${shown(v)}").` };
  if (opts.notAfter && r.value > opts.notAfter) return { error: `Ngày ở tương lai ("${formatVnDate(r.value, r.precision)}").` };
  return { value: { iso: r.value, precision: r.precision } };
}

export function citizenId(v: CellValue): Cleaned<string> {
  if (isBlank(v)) return { value: null };
  // A text cell of 11 (or 8) digits is a number cell that lost its leading zero before being converted.
  const raw = typeof v === 'string' && /^\d{11}$|^\d{8}$/.test(v.trim()) ? Number(v.trim()) : v;
  const r = normalizeCitizenId(typeof raw === 'string' ? cleanText(raw) : raw);
  if (r.ok) return { value: r.value };
  if (r.code === 'empty') return { value: null };
  return { error: `Số CCCD/CMND không hợp lệ ("${shown(v)}"): CCCD có 12 chữ số, CMND có 9 chữ số.` };
}

export function phone(v: CellValue): Cleaned<string> {
  if (isBlank(v)) return { value: null };
  const r = normalizePhone(typeof v === 'string' ? cleanText(v) : v);
  if (r.ok) return { value: r.value };
  if (r.code === 'empty') return { value: null };
  return { error: `Số điện thoại không hợp lệ ("${shown(v)}").` };
}

export function sex(v: CellValue): Cleaned<'male' | 'female'> {
  if (isBlank(v)) return { value: null };
  const r = parseSex(typeof v === 'string' ? cleanText(v) : v);
  if (r === undefined) return { error: `Giới tính phải là "Nam" hoặc "Nữ" ("${shown(v)}").` };
  return { value: r };
}

export function yesNo(v: CellValue, yesWords: string[] = []): Cleaned<boolean> {
  if (isBlank(v)) return { value: false };
  const r = parseYesNo(typeof v === 'string' ? cleanText(v) : v, yesWords);
  if (r === undefined) return { error: `Không hiểu giá trị "${shown(v)}" (đánh "x" nếu có, để trống nếu không).` };
  return { value: r };
}

/** A tick cell that may hold a date instead ("Đảng viên": x, or the date of joining the Party). */
export function yesNoOrDate(v: CellValue, yesWords: string[] = []): Cleaned<{ yes: boolean; date: CleanDate | null }> {
  const tick = yesNo(v, yesWords);
  if (tick.error === undefined) return { value: { yes: Boolean(tick.value), date: null } };
  const d = date(v, { allowPartial: true });
  if (d.value) return { value: { yes: true, date: d.value } };
  return { error: tick.error };
}

export function ethnicity(v: CellValue): Cleaned<string> {
  const t = text(v, 60);
  return t.value ? { value: normalizeEthnicity(t.value) } : t;
}

export function religion(v: CellValue): Cleaned<string> {
  const t = text(v, 60);
  return t.value ? { value: normalizeReligion(t.value) } : t;
}
