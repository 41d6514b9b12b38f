import { formatVnDate, nameSortKey } from '@cds/shared';
import { clean, isBlank, type CellValue, type ColumnMapping, type ImportRow } from '../../../lib/xlsx-import/index.ts';
import { copyLine } from '../../../lib/bulk.ts';

export interface CellError { field: string; message: string }

/** One member row, cleaned, as it goes into the staging table. */
export interface MemberDraft {
  row: number;
  fullName: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthPrecision: 'day' | 'month' | 'year' | null;
  citizenId: string | null;
  ethnicity: string | null;
  religion: string | null;
  education: string | null;
  qualification: string | null;
  job: string | null;
  /** null when the file has no party column: the database value is kept. */
  partyMember: boolean | null;
  partyJoinedOn: string | null;
  phone: string | null;
  address: string | null;
  joinedOn: string | null;
  cardNumber: string | null;
  group: string | null;
  errors: CellError[];
}

// Intl with a time zone costs ~0.2 ms a call: once a minute is enough for "not in the future".
const VN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
let todayCache = { at: 0, value: '' };
function today(): string {
  const now = Date.now();
  if (now - todayCache.at > 60_000) todayCache = { at: now, value: VN_DAY.format(now) };
  return todayCache.value;
}

/**
 * Cleans one data row: every rule of the cleaners, plus the checks that need several cells
 * (split name, sex from the column the birth date sits in, birth before joining).
 */
export function draftFromRow(r: ImportRow, mapping: ColumnMapping, now = today()): MemberDraft {
  const errors: CellError[] = [];
  const take = <T>(field: string, result: clean.Cleaned<T>): T | null => {
    if (result.error !== undefined) { errors.push({ field, message: result.error }); return null; }
    return result.value;
  };
  const has = (field: string) => mapping[field] !== null && mapping[field] !== undefined;

  let fullName = take('fullName', clean.personName(r.get('fullName')));
  if (!fullName && (has('familyMiddleName') || has('givenName'))) {
    // Cleaned as one name: a legacy font is told apart on "Tröông Xuaân Sôn", not on "Sôn" alone.
    const parts = [r.get('familyMiddleName'), r.get('givenName')].filter((v) => !isBlank(v)).map((v) => String(v).trim());
    if (parts.length) fullName = take(isBlank(r.get('givenName')) ? 'givenName' : 'familyMiddleName', clean.personName(parts.join(' ')));
    if (fullName && isBlank(r.get('givenName'))) errors.push({ field: 'givenName', message: 'Thiếu tên.' });
  }
  if (!fullName && !errors.some((e) => e.field === 'fullName' || e.field === 'givenName')) {
    errors.push({ field: has('fullName') || !has('givenName') ? 'fullName' : 'givenName', message: 'Thiếu họ và tên.' });
  }

  let sex = take('sex', clean.sex(r.get('sex')));
  const male = has('sexMale') ? take('sexMale', clean.yesNo(r.get('sexMale'))) : null;
  const female = has('sexFemale') ? take('sexFemale', clean.yesNo(r.get('sexFemale'))) : null;
  if (!sex && male && !female) sex = 'male';
  if (!sex && female && !male) sex = 'female';
  if (male && female) errors.push({ field: 'sexFemale', message: 'Đánh dấu cả Nam và Nữ.' });

  let birth = take('birthDate', clean.date(r.get('birthDate'), { allowPartial: true, notAfter: now }));
  const maleBirth = has('birthDateMale') ? r.get('birthDateMale') : null;
  const femaleBirth = has('birthDateFemale') ? r.get('birthDateFemale') : null;
  if (!birth && !isBlank(maleBirth) && !isBlank(femaleBirth)) {
    errors.push({ field: 'birthDateFemale', message: 'Có ngày sinh ở cả cột Nam và cột Nữ.' });
  } else if (!birth && !isBlank(maleBirth)) {
    birth = take('birthDateMale', clean.date(maleBirth, { allowPartial: true, notAfter: now }));
    if (birth) sex = sex ?? 'male';
  } else if (!birth && !isBlank(femaleBirth)) {
    birth = take('birthDateFemale', clean.date(femaleBirth, { allowPartial: true, notAfter: now }));
    if (birth) sex = sex ?? 'female';
  }

  const joined = take('joinedOn', clean.date(r.get('joinedOn'), { allowPartial: false, notAfter: now }));
  if (birth && joined && birth.iso.slice(0, birth.precision === 'year' ? 4 : 10) >= joined.iso.slice(0, birth.precision === 'year' ? 4 : 10)) {
    errors.push({ field: 'joinedOn', message: `Ngày vào Công đoàn (${formatVnDate(joined.iso)}) phải sau ngày sinh (${formatVnDate(birth.iso, birth.precision)}).` });
  }

  let partyMember: boolean | null = null;
  let partyJoinedOn: string | null = null;
  if (has('partyMember')) {
    const p = take('partyMember', clean.yesNoOrDate(r.get('partyMember')));
    if (p) { partyMember = p.yes; partyJoinedOn = p.date?.precision === 'day' ? p.date.iso : null; }
  }
  const partyDate = take('partyJoinedOn', clean.date(r.get('partyJoinedOn'), { notAfter: now }));
  if (partyDate) { partyJoinedOn = partyDate.iso; partyMember = true; }

  const cardNumber = take('cardNumber', clean.text(r.get('cardNumber') as CellValue, 30));
  return {
    row: r.number,
    fullName,
    sex,
    birthDate: birth?.iso ?? null,
    birthPrecision: birth?.precision ?? null,
    citizenId: take('citizenId', clean.citizenId(r.get('citizenId'))),
    ethnicity: take('ethnicity', clean.ethnicity(r.get('ethnicity'))),
    religion: take('religion', clean.religion(r.get('religion'))),
    education: take('education', clean.text(r.get('education'), 100)),
    qualification: take('qualification', clean.text(r.get('qualification'), 200)),
    job: take('job', clean.text(r.get('job'), 200)),
    partyMember,
    partyJoinedOn,
    phone: take('phone', clean.phone(r.get('phone'))),
    address: take('address', clean.text(r.get('address'), 300)),
    joinedOn: joined?.iso ?? null,
    cardNumber: cardNumber ? cardNumber.replace(/\s+/g, '') : null,
    group: take('group', clean.text(r.get('group'), 200)),
    errors,
  };
}

/** Staging columns, in COPY order. */
export const STAGING_COLUMNS = [
  'row_no', 'full_name', 'name_sort', 'sex', 'birth_date', 'birth_precision', 'citizen_id', 'ethnicity', 'religion', 'education',
  'qualification', 'job', 'party_member', 'party_joined_on', 'phone', 'address', 'joined_on', 'card_number', 'group_name', 'errors',
];

export function stagingLine(d: MemberDraft): string {
  return copyLine([
    d.row, d.fullName, d.fullName ? nameSortKey(d.fullName) : null, d.sex, d.birthDate, d.birthPrecision, d.citizenId, d.ethnicity,
    d.religion, d.education, d.qualification, d.job, d.partyMember, d.partyJoinedOn, d.phone, d.address, d.joinedOn, d.cardNumber,
    d.group, d.errors.length ? JSON.stringify(d.errors) : null,
  ]);
}
