/** Values officers spell many ways ("Kinh", "DT Kinh"; "x", "ĐV"; "Nữ", "nu"), read into one spelling. */
import { fold } from './text.ts';

const squash = (s: string) => fold(s).replace(/[\s'’`\-.]/g, '');

export function parseSex(v: unknown): 'male' | 'female' | null | undefined {
  const f = squash(String(v ?? ''));
  if (!f) return null;
  if (['nam', 'm', 'male', 'trai', 'ong'].includes(f)) return 'male';
  if (['nu', 'f', 'female', 'gai', 'ba', 'nuu'].includes(f)) return 'female';
  return undefined;
}

/** A tick cell: "x", "X", "có", "1", "Đảng viên", "ĐV", "✓" are yes; empty, "không", "0", "-" are no; else undefined. */
export function parseYesNo(v: unknown, yesWords: string[] = []): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const f = squash(String(v ?? ''));
  if (!f || ['khong', 'ko', '0', 'no', 'false', 'chua', 'n'].includes(f)) return false;
  if (['x', 'co', '1', 'yes', 'true', 'v', 'y', '✓', '√', '✔', 'dangvien', 'dv', 'dangvienchinhthuc', 'dangviendubi', ...yesWords.map(squash)].includes(f)) return true;
  return undefined;
}

/** The 54 ethnic groups of Viet Nam (official names), and spellings met in lists. */
export const ETHNIC_GROUPS = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Sán Chay', 'Chăm',
  'Cơ Ho', 'Xơ Đăng', 'Sán Dìu', 'Hrê', 'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Khơ Mú', 'Bru - Vân Kiều', 'Cơ Tu', 'Giáy',
  'Tà Ôi', 'Mạ', 'Giẻ Triêng', 'Co', 'Chơ Ro', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'Kháng', 'Phù Lá', 'La Hủ',
  'La Ha', 'Pà Thẻn', 'Lự', 'Ngái', 'Chứt', 'Lô Lô', 'Mảng', 'Cơ Lao', 'Bố Y', 'Cống', 'Si La', 'Pu Péo', 'Rơ Măm', 'Brâu', 'Ơ Đu',
] as const;
const ETHNIC_VARIANTS: Record<string, string> = {
  kho: 'Cơ Ho', coho: 'Cơ Ho', koho: 'Cơ Ho', hmong: 'Mông', mong: 'Mông', meo: 'Mông', khome: 'Khmer', khomer: 'Khmer',
  ede: 'Ê Đê', rade: 'Ê Đê', jarai: 'Gia Rai', bahnar: 'Ba Na', stieng: 'Xtiêng', churu: 'Chu Ru', choro: 'Chơ Ro',
  raglai: 'Ra Glai', mnong: 'Mnông', bru: 'Bru - Vân Kiều', vankieu: 'Bru - Vân Kiều', sedang: 'Xơ Đăng', katu: 'Cơ Tu',
  hoa: 'Hoa', nguoihoa: 'Hoa', cham: 'Chăm', ma: 'Mạ',
};
const ETHNIC_BY_KEY = new Map<string, string>([...ETHNIC_GROUPS.map((g) => [squash(g), g] as [string, string]), ...Object.entries(ETHNIC_VARIANTS)]);

/** "Kinh", "kinh", "DT Kinh", "Dân tộc: Kinh", "K'Ho" → the official name; an unknown name is kept as typed. */
export function normalizeEthnicity(v: unknown): string | null {
  const raw = String(v ?? '').trim();
  if (!raw) return null;
  const stripped = raw.replace(/^(dân\s*tộc|dan\s*toc|dt\.?|đt\.?)\s*:?\s*/i, '').trim() || raw;
  return ETHNIC_BY_KEY.get(squash(stripped)) ?? stripped;
}

const RELIGIONS: [string, string[]][] = [
  ['Không', ['khong', 'khongco', 'k', '0', '-', 'kco', 'ko', 'khongtongiao']],
  ['Phật giáo', ['phatgiao', 'phat', 'pg', 'dao phat']],
  ['Công giáo', ['conggiao', 'thienchua', 'thienchuagiao', 'tcg', 'dao thienchua', 'catholic']],
  ['Tin Lành', ['tinlanh', 'dao tinlanh', 'protestant', 'thanhtin']],
  ['Cao Đài', ['caodai', 'dao caodai']],
  ['Phật giáo Hòa Hảo', ['hoahao', 'phatgiaohoahao']],
  ['Hồi giáo', ['hoigiao', 'islam']],
];
const RELIGION_BY_KEY = new Map(RELIGIONS.flatMap(([name, keys]) => [[squash(name), name], ...keys.map((k) => [squash(k), name])] as [string, string][]));

export function normalizeReligion(v: unknown): string | null {
  const raw = String(v ?? '').trim();
  if (!raw) return null;
  const stripped = raw.replace(/^(tôn\s*giáo|ton\s*giao)\s*:?\s*/i, '').trim() || raw;
  return RELIGION_BY_KEY.get(squash(stripped)) ?? stripped;
}
