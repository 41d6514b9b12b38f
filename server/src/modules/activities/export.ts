import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import { listActivities, type ActivityFilters } from './service.ts';

const STATUS: Record<string, string> = { planned: 'Kế hoạch', held: 'Đã tổ chức', cancelled: 'Đã hủy' };
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** The activity list as the officer filtered it, as an .xlsx with a title row. */
export async function exportActivities(db: Db, actor: Actor, f: ActivityFilters) {
  const { rows } = await listActivities(db, actor, { ...f, page: 1, pageSize: 20_000 });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hoạt động');
  sheet.mergeCells('A1:J1');
  sheet.getCell('A1').value = 'DANH SÁCH HOẠT ĐỘNG CÔNG ĐOÀN';
  sheet.getCell('A1').font = { bold: true, size: 14, name: 'Times New Roman' };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const header = ['STT', 'Ngày bắt đầu', 'Ngày kết thúc', 'Loại hoạt động', 'Chủ đề, nội dung', 'Đơn vị', 'Địa điểm', 'Đơn vị phối hợp', 'Trạng thái', 'Số người tham dự'];
  sheet.addRow([]);
  const h = sheet.addRow(header);
  h.font = { bold: true };
  rows.forEach((a: any, i: number) => sheet.addRow([
    i + 1, vnDate(a.startsOn), vnDate(a.endsOn), a.kindName, a.title, a.unitName, a.place ?? '',
    (a.coOrganisers ?? []).map((c: { name: string }) => c.name).join('; '), STATUS[a.status] ?? a.status, a.attendees ?? '',
  ]));
  [6, 12, 12, 30, 50, 40, 25, 30, 12, 12].forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), fileName: 'danh-sach-hoat-dong.xlsx' };
}
