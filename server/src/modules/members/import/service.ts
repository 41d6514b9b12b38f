import { sql } from 'kysely';
import { fold } from '@cds/shared';
import type { DatabaseHandle, Db } from '../../../db/connection.ts';
import { can, requireAt, type Actor } from '../../../auth/actor.ts';
import { AppError, badRequest } from '../../../lib/errors.ts';
import {
  mappingProblems, openSheetImport, sanitizeMapping, SKIP_MESSAGES, sheetRowCount, type ColumnMapping, type SheetLayout, type XlsxSource,
} from '../../../lib/xlsx-import/index.ts';
import { CopyBuffer } from '../../../lib/bulk.ts';
import { applyMemberImport, type ApplyResult, type ImportMode, type RowOutcome } from './apply.ts';
import { draftFromRow, stagingLine, type MemberDraft } from './parse.ts';
import { labelOf, MEMBER_IMPORT_SPEC, SENSITIVE_IMPORT_FIELDS } from './spec.ts';

/** The grassroots union a file is imported into, checked against the actor's member.write scope. */
export async function importTarget(db: Db, actor: Actor, unitId: number) {
  const path = await requireAt(db, actor, 'member.write', unitId);
  const unit = await db.selectFrom('org_unit').select(['id', 'kind', 'name', 'province_id', 'dissolved_on']).where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.kind !== 'grassroots') throw badRequest('not_grassroots', 'Hãy chọn một công đoàn cơ sở để nhập danh sách đoàn viên.', 'unitId');
  if (unit.dissolved_on) throw badRequest('unit_dissolved', 'Đơn vị đã giải thể, không thể nhập đoàn viên.', 'unitId');
  return { id: unit.id, name: unit.name, path, provinceId: unit.province_id };
}

const REQUIRED_ONE_OF = [['fullName', 'givenName']];

export function checkMapping(mapping: ColumnMapping) {
  const problems = mappingProblems(mapping, MEMBER_IMPORT_SPEC, REQUIRED_ONE_OF);
  if (problems.length) throw new AppError(400, 'invalid_mapping', problems[0], 'mapping', problems.map((message) => ({ field: 'mapping', message })));
}

async function open(source: XlsxSource) {
  try {
    return await openSheetImport(source, MEMBER_IMPORT_SPEC);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'no_header' || code === 'xlsx_unreadable') throw badRequest(code, (err as Error).message, 'file');
    throw err;
  }
}

/** The mapping this union confirmed last time, when the new file has the same header texts. */
export async function rememberedMapping(db: Db, unitId: number, layout: SheetLayout): Promise<ColumnMapping | null> {
  const row = await db.selectFrom('member_import_mapping').select('mapping').where('unit_id', '=', unitId).executeTakeFirst();
  if (!row) return null;
  const saved = (typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping) as Record<string, string | null>;
  const byHeader = new Map(layout.columns.map((c) => [fold(c.header), c.index]));
  const mapping: ColumnMapping = {};
  for (const f of MEMBER_IMPORT_SPEC.columns) {
    const header = saved[f.key];
    if (header === undefined || header === null) { mapping[f.key] = null; continue; }
    const index = byHeader.get(fold(header));
    if (index === undefined) return null;
    mapping[f.key] = index;
  }
  return mapping;
}

export async function rememberMapping(db: Db, actor: Actor, unitId: number, layout: SheetLayout, mapping: ColumnMapping) {
  const headers = Object.fromEntries(Object.entries(mapping).map(([k, i]) => [k, i === null ? null : layout.columns.find((c) => c.index === i)?.header ?? null]));
  await sql`insert into member_import_mapping (unit_id, mapping, updated_by) values (${unitId}, ${JSON.stringify(headers)}::jsonb, ${actor.userId})
    on conflict (unit_id) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
}

/** What the mapping editor shows: the header found, each column with samples, the fields, and the mapping to start from. */
export async function analyseFile(db: Db, actor: Actor, unitId: number, source: XlsxSource) {
  await importTarget(db, actor, unitId);
  const sheet = await open(source);
  await sheet.close();
  const remembered = await rememberedMapping(db, unitId, sheet.layout);
  const reveal = can(actor, 'member.sensitive', await requireAt(db, actor, 'member.write', unitId));
  const mapping = remembered ?? sheet.mapping;
  return {
    headerRows: sheet.layout.headerRows,
    numberingRow: sheet.layout.numberingRow,
    dataStartRow: sheet.layout.dataStartRow,
    columns: sheet.layout.columns.map((c) => {
      const field = Object.entries(mapping).find(([, i]) => i === c.index)?.[0];
      return { ...c, samples: field && SENSITIVE_IMPORT_FIELDS.has(field) && !reveal ? c.samples.map(() => '•••') : c.samples };
    }),
    fields: MEMBER_IMPORT_SPEC.columns.map((c) => ({ key: c.key, label: c.label })),
    mapping,
    remembered: Boolean(remembered),
    totalRows: await sheetRowCount(source),
  };
}

export interface RunOptions {
  unitId: number;
  source: XlsxSource;
  fileName: string;
  mode: ImportMode;
  /** The mapping the user confirmed; the automatic one when absent (CLI). */
  mapping?: Record<string, unknown> | null;
  dryRun?: boolean;
  /** Only the first data rows (the preview). */
  limitRows?: number;
  jobId?: number | null;
  ip?: string;
  onProgress?: (done: number, total: number | null, phase?: string) => void;
}

export interface RunResult extends ApplyResult {
  layout: SheetLayout;
  mapping: ColumnMapping;
  /** The cleaned rows, kept only for the preview. */
  drafts?: MemberDraft[];
}

/** Reads the file (streaming), cleans every row, and hands the staged rows to the one transaction that applies them. */
export async function runMemberImport(handle: DatabaseHandle, actor: Actor, opts: RunOptions): Promise<RunResult> {
  const unit = await importTarget(handle.db, actor, opts.unitId);
  const total = opts.limitRows ? null : await sheetRowCount(opts.source);
  const progress = opts.onProgress ?? (() => {});
  const sheet = await open(opts.source);
  const width = Math.max(0, ...sheet.layout.columns.map((c) => c.index + 1));
  const mapping = opts.mapping ? sanitizeMapping(opts.mapping, MEMBER_IMPORT_SPEC, width) : sheet.mapping;
  checkMapping(mapping);
  progress(0, total, 'Đang đọc và làm sạch dữ liệu');
  const staged = new CopyBuffer();
  const skipped: RowOutcome[] = [];
  const drafts: MemberDraft[] = [];
  let dataRows = 0;
  let lastRow = 0;
  try {
    for await (const row of sheet.rows(mapping)) {
      lastRow = row.number;
      if (row.skip) {
        skipped.push({ row: row.number, status: 'skipped', errors: [{ field: '', message: SKIP_MESSAGES[row.skip] }] });
      } else {
        const draft = draftFromRow(row, mapping);
        staged.push(stagingLine(draft));
        if (opts.limitRows) drafts.push(draft);
        dataRows += 1;
        if (opts.limitRows && dataRows >= opts.limitRows) break;
      }
      if ((lastRow & 1023) === 0) progress(lastRow, total);
    }
  } finally {
    await sheet.close();
  }
  progress(lastRow, total ?? lastRow, 'Đang đối chiếu với danh sách đoàn viên');
  const result = await applyMemberImport(handle, {
    unit, actor, ip: opts.ip, fileName: opts.fileName, mode: opts.mode, staged: staged.flush(), skipped,
    jobId: opts.jobId, dryRun: opts.dryRun, onPhase: (p) => progress(lastRow, total ?? lastRow, p),
  });
  return { ...result, layout: sheet.layout, mapping, drafts: opts.limitRows ? drafts : undefined };
}

/** A message for a row's result column, in Vietnamese. */
export function outcomeMessage(o: RowOutcome, committed: boolean): string {
  const errors = (o.errors ?? []).map((e) => (e.field ? `${labelOf(e.field)}: ${e.message}` : e.message)).join('; ');
  switch (o.status) {
    case 'created': return committed ? 'Đã thêm đoàn viên mới.' : 'Sẽ thêm đoàn viên mới.';
    case 'updated': return committed ? 'Đã cập nhật thông tin đoàn viên.' : 'Sẽ cập nhật thông tin đoàn viên.';
    case 'duplicate': return errors || 'Đã có trong danh sách đoàn viên, không có gì thay đổi.';
    case 'skipped': return errors || 'Không phải dòng dữ liệu.';
    default: return errors;
  }
}

export const STATUS_LABELS: Record<RowOutcome['status'], string> = {
  created: 'Thêm mới', updated: 'Cập nhật', duplicate: 'Trùng', invalid: 'Lỗi', skipped: 'Bỏ qua',
};
