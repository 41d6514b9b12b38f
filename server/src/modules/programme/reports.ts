import { sql } from 'kysely';
import { DEFAULT_REPORT_SECTIONS, type ReportKind, type ReportStatus } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, unitPathOf, type Actor } from '../../auth/actor.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { evaluateTargets, periodRange, type Period, type TargetValue } from './engine.ts';
import { checkPeriodStarted, targetsAt } from './service.ts';

/**
 * Periodic reports submitted up the tree, after DHIS2's data approval: a unit submits, the level
 * above accepts or returns it; a level submits only when every unit below it is accepted or
 * exempted; submission freezes the figures, and an accepted report never changes (a correction is
 * a new version).
 */

export const periodOf = (kind: ReportKind, year: number): Period => ({ year, half: kind === 'half_year' ? 1 : null });

export interface ReportSnapshot {
  computedAt: string;
  unit: { id: number; name: string; code: string };
  period: Period & { from: string; to: string };
  targets: TargetValue[];
  children: { unitId: number; name: string; status: ReportStatus; version: number | null }[];
}

export interface ReportView {
  id: number; unitId: number; unitName: string; parentId: number | null; kind: ReportKind; year: number; version: number;
  status: ReportStatus; narrative: { heading: string; body: string }[]; number: string | null;
  submittedBy: string | null; submittedAt: string | null; reviewedBy: string | null; reviewedAt: string | null;
  reviewComment: string | null; rowVersion: number;
  /** Frozen figures once submitted; live figures while a draft. */
  figures: ReportSnapshot;
  frozen: boolean;
}

const reportColumns = sql`r.id, r.unit_id as "unitId", u.name as "unitName", u.parent_id as "parentId", u.path::text as "unitPath",
  r.kind, r.year, r.version, r.status, r.narrative, r.snapshot, r.number,
  sb.full_name as "submittedBy", r.submitted_at as "submittedAt", rb.full_name as "reviewedBy", r.reviewed_at as "reviewedAt",
  r.review_comment as "reviewComment", r.row_version as "rowVersion"`;

type ReportRow = Omit<ReportView, 'figures' | 'frozen'> & { unitPath: string; snapshot: ReportSnapshot | null };

async function loadReport(db: Db, id: number): Promise<ReportRow> {
  const { rows: [r] } = await sql<ReportRow>`
    select ${reportColumns} from report r join org_unit u on u.id = r.unit_id
    left join app_user sb on sb.id = r.submitted_by left join app_user rb on rb.id = r.reviewed_by
    where r.id = ${id}`.execute(db);
  if (!r) throw notFound('Không tìm thấy báo cáo.');
  return r;
}

/** The units that report to a unit: its direct children, except union groups and dissolved units. */
async function reportingChildren(db: Db, unitId: number) {
  return db.selectFrom('org_unit').select(['id', 'name']).where('parent_id', '=', unitId)
    .where('kind', '!=', 'union_group').where('dissolved_on', 'is', null).orderBy('name').execute();
}

/** Each child's latest report version for the period (or none). */
async function childStatuses(db: Db, unitId: number, kind: ReportKind, year: number) {
  const { rows } = await sql<{ unitId: number; name: string; code: string; status: ReportStatus | null; version: number | null; reportId: number | null; submittedAt: string | null }>`
    select c.id as "unitId", c.name, c.code, r.status, r.version, r.id as "reportId", r.submitted_at as "submittedAt"
    from org_unit c
    left join lateral (select * from report r where r.unit_id = c.id and r.kind = ${kind} and r.year = ${year} order by r.version desc limit 1) r on true
    where c.parent_id = ${unitId} and c.kind <> 'union_group' and c.dissolved_on is null
    order by c.name`.execute(db);
  return rows;
}

async function computeFigures(db: Db, unit: { id: number; path: string }, kind: ReportKind, year: number): Promise<ReportSnapshot> {
  const period = periodOf(kind, year);
  const [info, targets, children] = await Promise.all([
    db.selectFrom('org_unit').select(['id', 'name', 'code']).where('id', '=', unit.id).executeTakeFirstOrThrow(),
    targetsAt(db, unit.path, year).then((t) => evaluateTargets(db, unit, period, t)),
    childStatuses(db, unit.id, kind, year),
  ]);
  return {
    computedAt: new Date().toISOString(), unit: info, period: { ...period, ...periodRange(period) }, targets,
    children: children.map((c) => ({ unitId: c.unitId, name: c.name, status: c.status ?? 'draft', version: c.version })),
  };
}

async function view(db: Db, r: ReportRow): Promise<ReportView> {
  const { snapshot, unitPath, ...rest } = r;
  const frozen = snapshot !== null && r.status !== 'draft' && r.status !== 'returned';
  const figures = frozen ? snapshot! : await computeFigures(db, { id: r.unitId, path: unitPath }, r.kind, r.year);
  return { ...rest, figures, frozen };
}

export async function getReport(db: Db, actor: Actor, id: number): Promise<ReportView> {
  const r = await loadReport(db, id);
  await requireAt(db, actor, 'report.read', r.unitId);
  return view(db, r);
}

/** The submission board of a unit for a period: its own report and who below has and has not submitted. */
export async function reportBoard(db: Db, actor: Actor, unitId: number, kind: ReportKind, year: number) {
  await requireAt(db, actor, 'report.read', unitId);
  const own = await db.selectFrom('report').select(['id', 'status', 'version']).where('unit_id', '=', unitId)
    .where('kind', '=', kind).where('year', '=', year).orderBy('version', 'desc').executeTakeFirst();
  const children = await childStatuses(db, unitId, kind, year);
  const versions = await db.selectFrom('report').select(['id', 'version', 'status', 'submitted_at as submittedAt']).where('unit_id', '=', unitId)
    .where('kind', '=', kind).where('year', '=', year).orderBy('version', 'desc').execute();
  return {
    unitId, kind, year, report: own ?? null, versions, children,
    pending: children.filter((c) => c.status !== 'accepted' && c.status !== 'exempted').length,
  };
}

async function event(trx: Db, reportId: number, userId: number, action: string, comment?: string | null) {
  await trx.insertInto('report_event').values({ report_id: reportId, user_id: userId, action, comment: comment ?? null }).execute();
}

export async function reportEvents(db: Db, actor: Actor, id: number) {
  const r = await loadReport(db, id);
  await requireAt(db, actor, 'report.read', r.unitId);
  return db.selectFrom('report_event as e').leftJoin('app_user as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.at', 'e.action', 'e.comment', 'u.full_name as userName']).where('e.report_id', '=', id).orderBy('e.id').execute();
}

export async function createReport(ctx: Ctx, input: { unitId: number; kind: ReportKind; year: number }): Promise<ReportView> {
  checkPeriodStarted(periodOf(input.kind, input.year));
  const id = await audited(ctx, { permission: 'report.submit', unitId: input.unitId, entity: 'report', action: 'create' }, async (trx) => {
    const existing = await trx.selectFrom('report').select(['id', 'status']).where('unit_id', '=', input.unitId).where('kind', '=', input.kind)
      .where('year', '=', input.year).executeTakeFirst();
    if (existing) throw badRequest('report_exists', 'Đơn vị đã có báo cáo cho kỳ này; mở báo cáo đó để tiếp tục.', 'kind');
    const row = await trx.insertInto('report').values({
      unit_id: input.unitId, kind: input.kind, year: input.year, status: 'draft', narrative: JSON.stringify(DEFAULT_REPORT_SECTIONS),
    }).returning('id').executeTakeFirstOrThrow();
    await event(trx, row.id, ctx.actor.userId, 'created');
    return { entityId: row.id, after: input, result: row.id };
  });
  return getReport(ctx.db, ctx.actor, id);
}

async function lockReport(trx: Db, id: number, rowVersion: number) {
  const r = await trx.selectFrom('report').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (r.row_version !== rowVersion) throw conflict();
  return r;
}

const EDITABLE: ReportStatus[] = ['draft', 'returned'];

export async function updateReport(ctx: Ctx, id: number, input: { rowVersion: number; number?: string | null; narrative: { heading: string; body: string }[] }) {
  const r = await loadReport(ctx.db, id);
  await audited(ctx, { permission: 'report.submit', unitId: r.unitId, entity: 'report', action: 'update' }, async (trx) => {
    const current = await lockReport(trx, id, input.rowVersion);
    if (!EDITABLE.includes(current.status)) throw badRequest('report_locked', 'Báo cáo đã gửi hoặc đã được duyệt, không sửa được. Tạo phiên bản điều chỉnh nếu cần.', 'status');
    await trx.updateTable('report').set({
      narrative: JSON.stringify(input.narrative), number: input.number ?? current.number, row_version: current.row_version + 1, updated_at: sql`now()`,
    }).where('id', '=', id).execute();
    await event(trx, id, ctx.actor.userId, 'edited');
    return { entityId: id, before: { narrative: current.narrative }, after: input, result: null };
  });
  return getReport(ctx.db, ctx.actor, id);
}

/** Submits: every unit below must be accepted or exempted; the figures are frozen now. */
export async function submitReport(ctx: Ctx, id: number, input: { rowVersion: number }) {
  const r = await loadReport(ctx.db, id);
  await audited(ctx, { permission: 'report.submit', unitId: r.unitId, entity: 'report', action: 'submit' }, async (trx, unitPath) => {
    const current = await lockReport(trx, id, input.rowVersion);
    if (current.status === 'submitted' || current.status === 'accepted') {
      throw badRequest('already_submitted', current.status === 'accepted' ? 'Báo cáo đã được duyệt.' : 'Báo cáo đã được gửi, đang chờ cấp trên duyệt.', 'status');
    }
    if (current.status === 'exempted') throw badRequest('exempted', 'Đơn vị đã được miễn báo cáo kỳ này.', 'status');
    checkPeriodStarted(periodOf(current.kind, current.year));
    const children = await childStatuses(trx, r.unitId, current.kind, current.year);
    const pending = children.filter((c) => c.status !== 'accepted' && c.status !== 'exempted');
    if (pending.length) {
      throw new AppError(400, 'children_pending',
        `Chưa thể gửi: còn ${pending.length} đơn vị trực thuộc chưa được duyệt hoặc miễn báo cáo (${pending.slice(0, 5).map((c) => c.name).join('; ')}${pending.length > 5 ? '; …' : ''}).`,
        'status', pending.map((c) => ({ field: String(c.unitId), message: c.name })));
    }
    const snapshot = await computeFigures(trx, { id: r.unitId, path: unitPath }, current.kind, current.year);
    await trx.updateTable('report').set({
      status: 'submitted', snapshot: JSON.stringify(snapshot), submitted_by: ctx.actor.userId, submitted_at: sql`now()`,
      reviewed_by: null, reviewed_at: null, row_version: current.row_version + 1, updated_at: sql`now()`,
    }).where('id', '=', id).execute();
    await event(trx, id, ctx.actor.userId, 'submitted');
    return { entityId: id, before: { status: current.status }, after: { status: 'submitted' }, result: null };
  });
  return getReport(ctx.db, ctx.actor, id);
}

/** The level above reviews: accept (the snapshot is final) or return with comments (unlocks it). */
export async function reviewReport(ctx: Ctx, id: number, decision: 'accept' | 'return', input: { rowVersion: number; comment?: string | null }) {
  const r = await loadReport(ctx.db, id);
  await requireAt(ctx.db, ctx.actor, 'report.read', r.unitId);
  if (r.parentId === null) throw badRequest('no_reviewer', 'Đơn vị này không có cấp trên để duyệt báo cáo.', 'unitId');
  // The report is visible here, so a unit that may not review it is told "forbidden", not "not found".
  if (!can(ctx.actor, 'report.review', await unitPathOf(ctx.db, r.parentId))) throw forbidden('Chỉ cấp trên trực tiếp duyệt hoặc trả lại báo cáo.');
  if (decision === 'return' && !input.comment?.trim()) throw badRequest('comment_required', 'Ghi rõ lý do trả lại báo cáo.', 'comment');
  await audited(ctx, { permission: 'report.review', unitId: r.parentId, entity: 'report', action: decision }, async (trx) => {
    const current = await lockReport(trx, id, input.rowVersion);
    if (current.status !== 'submitted') throw badRequest('not_submitted', 'Chỉ duyệt hoặc trả lại báo cáo đang chờ duyệt.', 'status');
    const status = decision === 'accept' ? 'accepted' : 'returned';
    await trx.updateTable('report').set({
      status, reviewed_by: ctx.actor.userId, reviewed_at: sql`now()`, review_comment: input.comment ?? null,
      row_version: current.row_version + 1, updated_at: sql`now()`,
    }).where('id', '=', id).execute();
    await event(trx, id, ctx.actor.userId, status, input.comment);
    return { entityId: id, before: { status: current.status }, after: { status, comment: input.comment }, result: null, unitId: r.unitId };
  });
  return getReport(ctx.db, ctx.actor, id);
}

/** The level above exempts a unit from a period's report (e.g. founded late, being dissolved). */
export async function exemptUnit(ctx: Ctx, input: { unitId: number; kind: ReportKind; year: number; comment: string }) {
  await requireAt(ctx.db, ctx.actor, 'report.read', input.unitId);
  const unit = await ctx.db.selectFrom('org_unit').select(['parent_id']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  if (unit.parent_id === null) throw badRequest('no_reviewer', 'Đơn vị này không có cấp trên.', 'unitId');
  const id = await audited(ctx, { permission: 'report.review', unitId: unit.parent_id, entity: 'report', action: 'exempt' }, async (trx) => {
    const latest = await trx.selectFrom('report').selectAll().where('unit_id', '=', input.unitId).where('kind', '=', input.kind)
      .where('year', '=', input.year).orderBy('version', 'desc').forUpdate().executeTakeFirst();
    if (latest && (latest.status === 'accepted' || latest.status === 'exempted' || latest.status === 'submitted')) {
      throw badRequest('cannot_exempt', latest.status === 'submitted' ? 'Đơn vị đã gửi báo cáo; hãy duyệt hoặc trả lại.' : 'Báo cáo kỳ này đã được duyệt hoặc miễn.', 'unitId');
    }
    let reportId: number;
    if (latest) {
      await trx.updateTable('report').set({ status: 'exempted', review_comment: input.comment, reviewed_by: ctx.actor.userId, reviewed_at: sql`now()`, row_version: latest.row_version + 1 })
        .where('id', '=', latest.id).execute();
      reportId = latest.id;
    } else {
      reportId = (await trx.insertInto('report').values({
        unit_id: input.unitId, kind: input.kind, year: input.year, status: 'exempted', review_comment: input.comment, narrative: '[]',
        reviewed_by: ctx.actor.userId, reviewed_at: sql`now()`,
      }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await event(trx, reportId, ctx.actor.userId, 'exempted', input.comment);
    return { entityId: reportId, after: input, result: reportId, unitId: input.unitId };
  });
  return getReport(ctx.db, ctx.actor, id);
}

/** A correction of an accepted report: a new draft version; the accepted one stays as it was. */
export async function reviseReport(ctx: Ctx, id: number, input: { rowVersion: number }) {
  const r = await loadReport(ctx.db, id);
  const newId = await audited(ctx, { permission: 'report.submit', unitId: r.unitId, entity: 'report', action: 'revise' }, async (trx) => {
    const current = await lockReport(trx, id, input.rowVersion);
    if (current.status !== 'accepted') throw badRequest('not_accepted', 'Chỉ tạo phiên bản điều chỉnh cho báo cáo đã được duyệt.', 'status');
    const newer = await trx.selectFrom('report').select('id').where('unit_id', '=', r.unitId).where('kind', '=', r.kind)
      .where('year', '=', r.year).where('version', '>', current.version).executeTakeFirst();
    if (newer) throw badRequest('newer_version', 'Đã có phiên bản điều chỉnh mới hơn.', 'status');
    const row = await trx.insertInto('report').values({
      unit_id: r.unitId, kind: r.kind, year: r.year, version: current.version + 1, status: 'draft',
      narrative: JSON.stringify(current.narrative), number: current.number,
    }).returning('id').executeTakeFirstOrThrow();
    await event(trx, row.id, ctx.actor.userId, 'revised', `Điều chỉnh phiên bản ${current.version}`);
    return { entityId: row.id, after: { version: current.version + 1 }, result: row.id };
  });
  return getReport(ctx.db, ctx.actor, newId);
}
