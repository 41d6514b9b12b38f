import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../../auth/actor.ts';
import { recordAudit } from '../audit/write.ts';
import { decodeCursor, encodeCursor, memberWhere, type MemberFilters } from './queries.ts';
import { listUnit, present, resolveFilters, today, type MemberRow, type MemberView } from './service.ts';

const SEX = { male: 'Nam', female: 'Nữ' } as const;
const STATUS: Record<string, string> = { active: 'Đang sinh hoạt', transferred_out: 'Đã chuyển đi', left: 'Đã ra khỏi tổ chức', deceased: 'Đã từ trần' };
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

type Column = { title: string; width: number; value: (m: MemberView) => unknown; sensitive?: boolean };

/** The columns of the list page, in its order; the keys are the ones the column chooser sends. */
export const EXPORT_COLUMNS: Record<string, Column> = {
  fullName: { title: 'Họ và tên', width: 26, value: (m) => m.fullName },
  sex: { title: 'Giới tính', width: 9, value: (m) => (m.sex ? SEX[m.sex] : '') },
  birthDate: { title: 'Ngày sinh', width: 12, value: (m) => (m.birthPrecision === 'year' ? m.birthDate?.slice(0, 4) : vnDate(m.birthDate)) },
  citizenId: { title: 'Số CCCD/CMND', width: 16, value: (m) => m.citizenId, sensitive: true },
  ethnicity: { title: 'Dân tộc', width: 10, value: (m) => m.ethnicity, sensitive: true },
  religion: { title: 'Tôn giáo', width: 12, value: (m) => m.religion, sensitive: true },
  partyMember: { title: 'Đảng viên', width: 10, value: (m) => (m.partyMember ? `x${m.partyJoinedOn ? ` (${vnDate(m.partyJoinedOn)})` : ''}` : ''), sensitive: true },
  education: { title: 'Trình độ văn hóa', width: 10, value: (m) => m.education },
  qualification: { title: 'Chuyên môn', width: 16, value: (m) => m.qualification },
  vocationalLevel: { title: 'Kỹ năng nghề', width: 14, value: (m) => m.vocationalLevel },
  job: { title: 'Nghề nghiệp, công việc', width: 20, value: (m) => m.job },
  phone: { title: 'Số điện thoại', width: 13, value: (m) => m.phone },
  address: { title: 'Nơi ở hiện nay', width: 30, value: (m) => m.address },
  joinedOn: { title: 'Ngày vào Công đoàn', width: 13, value: (m) => vnDate(m.joinedOn) },
  cardNumber: { title: 'Số thẻ đoàn viên', width: 14, value: (m) => m.cardNumber },
  cardValidUntil: { title: 'Thẻ có giá trị đến', width: 13, value: (m) => vnDate(m.cardValidUntil) },
  groupName: { title: 'Tổ công đoàn', width: 22, value: (m) => m.groupName },
  unitName: { title: 'Công đoàn cơ sở', width: 30, value: (m) => m.unitName },
  status: { title: 'Trạng thái', width: 16, value: (m) => STATUS[m.status] ?? m.status },
};
const DEFAULT_EXPORT = Object.keys(EXPORT_COLUMNS);

/**
 * The current list view (its filters, search and chosen columns) as .xlsx, with the title block
 * officers expect (union name, "DANH SÁCH ĐOÀN VIÊN", date, numbered header). Streamed page by
 * page in given-name order, so a whole federation exports in constant memory. Sensitive columns
 * appear only for roles that may see them over the whole unit; the export itself is audited.
 */
export async function exportMembers(db: Db, actor: Actor, ip: string | undefined, unitId: number, f: MemberFilters, columns?: string[]) {
  const unit = await listUnit(db, actor, unitId);
  const filters = await resolveFilters(db, actor, unit, f);
  const { name } = await db.selectFrom('org_unit').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
  const reveal = can(actor, 'member.sensitive', unit.path);
  const keys = ['fullName', ...(columns?.length ? columns : DEFAULT_EXPORT).filter((k) => k !== 'fullName' && EXPORT_COLUMNS[k])];
  const chosen = keys.map((k) => EXPORT_COLUMNS[k]).filter((c) => reveal || !c.sensitive);

  const stream = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = book.addWorksheet('Danh sách đoàn viên', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = chosen.length + 1;
  sheet.columns = [{ width: 6 }, ...chosen.map((c) => ({ width: c.width }))];
  const font = { name: 'Times New Roman', size: 12 };
  const title = (text: string, bold: boolean) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { ...font, size: 13, bold };
    row.getCell(1).alignment = { horizontal: 'center' };
    row.commit();
  };
  title(name.toUpperCase(), true);
  title('DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN', true);
  title(`(Tính đến ngày ${vnDate(today())})`, false);
  sheet.addRow([]).commit();
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const header = sheet.addRow(['STT', ...chosen.map((c) => c.title)]);
  header.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  header.commit();
  const numbering = sheet.addRow(Array.from({ length: width }, (_, i) => `(${i + 1})`));
  numbering.eachCell((c) => { c.alignment = { horizontal: 'center' }; c.font = { ...font, italic: true }; c.border = border; });
  numbering.commit();

  const where = memberWhere(actor, unit, filters, { indexedSearch: true });
  (async () => {
    let seq = 0;
    let after: string | null = null;
    for (;;) {
      const cursor = decodeCursor(after ?? undefined);
      const { rows } = await sql<MemberRow>`
        select m.*, u.name as unit_name, g.name as group_name from member m join org_unit u on u.id = m.unit_id
        left join org_unit g on g.id = m.group_id
        where ${where} ${cursor ? sql`and (m.name_sort, m.id) > (${cursor.nameSort}, ${cursor.id})` : sql``}
        order by m.name_sort, m.id limit 2000`.execute(db);
      for (const row of rows) {
        const m = present(row, can(actor, 'member.sensitive', row.unit_path));
        const line = sheet.addRow([++seq, ...chosen.map((c) => c.value(m) ?? '')]);
        line.eachCell({ includeEmpty: true }, (c) => { c.font = font; c.border = border; });
        line.commit();
      }
      if (rows.length < 2000) break;
      after = encodeCursor(rows[rows.length - 1].name_sort, Number(rows[rows.length - 1].id));
    }
    sheet.addRow([]).commit();
    const sign = sheet.addRow([`Tổng số: ${seq} đoàn viên`]);
    sign.getCell(1).font = { ...font, bold: true };
    sign.commit();
    sheet.commit();
    await book.commit();
    await recordAudit(db, { actor, ip }, {
      unitId, entity: 'member', entityId: null, action: 'export',
      after: { rows: seq, columns: chosen.map((c) => c.title), sensitiveColumns: chosen.some((c) => c.sensitive), search: Boolean(filters.q) },
    });
  })().catch((err) => stream.destroy(err));
  return { stream, fileName: `danh-sach-doan-vien-${unitId}-${today()}.xlsx` };
}
