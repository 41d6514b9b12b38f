import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { formatVnDate, type DatePrecision } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { memberWhere, type MemberFilters } from './queries.ts';
import { present } from './service.ts';

const SEX = { male: 'Nam', female: 'Nữ' } as const;
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/**
 * The current list view as .xlsx in the VGCL member-list layout (title block, numbered header),
 * streamed page by page so a large federation exports in constant memory. Sensitive columns
 * appear only for roles that may see them.
 */
export async function exportMembers(db: Db, actor: Actor, unitId: number, filters: Omit<MemberFilters, 'underPath'>) {
  const underPath = await requireAt(db, actor, 'member.read', unitId);
  const unit = await db.selectFrom('org_unit').select(['name']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const reveal = can(actor, 'member.sensitive', underPath);
  const stream = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = book.addWorksheet('Danh sách đoàn viên');
  const columns: [string, number, (m: ReturnType<typeof present>) => unknown][] = [
    ['Họ và tên', 28, (m) => m.fullName], ['Giới tính', 9, (m) => (m.sex ? SEX[m.sex as 'male' | 'female'] : '')],
    ['Ngày sinh', 12, (m) => formatVnDate(m.birthDate, m.birthPrecision as DatePrecision | null)],
    ...(reveal ? [['Số CCCD', 16, (m) => m.citizenId], ['Dân tộc', 10, (m) => m.ethnicity], ['Tôn giáo', 12, (m) => m.religion],
      ['Đảng viên', 10, (m) => (m.partyMember ? 'x' : '')]] as [string, number, (m: ReturnType<typeof present>) => unknown][] : []),
    ['Trình độ văn hóa', 10, (m) => m.education], ['Chuyên môn', 18, (m) => m.qualification], ['Nghề nghiệp', 18, (m) => m.job],
    ['Số điện thoại', 13, (m) => m.phone], ['Ngày vào Công đoàn', 13, (m) => vnDate(m.joinedOn)], ['Số thẻ đoàn viên', 14, (m) => m.cardNumber],
    ['Tổ công đoàn', 22, (m) => m.groupName], ['Đơn vị', 30, (m) => m.unitName],
  ];
  const width = columns.length + 1;
  sheet.columns = [{ width: 6 }, ...columns.map(([, w]) => ({ width: w }))];
  const title = (text: string, bold: boolean) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: 'Times New Roman', size: 13, bold };
    row.getCell(1).alignment = { horizontal: 'center' };
    row.commit();
  };
  title(unit.name.toUpperCase(), true);
  title('DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN', true);
  title(`(Tính đến ngày ${vnDate(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }))})`, false);
  sheet.addRow([]).commit();
  const header = sheet.addRow(['STT', ...columns.map(([h]) => h)]);
  header.eachCell((c) => {
    c.font = { name: 'Times New Roman', bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  header.commit();
  const numbering = sheet.addRow(Array.from({ length: width }, (_, i) => `(${i + 1})`));
  numbering.eachCell((c) => { c.alignment = { horizontal: 'center' }; c.font = { name: 'Times New Roman', italic: true }; });
  numbering.commit();

  const where = memberWhere(actor, { ...filters, underPath });
  (async () => {
    let seq = 0;
    for (let offset = 0; ; offset += 2000) {
      const { rows } = await sql<any>`
        select m.*, u.name as unit_name, g.name as group_name from member m join org_unit u on u.id = m.unit_id
        left join org_unit g on g.id = m.group_id where ${where} order by m.name_sort, m.id limit 2000 offset ${offset}`.execute(db);
      for (const row of rows) {
        const m = present(row, reveal);
        const line = sheet.addRow([++seq, ...columns.map(([, , get]) => get(m) ?? '')]);
        line.font = { name: 'Times New Roman' };
        line.commit();
      }
      if (rows.length < 2000) break;
    }
    sheet.commit();
    await book.commit();
  })().catch((err) => stream.destroy(err));
  return { stream, fileName: `danh-sach-doan-vien-${unitId}.xlsx` };
}
