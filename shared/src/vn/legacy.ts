/**
 * Text typed in the pre-Unicode Vietnamese fonts (TCVN3/ABC ".VnTime", VNI "VNI-Times") and
 * saved in Excel shows as mojibake ("NguyÔn V¨n", "Nguyeãn Vaên"). These functions detect it
 * and give back NFC Unicode. Detection works word by word: a conversion is kept only when it
 * turns words that are not Vietnamese syllables into words that are.
 */

// TCVN3 (TCVN 5712:1993, "ABC"): one byte per letter, read by Excel as Latin-1 characters.
const TCVN3: Record<string, string> = {
  '\u00A1': 'Ă', '\u00A2': 'Â', '\u00A3': 'Ê', '\u00A4': 'Ô', '\u00A5': 'Ơ', '\u00A6': 'Ư', '\u00A7': 'Đ',
  '\u00A8': 'ă', '\u00A9': 'â', '\u00AA': 'ê', '\u00AB': 'ô', '\u00AC': 'ơ', '\u00AD': 'ư', '\u00AE': 'đ',
  '\u00B5': 'à', '\u00B6': 'ả', '\u00B7': 'ã', '\u00B8': 'á', '\u00B9': 'ạ',
  '\u00BB': 'ằ', '\u00BC': 'ẳ', '\u00BD': 'ẵ', '\u00BE': 'ắ', '\u00C6': 'ặ',
  '\u00C7': 'ầ', '\u00C8': 'ẩ', '\u00C9': 'ẫ', '\u00CA': 'ấ', '\u00CB': 'ậ',
  '\u00CC': 'è', '\u00CE': 'ẻ', '\u00CF': 'ẽ', '\u00D0': 'é', '\u00D1': 'ẹ',
  '\u00D2': 'ề', '\u00D3': 'ể', '\u00D4': 'ễ', '\u00D5': 'ế', '\u00D6': 'ệ',
  '\u00D7': 'ì', '\u00D8': 'ỉ', '\u00DC': 'ĩ', '\u00DD': 'í', '\u00DE': 'ị',
  '\u00DF': 'ò', '\u00E1': 'ỏ', '\u00E2': 'õ', '\u00E3': 'ó', '\u00E4': 'ọ',
  '\u00E5': 'ồ', '\u00E6': 'ổ', '\u00E7': 'ỗ', '\u00E8': 'ố', '\u00E9': 'ộ',
  '\u00EA': 'ờ', '\u00EB': 'ở', '\u00EC': 'ỡ', '\u00ED': 'ớ', '\u00EE': 'ợ',
  '\u00EF': 'ù', '\u00F1': 'ủ', '\u00F2': 'ũ', '\u00F3': 'ú', '\u00F4': 'ụ',
  '\u00F5': 'ừ', '\u00F6': 'ử', '\u00F7': 'ữ', '\u00F8': 'ứ', '\u00F9': 'ự',
  '\u00FA': 'ỳ', '\u00FB': 'ỷ', '\u00FC': 'ỹ', '\u00FD': 'ý', '\u00FE': 'ỵ',
};

export function tcvn3ToUnicode(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3[ch] ?? ch;
  return out.normalize('NFC');
}

// VNI-Windows: a base letter followed by a mark character ("a" + "ù" = "á", "e" + "ã" = "ễ").
const GRAVE = '\u0300', ACUTE = '\u0301', TILDE = '\u0303', HOOK = '\u0309', DOT = '\u0323', CIRC = '\u0302', BREVE = '\u0306';
const VNI_TONE: Record<string, string> = { 'ù': ACUTE, 'ø': GRAVE, 'û': HOOK, 'õ': TILDE, 'ï': DOT };
const VNI_CIRC: Record<string, string> = { 'â': '', 'á': ACUTE, 'à': GRAVE, 'å': HOOK, 'ã': TILDE, 'ä': DOT };
const VNI_BREVE: Record<string, string> = { 'ê': '', 'é': ACUTE, 'è': GRAVE, 'ú': HOOK, 'ü': TILDE, 'ë': DOT };
// Letters that stand alone: ơ ư đ and i/ỵ with their tones.
const VNI_SINGLE: Record<string, string> = {
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
  'Ô': 'Ơ', 'Ö': 'Ư', 'Ñ': 'Đ', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
};

export function vniToUnicode(s: string): string {
  let out = '';
  let prev = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const base = prev.normalize('NFD')[0]?.toLowerCase() ?? '';
    const vowelBefore = 'aeiouyơư'.includes(base);
    if (vowelBefore && (base === 'a' || base === 'e' || base === 'o') && VNI_CIRC[lower] !== undefined && !(base !== 'a' && lower === 'ê')) {
      out += CIRC + VNI_CIRC[lower];
    } else if (vowelBefore && base === 'a' && VNI_BREVE[lower] !== undefined) {
      out += BREVE + VNI_BREVE[lower];
    } else if (vowelBefore && VNI_TONE[lower] !== undefined) {
      out += VNI_TONE[lower];
    } else {
      out += VNI_SINGLE[ch] ?? ch;
    }
    prev = VNI_SINGLE[ch] ?? ch;
  }
  return out.normalize('NFC');
}

// A Vietnamese syllable: onset, vowel nucleus, coda, at most one tone. Enough to tell Vietnamese from mojibake.
const ONSET = '(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?';
const NUCLEUS = '(uyê|uya|uyu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(ng|nh|ch|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

function isSyllable(word: string): boolean {
  const letters = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (!letters) return true;
  // A capital inside a lower-case word ("NguyÔn") is a font artefact, not Vietnamese spelling.
  const caseOk = letters === letters.toLowerCase() || letters === letters.toUpperCase()
    || letters.slice(1) === letters.slice(1).toLowerCase();
  if (!caseOk) return false;
  const nfd = letters.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const bare = nfd.replace(TONE_MARKS, '').normalize('NFC');
  if (tones === 0 && /^[a-z]+$/.test(bare)) return true; // plain ASCII: foreign words, abbreviations
  return SYLLABLE.test(bare);
}

/** Words of the text that are not Vietnamese syllables (lower is better). */
function badWords(s: string): number {
  let bad = 0;
  for (const word of s.split(/[\s,.;:()\/\-–"']+/)) if (word && !isSyllable(word)) bad += 1;
  return bad;
}

const NON_ASCII = /[^\x00-\x7F]/;

/** Which legacy encoding the text looks like, if any. */
export function detectLegacyEncoding(s: string): 'tcvn3' | 'vni' | null {
  if (!NON_ASCII.test(s)) return null;
  const nfc = s.normalize('NFC');
  const asIs = badWords(nfc);
  if (asIs === 0) return null;
  const tcvn = badWords(tcvn3ToUnicode(nfc));
  const vni = badWords(vniToUnicode(nfc));
  const best = Math.min(tcvn, vni);
  if (best >= asIs) return null;
  return tcvn <= vni ? 'tcvn3' : 'vni';
}

/**
 * Text as it should be stored: NFC, legacy fonts converted, spaces collapsed, trimmed.
 * `hint` forces an encoding already detected for the file (a column of names in one font).
 */
export function cleanText(s: string, hint?: 'tcvn3' | 'vni' | null): string {
  let t = s.normalize('NFC').replace(/[\u00A0\s]+/g, ' ').trim();
  const encoding = hint === undefined ? detectLegacyEncoding(t) : hint && NON_ASCII.test(t) ? hint : null;
  if (encoding === 'tcvn3') t = tcvn3ToUnicode(t);
  else if (encoding === 'vni') t = vniToUnicode(t);
  return t;
}
