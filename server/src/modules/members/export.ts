import { formatVnDate, type DatePrecision } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../../auth/actor.ts';
import { recordAudit } from '../audit/write.ts';
import { streamListWorkbook, vnDate, vnToday, type CellValue, type SheetColumn } from '../../lib/xlsx-export.ts';
import { memberWhere, pageQuery, type MemberFilters } from './queries.ts';
import { listUnit, present, resolveFilters, today, type MemberRow, type MemberView } from './service.ts';

const SEX = { male: 'Nam', female: 'Nữ' } as const;
const STATUS: Record<string, string> = { active: 'Đang sinh hoạt', transferred_out: 'Đã chuyển đi', left: 'Đã ra khỏi tổ chức', deceased: 'Đã từ trần' };

type Column = SheetColumn<MemberView> & { sensitive?: boolean };

/** The columns of the list page, in its order; the keys are the ones the column chooser sends. */
export const EXPORT_COLUMNS: Record<string, Column> = {
  fullName: { header: 'Họ và tên', width: 26, value: (m): CellValue => m.fullName },
  sex: { header: 'Giới tính', width: 9, value: (m): CellValue => (m.sex ? SEX[m.sex] : '') },
  birthDate: { header: 'Ngày sinh', width: 12, value: (m): CellValue => formatVnDate(m.birthDate, m.birthPrecision as DatePrecision | null) },
  citizenId: { header: 'Số CCCD/CMND', width: 16, value: (m): CellValue => m.citizenId, sensitive: true },
  ethnicity: { header: 'Dân tộc', width: 10, value: (m): CellValue => m.ethnicity, sensitive: true },
  religion: { header: 'Tôn giáo', width: 12, value: (m): CellValue => m.religion, sensitive: true },
  partyMember: { header: 'Đảng viên', width: 10, value: (m): CellValue => (m.partyMember ? `x${m.partyJoinedOn ? ` (${vnDate(m.partyJoinedOn)})` : ''}` : ''), sensitive: true },
  education: { header: 'Trình độ văn hóa', width: 10, value: (m): CellValue => m.education },
  qualification: { header: 'Chuyên môn', width: 16, value: (m): CellValue => m.qualification },
  vocationalLevel: { header: 'Kỹ năng nghề', width: 14, value: (m): CellValue => m.vocationalLevel },
  job: { header: 'Nghề nghiệp, công việc', width: 20, value: (m): CellValue => m.job },
  phone: { header: 'Số điện thoại', width: 13, value: (m): CellValue => m.phone },
  address: { header: 'Nơi ở hiện nay', width: 30, value: (m): CellValue => m.address },
  joinedOn: { header: 'Ngày vào Công đoàn', width: 13, value: (m): CellValue => vnDate(m.joinedOn) },
  cardNumber: { header: 'Số thẻ đoàn viên', width: 14, value: (m): CellValue => m.cardNumber },
  cardValidUntil: { header: 'Thẻ có giá trị đến', width: 13, value: (m): CellValue => vnDate(m.cardValidUntil) },
  groupName: { header: 'Tổ công đoàn', width: 22, value: (m): CellValue => m.groupName },
  unitName: { header: 'Công đoàn cơ sở', width: 30, value: (m): CellValue => m.unitName },
  status: { header: 'Trạng thái', width: 16, value: (m): CellValue => STATUS[m.status] ?? m.status },
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

  const where = memberWhere(actor, unit, filters, { indexedSearch: true });
  let rows = 0;
  // Pages by key in given-name order; when the last page is written, the export goes in the audit trail.
  async function* pages(): AsyncGenerator<MemberView[]> {
    let cursor: { nameSort: string; id: number } | null = null;
    for (;;) {
      const { rows: batch } = await pageQuery(where, { cursor, offset: 0, limit: 1999 }).execute(db) as { rows: MemberRow[] };
      if (batch.length) yield batch.map((row) => present(row, can(actor, 'member.sensitive', row.unit_path)));
      rows += batch.length;
      if (batch.length < 2000) break;
      const last = batch[batch.length - 1];
      cursor = { nameSort: last.name_sort, id: Number(last.id) };
    }
    await recordAudit(db, { actor, ip }, {
      unitId, entity: 'member', entityId: null, action: 'export',
      after: { rows, columns: chosen.map((c) => c.header), sensitiveColumns: chosen.some((c) => c.sensitive), search: Boolean(filters.q) },
    });
  }
  const stream = streamListWorkbook<MemberView>({
    sheetName: 'Danh sách đoàn viên',
    titles: [name.toUpperCase(), 'DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN', `(Tính đến ngày ${vnToday()})`],
    columns: chosen,
    pages: pages(),
  });
  return { stream, fileName: `Danh sách đoàn viên ${name} ${today()}.xlsx` };
}
