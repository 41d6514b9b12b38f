import { describe, expect, it } from 'vitest';
import { fold, nameSortKey, splitFullName } from './text.ts';
import { normalizeCitizenId, normalizePhone, normalizeTaxCode, taxCodeCheckDigit } from './ids.ts';

describe('Vietnamese text', () => {
  it('folds diacritics, case and đ so "nguyen thi hang" finds "Nguyễn Thị Hằng"', () => {
    expect(fold('Nguyễn Thị Hằng')).toBe('nguyen thi hang');
    expect(fold('ĐẶNG  Văn   Đức')).toBe('dang van duc');
    expect(fold('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('splits a full name into family, middle and given names', () => {
    expect(splitFullName('Nguyễn Thị Thanh Hương')).toEqual({ family: 'Nguyễn', middle: 'Thị Thanh', given: 'Hương' });
    expect(splitFullName('Hoa')).toEqual({ family: '', middle: '', given: 'Hoa' });
  });

  it('sorts by given name first, in the Vietnamese alphabet, tones last', () => {
    const names = ['Lê Thị Ba', 'Trần Văn An', 'Phạm Đào', 'Nguyễn Dũng', 'Võ Ánh', 'Hồ Ân', 'Đỗ Ăn'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Trần Văn An', 'Võ Ánh', 'Đỗ Ăn', 'Hồ Ân', 'Lê Thị Ba', 'Nguyễn Dũng', 'Phạm Đào']);
  });

  it('same given name: the middle name decides, then the family name', () => {
    const names = ['Trần Văn Hùng', 'Lê Anh Hùng', 'Bùi Anh Hùng'];
    expect([...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual(['Bùi Anh Hùng', 'Lê Anh Hùng', 'Trần Văn Hùng']);
  });
});

describe('identifiers', () => {
  it('restores the leading zero Excel drops from a CCCD and accepts spaces', () => {
    expect(normalizeCitizenId(68123456789)).toEqual({ ok: true, value: '068123456789', kind: 'cccd' });
    expect(normalizeCitizenId('068 123 456 789')).toEqual({ ok: true, value: '068123456789', kind: 'cccd' });
    expect(normalizeCitizenId('250123456')).toEqual({ ok: true, value: '250123456', kind: 'cmnd' });
    expect(normalizeCitizenId('999123456789').ok).toBe(false);
    expect(normalizeCitizenId('12345').ok).toBe(false);
  });

  it('normalises phones written +84, 84, with dots, or as numbers', () => {
    for (const v of ['+84 912 345 678', '84912345678', '0912.345.678', 912345678]) {
      expect(normalizePhone(v)).toEqual({ ok: true, value: '0912345678' });
    }
    expect(normalizePhone('(0263) 3864 123')).toEqual({ ok: true, value: '02633864123' });
    expect(normalizePhone('12345').ok).toBe(false);
  });
});

describe('tax codes', () => {
  it('accepts a code whose tenth digit checks, with or without a branch suffix', () => {
    expect(normalizeTaxCode('5800000008')).toEqual({ ok: true, value: '5800000008', branch: null });
    expect(normalizeTaxCode('5800000008-001')).toEqual({ ok: true, value: '5800000008-001', branch: '001' });
    expect(normalizeTaxCode('5800000008001')).toEqual({ ok: true, value: '5800000008-001', branch: '001' });
  });

  it('restores the leading zero of a code typed as a number (Viettel: 0100109106)', () => {
    expect(normalizeTaxCode(100109106)).toEqual({ ok: true, value: '0100109106', branch: null });
    const first9 = '010123456';
    const code = first9 + taxCodeCheckDigit(first9);
    expect(normalizeTaxCode(Number(code))).toEqual({ ok: true, value: code, branch: null });
  });

  it('refuses a wrong check digit or a wrong length', () => {
    expect(normalizeTaxCode('5800000007').ok).toBe(false);
    expect(normalizeTaxCode('58000000').ok).toBe(false);
    expect(normalizeTaxCode('').ok).toBe(false);
  });
});
