import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { clean, mappingProblems, openSheetImport, RowClassifier, sheetRowCount, type ImportSpec } from './index.ts';

const isDateLike = (samples: unknown[]) => samples.length > 0 && samples.every((v) => v instanceof Date || typeof v === 'number' || /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|^\d{4}$/.test(String(v)));

const SPEC: ImportSpec = {
  anchors: ['fullName', 'familyMiddleName'],
  columns: [
    { key: 'seq', label: 'STT', headers: ['STT', 'TT', 'Số thứ tự'] },
    { key: 'fullName', label: 'Họ và tên', headers: ['Họ và tên', 'Họ tên'] },
    { key: 'familyMiddleName', label: 'Họ và tên đệm', headers: ['Họ và tên đệm', 'Họ đệm', 'Họ và chữ đệm'] },
    { key: 'givenName', label: 'Tên', headers: ['Tên'] },
    { key: 'birthDate', label: 'Ngày sinh', headers: ['Ngày sinh', 'Ngày tháng năm sinh'] },
    { key: 'birthDateMale', label: 'Ngày sinh (Nam)', headers: ['Ngày sinh Nam', 'Nam'], accepts: isDateLike },
    { key: 'birthDateFemale', label: 'Ngày sinh (Nữ)', headers: ['Ngày sinh Nữ', 'Nữ'], accepts: isDateLike },
    { key: 'citizenId', label: 'Số CCCD', headers: ['Số CCCD', 'CMND/CCCD', 'CCCD', 'Số định danh'] },
    { key: 'party', label: 'Đảng viên', headers: ['Đảng viên'] },
  ],
};

async function workbook(build: (s: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('DS'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function collect(file: Buffer) {
  const sheet = await openSheetImport(file, SPEC);
  const rows = [];
  for await (const r of sheet.rows()) rows.push({ number: r.number, skip: r.skip, name: r.get('fullName') ?? r.get('givenName') });
  return { sheet, rows };
}

describe('spreadsheet reading', () => {
  it('finds the header under a merged title block and skips the numbered (1) (2) (3) row', async () => {
    const file = await workbook((s) => {
      s.addRow(['LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ BẢO LỘC']); s.mergeCells('A1:E1');
      s.addRow(['DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ CÔNG TY MAY']); s.mergeCells('A2:E2');
      s.addRow([]);
      s.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'CMND/CCCD', 'Đảng viên']);
      s.addRow(['(1)', '(2)', '(3)', '(4)', '(5)']);
      s.addRow([1, 'Nguyễn Văn An', '01/02/1990', '068090001234', 'x']);
      s.addRow([2, 'Trần Thị Bình', new Date(Date.UTC(1992, 4, 6)), 68192001234, '']);
      s.addRow([]);
      s.addRow(['', 'Tổng cộng: 2 đoàn viên']);
      s.addRow(['', 'Người lập biểu', '', 'CHỦ TỊCH']);
      s.addRow(['', 'Lê Văn Cường', '', 'Phạm Thị Dung']);
    });
    const { sheet, rows } = await collect(file);
    expect(sheet.layout.headerRows).toEqual([4]);
    expect(sheet.layout.numberingRow).toBe(5);
    expect(sheet.mapping).toMatchObject({ seq: 0, fullName: 1, birthDate: 2, citizenId: 3, party: 4, givenName: null });
    expect(rows.filter((r) => !r.skip).map((r) => r.number)).toEqual([6, 7]);
    expect(rows.find((r) => r.number === 9)?.skip).toBe('total');
    expect(rows.find((r) => r.number === 10)?.skip).toBe('signature');
    expect(rows.find((r) => r.number === 11)?.skip).toBe('signature');
  });

  it('maps split name columns and birth dates split into Nam / Nữ under a two-row heading', async () => {
    const file = await workbook((s) => {
      s.addRow(['DANH SÁCH ĐOÀN VIÊN']);
      s.addRow(['TT', 'Họ và tên đệm', 'Tên', 'Ngày sinh', '', 'Số CCCD']);
      s.mergeCells('D2:E2');
      s.addRow(['', '', '', 'Nam', 'Nữ', '']);
      s.addRow([1, 'Nguyễn Văn', 'An', '01/02/1990', '', '068090001234']);
      s.addRow([2, 'Trần Thị', 'Bình', '', '06/05/1992', '068192001234']);
    });
    const { sheet, rows } = await collect(file);
    expect(sheet.layout.headerRows).toEqual([2, 3]);
    expect(sheet.mapping).toMatchObject({ seq: 0, familyMiddleName: 1, givenName: 2, birthDateMale: 3, birthDateFemale: 4, citizenId: 5, fullName: null });
    expect(rows.map((r) => r.name)).toEqual(['An', 'Bình']);
  });

  it('reads headers typed in the TCVN3 font', async () => {
    const file = await workbook((s) => {
      s.addRow(['Hä vµ tªn', 'Ngµy sinh', 'Sè CCCD']);
      s.addRow(['NguyÔn V¨n An', '01/02/1990', '068090001234']);
    });
    const { sheet } = await collect(file);
    expect(sheet.mapping).toMatchObject({ fullName: 0, birthDate: 1, citizenId: 2 });
  });

  it('says when no header can be found', async () => {
    const file = await workbook((s) => { s.addRow(['abc', 'def']); s.addRow([1, 2]); });
    await expect(openSheetImport(file, SPEC)).rejects.toMatchObject({ code: 'no_header' });
  });

  it('reads the row count from the sheet dimension for progress', async () => {
    const file = await workbook((s) => { for (let i = 0; i < 25; i += 1) s.addRow(['x', i]); });
    expect(await sheetRowCount(file)).toBe(25);
  });

  it('reports a mapping with a missing required field or a column used twice', () => {
    const spec: ImportSpec = { ...SPEC, columns: SPEC.columns.map((c) => (c.key === 'fullName' ? { ...c, required: true } : c)) };
    const problems = mappingProblems({ fullName: null, birthDate: 2, citizenId: 2 }, spec);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Họ và tên');
    expect(problems[1]).toContain('Cột C');
  });
});

describe('rows that are not data', () => {
  it('skips blank separators, totals, the signature block, and one-cell headings', () => {
    const c = new RowClassifier();
    expect(c.classify([null, '', null])).toBe('blank');
    expect(c.classify(['I. Tổ công đoàn Phân xưởng 1'])).toBe('heading');
    expect(c.classify([1, 'Nguyễn Văn An', '01/02/1990', '068090001234'])).toBeNull();
    expect(c.classify(['Tổng cộng', null, 150])).toBe('total');
    expect(c.classify([null, 'Bảo Lộc, ngày 15 tháng 3 năm 2024'])).toBe('signature');
    expect(c.classify([null, 'Người lập biểu', null, 'CHỦ TỊCH'])).toBe('signature');
    expect(c.classify([null, 'Nguyễn Văn Ký'])).toBe('signature');
  });

  it('does not take a member whose job is "Chủ tịch công đoàn" for the signature block', () => {
    const c = new RowClassifier();
    expect(c.classify([1, 'Nguyễn Văn An', '01/02/1990', '068090001234', 'Chủ tịch công đoàn', 'x'])).toBeNull();
  });
});

describe('cell cleaners', () => {
  it('restore a CCCD that lost its leading zero or carries spaces', () => {
    expect(clean.citizenId(68090001234)).toEqual({ value: '068090001234' });
    expect(clean.citizenId('68090001234')).toEqual({ value: '068090001234' });
    expect(clean.citizenId('068 090 001 234')).toEqual({ value: '068090001234' });
    expect(clean.citizenId('12345').error).toContain('CCCD');
  });

  it('read phones written +84, 84, with dots, or as numbers', () => {
    for (const v of ['+84 912 345 678', '84912345678', '0912.345.678', 912345678]) expect(clean.phone(v)).toEqual({ value: '0912345678' });
    expect(clean.phone('123').error).toContain('điện thoại');
  });

  it('read dates and say in Vietnamese what is wrong with a bad one', () => {
    expect(clean.date('05/03/1990')).toEqual({ value: { iso: '1990-03-05', precision: 'day' } });
    expect(clean.date(1985, { allowPartial: true })).toEqual({ value: { iso: '1985-01-01', precision: 'year' } });
    expect(clean.date('31/02/1990').error).toBe('Ngày không tồn tại ("31/02/1990").');
    expect(clean.date('hôm qua').error).toContain('dd/mm/yyyy');
    expect(clean.date('01/01/2099', { notAfter: '2026-01-01' }).error).toContain('tương lai');
  });

  it('clean names: legacy fonts, NFD, all-caps', () => {
    expect(clean.personName('NguyÔn V¨n Hïng')).toEqual({ value: 'Nguyễn Văn Hùng' });
    expect(clean.personName('NGUYỄN THỊ HẰNG')).toEqual({ value: 'Nguyễn Thị Hằng' });
    expect(clean.personName('Nguye\u0302\u0303n An')).toEqual({ value: 'Nguyễn An' });
    expect(clean.personName('Nguyễn 123').error).toBeDefined();
  });

  it('read ticks, sexes, ethnicities and religions', () => {
    expect(clean.yesNo('ĐV')).toEqual({ value: true });
    expect(clean.yesNo(null)).toEqual({ value: false });
    expect(clean.yesNoOrDate('03/02/2015')).toEqual({ value: { yes: true, date: { iso: '2015-02-03', precision: 'day' } } });
    expect(clean.sex('nữ')).toEqual({ value: 'female' });
    expect(clean.sex('abc').error).toContain('Nam');
    expect(clean.ethnicity('DT Kinh')).toEqual({ value: 'Kinh' });
    expect(clean.religion('Thiên chúa')).toEqual({ value: 'Công giáo' });
  });
});
