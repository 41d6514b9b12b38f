import { sql } from 'kysely';
import { fold } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../../auth/actor.ts';
import { AppError, badRequest, forbidden } from '../../lib/errors.ts';
import { clean, NoHeaderError, openSheetImport, type ImportSpec } from '../../lib/xlsx-import/index.ts';
import { activityFor, assertOpenForAttendance } from './attendance.ts';

/** What an attendance sheet may hold: a name column at least; card, ID, phone and birth year when the unit kept them. */
export const ATTENDANCE_SHEET: ImportSpec = {
  anchors: ['fullName'],
  columns: [
    { key: 'fullName', label: 'Họ và tên', headers: ['Họ và tên', 'Họ tên', 'Họ và tên đoàn viên', 'Tên đoàn viên', 'Người tham dự', 'Full name'], required: true },
    { key: 'cardNumber', label: 'Số thẻ đoàn viên', headers: ['Số thẻ đoàn viên', 'Số thẻ', 'Mã thẻ', 'Thẻ đoàn viên'] },
    { key: 'citizenId', label: 'Số CCCD', headers: ['Số CCCD', 'CCCD', 'Căn cước công dân', 'Số định danh', 'CMND', 'CCCD/CMND'] },
    { key: 'phone', label: 'Điện thoại', headers: ['Điện thoại', 'Số điện thoại', 'SĐT', 'Di động'] },
    { key: 'birth', label: 'Năm sinh', headers: ['Năm sinh', 'Ngày sinh', 'Ngày tháng năm sinh'] },
  ],
};

interface Candidate { id: number; full_name: string; card_number: string | null; citizen_id: string | null; phone: string | null; birth_year: number | null; unit_name: string }
const exactKey = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Reads an attendance sheet against the members who may attend (the activity's subtree, members on
 * the day) and saves nothing: a row matches on a card number, a citizen ID or a phone, or on a full
 * name written exactly as registered that only one member carries (narrowed by birth year when given).
 * Anything else is reported with the closest names, diacritics ignored, for the officer to choose.
 */
export async function previewSheet(db: Db, actor: Actor, activityId: number, file: Buffer) {
  const a = await activityFor(db, actor, activityId, true);
  assertOpenForAttendance(a);
  if (!can(actor, 'member.read', a.unit_path)) throw forbidden();
  const { rows: members } = await sql<Candidate>`
    select m.id, m.full_name, m.card_number, m.citizen_id, m.phone, extract(year from m.birth_date)::int as birth_year, u.name as unit_name
    from member m join org_unit u on u.id = m.unit_id
    where m.unit_path <@ ${a.unit_path}::ltree and (m.joined_on is null or m.joined_on <= ${a.starts_on}::date)
      and (m.left_on is null or m.left_on > ${a.starts_on}::date) and (m.status = 'active' or m.left_on is not null)`.execute(db);
  const { rows: presentRows } = await sql<{ member_id: number }>`select member_id from attendance where activity_id = ${activityId} and counted`.execute(db);
  const present = new Set(presentRows.map((r) => Number(r.member_id)));
  const index = (key: (m: Candidate) => string | null) => {
    const map = new Map<string, Candidate[]>();
    for (const m of members) { const k = key(m); if (k) map.set(k, [...(map.get(k) ?? []), m]); }
    return map;
  };
  const byCard = index((m) => m.card_number);
  const byCitizen = index((m) => m.citizen_id);
  const byPhone = index((m) => m.phone);
  const byName = index((m) => exactKey(m.full_name));
  const byFolded = index((m) => fold(m.full_name));

  let sheet;
  try {
    sheet = await openSheetImport(file, ATTENDANCE_SHEET);
  } catch (err) {
    if (err instanceof NoHeaderError) throw new AppError(400, 'no_header', err.message, 'file');
    throw badRequest('file_unreadable', 'Không đọc được tệp. Hãy lưu danh sách dưới dạng Excel (.xlsx).', 'file');
  }
  const matched: { row: number; name: string; memberId: number; fullName: string; unitName: string; by: string; present: boolean }[] = [];
  const unmatched: { row: number; name: string; reason: string; suggestions: { memberId: number; fullName: string; unitName: string; birthYear: number | null }[] }[] = [];
  let rows = 0;
  const suggest = (list: Candidate[]) => list.slice(0, 5).map((m) => ({ memberId: Number(m.id), fullName: m.full_name, unitName: m.unit_name, birthYear: m.birth_year }));
  for await (const row of sheet.rows()) {
    if (row.skip) continue;
    rows++;
    if (rows > 5000) throw badRequest('sheet_too_long', 'Danh sách dài quá 5.000 dòng; hãy chia thành nhiều tệp.', 'file');
    const name = clean.personName(row.get('fullName')).value ?? '';
    const card = clean.text(row.get('cardNumber'), 40).value;
    const citizen = clean.citizenId(row.get('citizenId')).value;
    const phone = clean.phone(row.get('phone')).value;
    const birth = clean.date(row.get('birth'), { allowPartial: true }).value;
    const year = birth ? Number(birth.iso.slice(0, 4)) : null;
    const one = (list: Candidate[] | undefined) => (list && list.length === 1 ? list[0] : null);
    let hit: Candidate | null = null;
    let by = '';
    if (card && (hit = one(byCard.get(card)))) by = 'card';
    else if (citizen && (hit = one(byCitizen.get(citizen)))) by = 'citizen_id';
    else if (phone && (hit = one(byPhone.get(phone)))) by = 'phone';
    else if (name) {
      const same = (byName.get(exactKey(name)) ?? []).filter((m) => year === null || m.birth_year === null || m.birth_year === year);
      if (same.length === 1) { hit = same[0]; by = 'name'; }
      else if (same.length > 1) { unmatched.push({ row: row.number, name, reason: 'ambiguous', suggestions: suggest(same) }); continue; }
    }
    if (hit) {
      matched.push({ row: row.number, name: name || card || citizen || '', memberId: Number(hit.id), fullName: hit.full_name, unitName: hit.unit_name, by, present: present.has(Number(hit.id)) });
      continue;
    }
    if (!name) { unmatched.push({ row: row.number, name: card ?? citizen ?? '', reason: 'not_found', suggestions: [] }); continue; }
    // Not matched: the same name without diacritics first, then the closest by trigram similarity.
    const folded = byFolded.get(fold(name)) ?? [];
    const { rows: near } = await sql<{ id: number }>`
      select m.id from member m where m.unit_path <@ ${a.unit_path}::ltree and m.status = 'active'
        and similarity(m.search_text, vn_fold(${name})) > 0.3
      order by similarity(m.search_text, vn_fold(${name})) desc limit 5`.execute(db);
    const nearIds = new Set(near.map((n) => Number(n.id)));
    const close = members.filter((m) => nearIds.has(Number(m.id)) && !folded.includes(m));
    unmatched.push({ row: row.number, name, reason: 'not_found', suggestions: suggest([...folded, ...close]) });
  }
  await sheet.close();
  return { sheet: 'Sheet1', rows, matched, unmatched };
}
