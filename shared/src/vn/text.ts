/** Vietnamese text: folding for search, name parts, and the sort order Vietnamese lists use. */

export const toNfc = (s: string) => s.normalize('NFC');

/** Lower-case, no diacritics, đ→d, single spaces. Mirrors vn_fold() in the database. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function splitFullName(full: string): { family: string; middle: string; given: string } {
  const words = toNfc(full).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

// The Vietnamese alphabet: ă â after a, đ after d, ê after e, ô ơ after o, ư after u.
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ',
  'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_CODE = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]));
// Dictionary order of tones: none, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

const wordKeys = new Map<string, { letters: string; tones: string }>();

// Names repeat the same few hundred words: a bulk import sorts 100,000 of them.
function wordKey(word: string): { letters: string; tones: string } {
  let key = wordKeys.get(word);
  if (!key) {
    key = computeWordKey(word);
    if (wordKeys.size > 50000) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

function computeWordKey(word: string): { letters: string; tones: string } {
  let letters = '';
  let tones = '';
  for (const ch of word.toLowerCase().normalize('NFC')) {
    const decomposed = ch.normalize('NFD');
    const tone = [...decomposed].find((c) => TONES[c]);
    const base = (tone ? decomposed.replace(tone, '') : decomposed).normalize('NFC');
    const code = LETTER_CODE.get(base);
    if (code) {
      letters += code;
      tones += tone ? TONES[tone] : '0';
    } else if (/[0-9]/.test(base)) {
      letters += base;
    }
  }
  return { letters, tones };
}

/**
 * A key that sorts people the Vietnamese way under plain binary comparison (PostgreSQL COLLATE
 * "C"): by given name, then middle name, then family name, letters in the Vietnamese alphabet,
 * tones as the last tie-break.
 */
export function nameSortKey(full: string): string {
  const { family, middle, given } = splitFullName(full);
  const parts = [given, middle, family].map(wordKey);
  return parts.map((p) => p.letters).join(' ') + ' ~' + parts.map((p) => p.tones).join('');
}

export function compareVietnameseNames(a: string, b: string): number {
  const ka = nameSortKey(a);
  const kb = nameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
