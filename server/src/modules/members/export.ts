import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { memberWhere, type MemberFilters } from './queries.ts';
import { present } from './service.ts';
import { pagesOf, streamListWorkbook, vnDate, vnToday, type CellValue, type SheetColumn } from '../../lib/xlsx-export.ts';

const SEX = { male: 'Nam', female: 'Nữ' } as const;

/**
 * The current list view as .xlsx in the VGCL member-list layout (title block, numbered header),
 * streamed page by page so a large federation exports in constant memory. Sensitive columns
 * appear only for roles that may see them.
 */
export async function exportMembers(db: Db, actor: Actor, unitId: number, filters: Omit<MemberFilters, 'underPath'>) {
  const underPath = await requireAt(db, actor, 'member.read', unitId);
  const unit = await db.selectFrom('org_unit').select(['name']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const reveal = can(actor, 'member.sensitive', underPath);
  type Row = ReturnType<typeof present>;
  const col = (header: string, width: number, value: (m: Row) => CellValue): SheetColumn<Row> => ({ header, width, value });
  const columns = [
    col('Họ và tên', 28, (m) => m.fullName), col('Giới tính', 9, (m) => (m.sex ? SEX[m.sex as 'male' | 'female'] : '')),
    col('Ngày sinh', 12, (m) => vnDate(m.birthDate)),
    ...(reveal ? [col('Số CCCD', 16, (m) => m.citizenId), col('Dân tộc', 10, (m) => m.ethnicity), col('Tôn giáo', 12, (m) => m.religion),
      col('Đảng viên', 10, (m) => (m.partyMember ? 'x' : ''))] : []),
    col('Trình độ văn hóa', 10, (m) => m.education), col('Chuyên môn', 18, (m) => m.qualification), col('Nghề nghiệp', 18, (m) => m.job),
    col('Số điện thoại', 13, (m) => m.phone), col('Ngày vào Công đoàn', 13, (m) => vnDate(m.joinedOn)), col('Số thẻ đoàn viên', 14, (m) => m.cardNumber),
    col('Tổ công đoàn', 22, (m) => m.groupName), col('Đơn vị', 30, (m) => m.unitName),
  ];
  const where = memberWhere(actor, { ...filters, underPath });
  const stream = streamListWorkbook({
    sheetName: 'Danh sách đoàn viên',
    titles: [unit.name.toUpperCase(), 'DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN', `(Tính đến ngày ${vnToday()})`],
    columns,
    pages: pagesOf(async (offset, limit) => (await sql<any>`
      select m.*, u.name as unit_name, g.name as group_name from member m join org_unit u on u.id = m.unit_id
      left join org_unit g on g.id = m.group_id where ${where} order by m.name_sort, m.id limit ${limit} offset ${offset}`.execute(db))
      .rows.map((row) => present(row, reveal))),
  });
  return { stream, fileName: `danh-sach-doan-vien-${unitId}.xlsx` };
}
