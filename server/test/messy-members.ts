/**
 * Generates member lists as messy as the ones unions really keep (title block, numbered row,
 * NFD and TCVN3/VNI names, dates in five spellings, CCCDs that lost their zero, phones with
 * +84, ticks for party members, totals and a signature block) and says what each row is, so
 * import tests and the benchmark can check the import against the truth.
 */
import { PassThrough } from 'node:stream';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { detectLegacyEncoding, nameSortKey } from '@cds/shared';

export type ExpectedStatus = 'created' | 'duplicate' | 'invalid' | 'skipped';
export interface ExpectedMember {
  fullName: string; sex: 'male' | 'female'; birthDate: string; birthPrecision: 'day' | 'year'; citizenId: string | null;
  phone: string | null; ethnicity: string; partyMember: boolean; joinedOn: string; group: string | null;
}
export interface ExpectedRow {
  row: number;
  status: ExpectedStatus;
  /** What the import must store for a created row. */
  member?: ExpectedMember;
  /** For an invalid row: the field whose cell is wrong. */
  errorField?: string;
  /** For a duplicate: the row it repeats. */
  duplicateOf?: number;
}

export interface MessyOptions {
  rows: number;
  seed?: number;
  /** 'split': "Họ và tên đệm" + "Tên" and birth dates under "Nam" | "Nữ"; 'plain': one name column, a sex column. */
  layout?: 'plain' | 'split';
  /** Union group names to spread members over. */
  groups?: string[];
  /** Make every data row valid and unique (the benchmark's clean share is still messy in spelling). */
  errorRate?: number;
  duplicateRate?: number;
  /** First CCCD serial, so two files do not collide. */
  idBase?: number;
}

/** Small, fast, seeded PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh', 'Lâm', 'Mai'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Công', 'Thanh', 'Xuân', 'Đình', 'Ngọc'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Ngọc', 'Thị Mỹ', 'Thanh', 'Thị Kim', 'Hồng', 'Thị Bích', 'Phương', 'Thị Hồng'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Nam', 'Sơn', 'Phúc', 'Thắng', 'Cường', 'Quang', 'Trung', 'Đạt', 'Hiếu', 'Lộc', 'Khoa', 'Tâm', 'Vinh', 'Tùng', 'Phước'];
const GIVEN_F = ['Hằng', 'Lan', 'Hương', 'Mai', 'Thảo', 'Trang', 'Nhung', 'Ngọc', 'Huyền', 'Linh', 'Phượng', 'Yến', 'Duyên', 'Hoa', 'Thủy', 'Vân', 'Oanh', 'Loan', 'Hạnh', 'Quỳnh'];
const ETHNIC: [string, string[]][] = [['Kinh', ['Kinh', 'kinh', 'DT Kinh', 'Kinh ', 'Dân tộc Kinh']], ['Cơ Ho', ["K'Ho", 'Cơ Ho', 'Cơ ho']], ['Mạ', ['Mạ']], ['Tày', ['Tày', 'tày']]];
const JOBS = ['Công nhân may', 'Công nhân cắt', 'Tổ trưởng sản xuất', 'Nhân viên kế toán', 'Công nhân chè', 'Kỹ thuật viên', 'Chủ tịch công đoàn'];

// Unicode → legacy fonts, to write the mojibake the import must undo.
const TCVN3_ENC: Record<string, string> = {};
{
  const dec: [number, string][] = [[0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'], [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
    [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'], [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
    [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'], [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'], [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
    [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'], [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'], [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
    [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'], [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'], [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ']];
  for (const [code, ch] of dec) TCVN3_ENC[ch] = String.fromCharCode(code);
}
function toTcvn3(s: string): string | null {
  let out = '';
  for (const ch of s) {
    if (/[a-zA-Z ]/.test(ch)) out += ch;
    else if (TCVN3_ENC[ch]) out += TCVN3_ENC[ch];
    else return null; // upper-case toned letters have no TCVN3 code: such names stay in Unicode
  }
  return out;
}
const VNI_MARK: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const VNI_CIRC: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
const VNI_BREVE: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
const VNI_I: Record<string, string> = { '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
function toVni(s: string): string {
  let out = '';
  for (const ch of s) {
    const d = ch.normalize('NFD');
    const base = d[0];
    const marks = d.slice(1);
    const tone = [...marks].find((m) => VNI_MARK[m]) ?? '';
    const upper = base !== base.toLowerCase();
    const cased = (x: string) => (upper ? x.toUpperCase() : x);
    if (ch === 'đ' || ch === 'Đ') { out += ch === 'đ' ? 'ñ' : 'Ñ'; continue; }
    if (marks.includes('\u031b')) { out += cased(base.toLowerCase() === 'o' ? 'ô' : 'ö') + (tone ? cased(VNI_MARK[tone]) : ''); continue; }
    if (marks.includes('\u0302')) { out += base + cased(VNI_CIRC[tone]); continue; }
    if (marks.includes('\u0306')) { out += base + cased(VNI_BREVE[tone]); continue; }
    if (base.toLowerCase() === 'i' && tone) { out += cased(VNI_I[tone]); continue; }
    if (base.toLowerCase() === 'y' && tone === '\u0323') { out += cased('î'); continue; }
    out += base + (tone ? cased(VNI_MARK[tone]) : '');
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const serialOf = (iso: string) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000) + 25569;

interface Person extends ExpectedMember { row: number }

/**
 * Writes the file (to `path`, or returns a Buffer) and the truth about every row. Streams, so
 * 100,000 rows take seconds and little memory.
 */
export async function writeMessyMemberFile(opts: MessyOptions & { path?: string }): Promise<{ buffer?: Buffer; expected: ExpectedRow[]; dataRows: number }> {
  const rnd = prng(opts.seed ?? 20240601);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const layout = opts.layout ?? 'plain';
  const errorRate = opts.errorRate ?? 0.04;
  const duplicateRate = opts.duplicateRate ?? 0.02;
  const groups = opts.groups ?? [];
  const idBase = opts.idBase ?? 1;

  const parts: Buffer[] = [];
  const stream = opts.path ? createWriteStream(opts.path) : new PassThrough();
  if (!opts.path) stream.on('data', (c: Buffer) => parts.push(c));
  const closed = new Promise<void>((resolve, reject) => { stream.on(opts.path ? 'finish' : 'end', resolve); stream.on('error', reject); });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('Danh sách');
  const headers = layout === 'plain'
    ? ['STT', 'Họ và tên', 'Giới tính', 'Ngày tháng năm sinh', 'CMND/CCCD', 'Dân tộc', 'Đảng viên', 'Số điện thoại', 'Ngày vào CĐ', 'Nghề nghiệp', 'Tổ công đoàn']
    : ['TT', 'Họ và tên đệm', 'Tên', 'Ngày sinh', '', 'Số CCCD', 'Dân tộc', 'ĐV', 'Điện thoại', 'Ngày kết nạp', 'Công việc', 'Tổ CĐ'];
  const width = headers.length;
  const title = (text: string) => {
    const r = sheet.addRow([text]);
    sheet.mergeCells(r.number, 1, r.number, width);
    r.font = { bold: true };
    r.commit();
  };
  title('LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ BẢO LỘC');
  title('DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY LỘC SƠN');
  title('(Kèm theo báo cáo năm 2024)');
  sheet.addRow([]).commit();
  const header = sheet.addRow(headers);
  if (layout === 'split') sheet.mergeCells(header.number, 4, header.number, 5);
  header.commit();
  if (layout === 'split') sheet.addRow(['', '', '', 'Nam', 'Nữ', '', '', '', '', '', '', '']).commit();
  sheet.addRow(headers.map((_, i) => `(${i + 1})`)).commit();

  const expected: ExpectedRow[] = [];
  const people: Person[] = [];
  const withId: Person[] = [];
  const byNameBirth = new Map<string, Person>();
  const nameBirth = (p: { fullName: string; birthDate: string }) => `${nameSortKey(p.fullName)}|${p.birthDate}`;
  let rowNo = layout === 'split' ? 7 : 6;
  let seq = 0;
  let dataRows = 0;
  const skip = () => { rowNo += 1; expected.push({ row: rowNo, status: 'skipped' }); };

  for (let i = 0; i < opts.rows; i += 1) {
    if (i > 0 && rnd() < 0.005) { sheet.addRow([]).commit(); rowNo += 1; /* an empty row writes no cells: nothing to report */ }
    const roll = rnd();
    rowNo += 1;
    seq += 1;
    dataRows += 1;
    // A later copy of someone already listed: same CCCD, same person.
    if (roll < duplicateRate && withId.length > 10) {
      const p = pick(withId);
      if (p) {
        writePerson(p, seq, { ...p, row: rowNo });
        expected.push({ row: rowNo, status: 'duplicate', duplicateOf: p.row });
        continue;
      }
    }
    const sex: 'male' | 'female' = rnd() < 0.6 ? 'female' : 'male';
    const family = pick(FAMILY);
    const middle = pick(sex === 'male' ? MIDDLE_M : MIDDLE_F);
    const given = pick(sex === 'male' ? GIVEN_M : GIVEN_F);
    const year = 1965 + Math.floor(rnd() * 40);
    const birthIso = `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const yearOnly = rnd() < 0.05;
    const joinYear = Math.min(2024, year + 18 + Math.floor(rnd() * 15));
    const joinedOn = `${joinYear}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const serial = idBase + i;
    const citizenId = rnd() < 0.92 ? `068${sex === 'male' ? (year < 2000 ? 0 : 2) : year < 2000 ? 1 : 3}${String(year).slice(2)}${pad(serial % 1000000, 6)}` : null;
    const [ethnicity, spellings] = rnd() < 0.85 ? ETHNIC[0] : pick(ETHNIC.slice(1));
    const person: Person = {
      row: rowNo, fullName: `${family} ${middle} ${given}`, sex, birthDate: yearOnly ? `${year}-01-01` : birthIso, birthPrecision: yearOnly ? 'year' : 'day',
      citizenId, phone: rnd() < 0.8 ? `09${pad(Math.floor(rnd() * 1e8), 8)}` : null, ethnicity, partyMember: rnd() < 0.12, joinedOn,
      group: groups.length && rnd() < 0.5 ? pick(groups) : null,
    };
    let errorField: string | undefined;
    const bad = { ...person } as Person & { badCell?: [string, unknown] };
    if (roll > 1 - errorRate) {
      errorField = pick(['fullName', 'birthDate', 'citizenId', 'joinedOn']);
      if (errorField === 'fullName') bad.badCell = ['fullName', ''];
      if (errorField === 'birthDate') bad.badCell = ['birthDate', `31/02/${year}`];
      if (errorField === 'citizenId') bad.badCell = ['citizenId', '12345'];
      if (errorField === 'joinedOn') bad.badCell = ['joinedOn', `01/01/${year - 1}`];
    }
    writePerson(person, seq, bad, spellings);
    if (errorField) expected.push({ row: rowNo, status: 'invalid', errorField });
    else {
      // A row without CCCD that repeats a name and birth date listed earlier is a duplicate too.
      const earlier = byNameBirth.get(nameBirth(person));
      const twin = person.citizenId === null ? earlier : undefined;
      if (twin) expected.push({ row: rowNo, status: 'duplicate', duplicateOf: twin.row });
      else {
        const clash = earlier && earlier.citizenId === null ? earlier : undefined;
        if (clash) {
          // The earlier row without CCCD becomes the duplicate of this one.
          const e = expected.find((x) => x.row === clash.row)!;
          e.status = 'duplicate'; e.duplicateOf = rowNo; delete e.member;
        }
        expected.push({ row: rowNo, status: 'created', member: stripRow(person) });
        people.push(person);
        if (person.citizenId) withId.push(person);
        if (!earlier || clash) byNameBirth.set(nameBirth(person), person);
      }
    }
  }

  function writePerson(p: Person, n: number, cells: Person & { badCell?: [string, unknown] }, spellings: string[] = [p.ethnicity]) {
    const mode = rnd();
    let name: string = p.fullName;
    // Legacy fonts only where a single cell can tell (a few names read as valid Vietnamese in both, e.g. VNI "Hoàng" = "Hồng").
    if (mode < 0.08) { const x = toTcvn3(p.fullName); name = x && detectLegacyEncoding(x) === 'tcvn3' ? x : p.fullName; }
    else if (mode < 0.15) { const x = toVni(p.fullName); name = detectLegacyEncoding(x) === 'vni' ? x : p.fullName; }
    else if (mode < 0.25) name = p.fullName.normalize('NFD');
    else if (mode < 0.3) name = p.fullName.toUpperCase();
    const bad = cells.badCell;
    if (bad?.[0] === 'fullName') name = '';
    const birth: unknown = bad?.[0] === 'birthDate' ? bad[1] : p.birthPrecision === 'year' ? (rnd() < 0.5 ? Number(p.birthDate.slice(0, 4)) : p.birthDate.slice(0, 4)) : dateCell(p.birthDate);
    const cccd: unknown = bad?.[0] === 'citizenId' ? bad[1] : p.citizenId === null ? null
      : rnd() < 0.4 ? Number(p.citizenId) : rnd() < 0.3 ? p.citizenId.replace(/(\d{3})(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 $4') : p.citizenId;
    const phone: unknown = p.phone === null ? null
      : pick([() => p.phone, () => `+84 ${p.phone!.slice(1, 4)} ${p.phone!.slice(4, 7)} ${p.phone!.slice(7)}`, () => `84${p.phone!.slice(1)}`,
        () => `${p.phone!.slice(0, 4)}.${p.phone!.slice(4, 7)}.${p.phone!.slice(7)}`, () => Number(p.phone)])();
    const party = p.partyMember ? pick(['x', 'X', 'Đảng viên', 'ĐV']) : '';
    const joined: unknown = bad?.[0] === 'joinedOn' ? bad[1] : `${p.joinedOn.slice(8)}/${p.joinedOn.slice(5, 7)}/${p.joinedOn.slice(0, 4)}`;
    const ethnic = pick(spellings);
    const job = pick(JOBS);
    let values: unknown[];
    if (layout === 'plain') {
      values = [n, name, p.sex === 'male' ? pick(['Nam', 'nam', 'NAM']) : pick(['Nữ', 'nữ', 'Nu\u0303']), birth, cccd, ethnic, party, phone, joined, job, p.group ?? ''];
    } else {
      const words = name.split(' ');
      values = [n, words.slice(0, -1).join(' '), words[words.length - 1] ?? '', p.sex === 'male' ? birth : null, p.sex === 'female' ? birth : null,
        cccd, ethnic, party, phone, joined, job, p.group ?? ''];
      if (bad?.[0] === 'fullName') { values[1] = ''; values[2] = ''; }
    }
    const row = sheet.addRow(values as ExcelJS.CellValue[]);
    values.forEach((v, i) => { if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy'; });
    row.commit();
  }

  function dateCell(iso: string): unknown {
    const r = rnd();
    if (r < 0.35) return new Date(`${iso}T00:00:00Z`);
    if (r < 0.6) return `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    if (r < 0.75) return `${iso.slice(8)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    if (r < 0.9) return serialOf(iso);
    return `${Number(iso.slice(8))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
  }

  // What officers put under the table.
  sheet.addRow([]).commit(); rowNo += 1;
  sheet.addRow(['', `Tổng cộng: ${seq} đoàn viên`]).commit(); skip();
  sheet.addRow(['', 'Bảo Lộc, ngày 15 tháng 3 năm 2024']).commit(); skip();
  sheet.addRow(['', 'Người lập biểu', '', '', '', '', '', 'CHỦ TỊCH']).commit(); skip();
  sheet.addRow(['', 'Nguyễn Thị Lập', '', '', '', '', '', 'Trần Văn Chủ']).commit(); skip();
  sheet.commit();
  await book.commit();
  await closed;
  return { buffer: opts.path ? undefined : Buffer.concat(parts), expected, dataRows };
}

function stripRow(p: Person): ExpectedMember {
  const { row: _row, ...m } = p;
  return m;
}
