import { describe, expect, it } from 'vitest';
import { cleanText, detectLegacyEncoding, tcvn3ToUnicode, vniToUnicode } from './legacy.ts';
import { excelSerialToIso, formatVnDate, parseVnDate } from './dates.ts';
import { normalizeEthnicity, normalizeReligion, parseSex, parseYesNo } from './values.ts';

describe('legacy Vietnamese fonts', () => {
  it('converts TCVN3 (ABC, .VnTime) mojibake of real words to Unicode', () => {
    expect(tcvn3ToUnicode('NguyÔn V¨n Hïng')).toBe('Nguyễn Văn Hùng');
    expect(tcvn3ToUnicode('TrÇn ThÞ H»ng')).toBe('Trần Thị Hằng');
    expect(tcvn3ToUnicode('§µ L¹t, L©m §ång')).toBe('Đà Lạt, Lâm Đồng');
    expect(tcvn3ToUnicode('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(tcvn3ToUnicode('C«ng nh©n may')).toBe('Công nhân may');
  });

  it('converts VNI-Windows mojibake of real words to Unicode', () => {
    expect(vniToUnicode('Nguyeãn Vaên Huøng')).toBe('Nguyễn Văn Hùng');
    expect(vniToUnicode('Traàn Thò Haèng')).toBe('Trần Thị Hằng');
    expect(vniToUnicode('Ñaø Laït, Laâm Ñoàng')).toBe('Đà Lạt, Lâm Đồng');
    expect(vniToUnicode('Phöôùc Vieät Nam')).toBe('Phước Việt Nam');
    expect(vniToUnicode('nghóa vuï')).toBe('nghĩa vụ');
  });

  it('detects which legacy font a text was typed in, and leaves real Unicode alone', () => {
    expect(detectLegacyEncoding('NguyÔn V¨n Hïng')).toBe('tcvn3');
    expect(detectLegacyEncoding('Nguyeãn Vaên Huøng')).toBe('vni');
    expect(detectLegacyEncoding('Nguyễn Văn Hùng')).toBeNull();
    expect(detectLegacyEncoding('Lâm Đồng')).toBeNull();
    expect(detectLegacyEncoding('Nguyen Van Hung')).toBeNull();
    expect(detectLegacyEncoding('Phòng Hành chính – Tổ chức')).toBeNull();
  });

  it('cleans text to NFC: decomposed input, legacy fonts, stray spaces', () => {
    const nfd = 'Nguye\u0302\u0303n Thi\u0323 Ha\u0306\u0300ng';
    expect(cleanText(nfd)).toBe('Nguyễn Thị Hằng');
    expect(cleanText(nfd)).toBe(cleanText(nfd).normalize('NFC'));
    expect(cleanText('  TrÇn   ThÞ\u00A0H»ng ')).toBe('Trần Thị Hằng');
    expect(cleanText('Traàn Thò Haèng')).toBe('Trần Thị Hằng');
  });
});

describe('dates as typed in Excel', () => {
  it('reads dd/mm/yyyy, dd-mm-yyyy, d/m/yyyy and ISO text', () => {
    expect(parseVnDate('05/03/1990')).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
    expect(parseVnDate('5-3-1990')).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
    expect(parseVnDate('05.03.1990')).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
    expect(parseVnDate('1990-03-05')).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
  });

  it('reads Excel serial numbers and real date cells', () => {
    expect(excelSerialToIso(32937)).toBe('1990-03-05');
    expect(parseVnDate(32937)).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
    expect(parseVnDate('32937')).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
    expect(parseVnDate(new Date(Date.UTC(1990, 2, 5)))).toEqual({ ok: true, value: '1990-03-05', precision: 'day' });
  });

  it('keeps a year alone with year precision instead of inventing 01/01', () => {
    expect(parseVnDate(1985)).toEqual({ ok: true, value: '1985-01-01', precision: 'year' });
    expect(parseVnDate('1985')).toEqual({ ok: true, value: '1985-01-01', precision: 'year' });
    expect(parseVnDate('03/1985')).toEqual({ ok: true, value: '1985-03-01', precision: 'month' });
    expect(formatVnDate('1985-01-01', 'year')).toBe('1985');
    expect(formatVnDate('1985-03-01', 'month')).toBe('03/1985');
  });

  it('refuses impossible and unreadable dates', () => {
    expect(parseVnDate('31/02/1990')).toEqual({ ok: false, code: 'impossible' });
    expect(parseVnDate('29/02/1991')).toEqual({ ok: false, code: 'impossible' });
    expect(parseVnDate('29/02/1992').ok).toBe(true);
    expect(parseVnDate('12/13/1990')).toEqual({ ok: false, code: 'impossible' });
    expect(parseVnDate('ngày xưa')).toEqual({ ok: false, code: 'invalid' });
    expect(parseVnDate('')).toEqual({ ok: false, code: 'empty' });
  });
});

describe('values spelled many ways', () => {
  it('reads ethnicity as its official name', () => {
    for (const v of ['Kinh', 'kinh', 'DT Kinh', 'Dân tộc Kinh', ' KINH ']) expect(normalizeEthnicity(v)).toBe('Kinh');
    expect(normalizeEthnicity("K'Ho")).toBe('Cơ Ho');
    expect(normalizeEthnicity('ê đê')).toBe('Ê Đê');
    expect(normalizeEthnicity('')).toBeNull();
  });

  it('reads religion synonyms', () => {
    expect(normalizeReligion('không')).toBe('Không');
    expect(normalizeReligion('Thiên chúa giáo')).toBe('Công giáo');
    expect(normalizeReligion('phật')).toBe('Phật giáo');
  });

  it('reads party membership ticks: x, Đảng viên, ĐV', () => {
    for (const v of ['x', 'X', 'Đảng viên', 'ĐV', 'đv', 'có', 1]) expect(parseYesNo(v)).toBe(true);
    for (const v of ['', null, 'không', 0, '-']) expect(parseYesNo(v)).toBe(false);
    expect(parseYesNo('hmm')).toBeUndefined();
  });

  it('reads sex as Nam/Nữ in any case', () => {
    expect(parseSex('Nam')).toBe('male');
    expect(parseSex('nữ')).toBe('female');
    expect(parseSex('NỮ')).toBe('female');
    expect(parseSex('Nu\u0303')).toBe('female');
    expect(parseSex('x')).toBeUndefined();
  });
});
