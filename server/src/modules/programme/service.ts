import { sql } from 'kysely';
import { pathWithin, type ProgrammeInput, type TargetInput, type TargetPatch, type ManualValueInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { requireAt, scopePaths, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { INDICATORS, indicatorByKey } from './indicators.ts';
import { describeIndicator, evaluateByChild, evaluateTargets, periodRange, type Period, type TargetRow, type TargetValue } from './engine.ts';

/** Keys of figures entered by hand start with this: no module computes them, an officer types them with their name. */
export const MANUAL_PREFIX = 'manual.';

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

export function listIndicators() {
  return INDICATORS.map((d) => ({ key: d.key, ...describeIndicator(d)! }));
}

/** A period that has not started yet has nothing to show or report. */
export function checkPeriodStarted(period: Period, field = 'year') {
  if (periodRange(period).from > today()) {
    throw badRequest('period_not_started', `Kỳ ${period.half === 1 ? '6 tháng đầu năm ' : 'năm '}${period.year} chưa bắt đầu.`, field);
  }
}

// ---- programmes ----------------------------------------------------------------------------

interface ProgrammeRow {
  id: number; unitId: number; unitName: string; unitPath: string; issuer: string; number: string | null; issuedOn: string | null;
  title: string; yearFrom: number; yearTo: number; version: number;
}
const programmeColumns = sql`p.id, p.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", p.issuer, p.number,
  p.issued_on as "issuedOn", p.title, p.year_from as "yearFrom", p.year_to as "yearTo", p.version`;

/** Programmes that apply at a unit (run by it or a unit above it) or are run by units below it. */
export async function listProgrammes(db: Db, actor: Actor, unitId: number): Promise<ProgrammeRow[]> {
  const path = await requireAt(db, actor, 'programme.read', unitId);
  const { rows } = await sql<ProgrammeRow>`
    select ${programmeColumns} from programme p join org_unit u on u.id = p.unit_id
    where u.path @> ${path}::ltree or u.path <@ ${path}::ltree
    order by p.year_from desc, nlevel(u.path), p.id`.execute(db);
  return rows;
}

/** A programme is visible to whoever reads programmes at its unit, above it, or below it (it applies to them). */
async function loadProgramme(db: Db, actor: Actor, id: number): Promise<ProgrammeRow> {
  const { rows: [p] } = await sql<ProgrammeRow>`select ${programmeColumns} from programme p join org_unit u on u.id = p.unit_id where p.id = ${id}`.execute(db);
  const visible = p && actor.grants.some((g) => (pathWithin(p.unitPath, g.unitPath) || pathWithin(g.unitPath, p.unitPath))
    && ['admin', 'federation_officer', 'grassroots_officer', 'inspector', 'observer'].includes(g.role));
  if (!p || !visible) throw notFound('Không tìm thấy chương trình hành động.');
  return p;
}

export async function getProgramme(db: Db, actor: Actor, id: number) {
  const p = await loadProgramme(db, actor, id);
  const sections = await db.selectFrom('programme_section').select(['id', 'position', 'heading', 'body'])
    .where('programme_id', '=', id).orderBy('position').execute();
  const targets = await listTargets(db, [id]);
  return {
    ...p, sections,
    targets: targets.map((t) => ({ ...t, indicator: describeIndicator(indicatorByKey(t.indicatorKey)) })),
  };
}

export async function listTargets(db: Db, programmeIds: number[], year?: number) {
  if (programmeIds.length === 0) return [];
  const { rows } = await sql<TargetRow & { position: number; yearFrom: number | null; yearTo: number | null; ended: boolean; version: number }>`
    select t.id, t.programme_id as "programmeId", p.unit_id as "programmeUnitId", t.code, t.title, t.indicator_key as "indicatorKey",
      t.comparison, t.thresholds, t.position, t.year_from as "yearFrom", t.year_to as "yearTo", t.ended, t.version
    from target t join programme p on p.id = t.programme_id
    where t.programme_id = any(${programmeIds}::int[])
      and (${year ?? null}::int is null or (not t.ended
        and ${year ?? null}::int between coalesce(t.year_from, p.year_from) and coalesce(t.year_to, p.year_to)))
    order by t.programme_id, t.position, t.id`.execute(db);
  return rows;
}

export async function createProgramme(ctx: Ctx, input: ProgrammeInput) {
  const id = await audited(ctx, { permission: 'programme.write', unitId: input.unitId, entity: 'programme', action: 'create' }, async (trx) => {
    const row = await trx.insertInto('programme').values({
      unit_id: input.unitId, issuer: input.issuer, number: input.number ?? null, issued_on: input.issuedOn ?? null,
      title: input.title, year_from: input.yearFrom, year_to: input.yearTo,
    }).returning('id').executeTakeFirstOrThrow();
    await insertSections(trx, row.id, input.sections);
    return { entityId: row.id, after: input, result: row.id };
  });
  return getProgramme(ctx.db, ctx.actor, id);
}

async function insertSections(trx: Db, programmeId: number, sections: { heading: string; body: string }[]) {
  if (sections.length === 0) return;
  await trx.insertInto('programme_section').values(sections.map((s, i) => ({ programme_id: programmeId, position: i + 1, heading: s.heading, body: s.body }))).execute();
}

export async function updateProgramme(ctx: Ctx, id: number, input: Omit<ProgrammeInput, 'unitId'> & { version: number }) {
  const p = await loadProgramme(ctx.db, ctx.actor, id);
  await audited(ctx, { permission: 'programme.write', unitId: p.unitId, entity: 'programme', action: 'update' }, async (trx) => {
    const current = await trx.selectFrom('programme').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) throw conflict();
    await trx.updateTable('programme').set({
      issuer: input.issuer, number: input.number ?? null, issued_on: input.issuedOn ?? null, title: input.title,
      year_from: input.yearFrom, year_to: input.yearTo, version: current.version + 1, updated_at: sql`now()`,
    }).where('id', '=', id).execute();
    await trx.deleteFrom('programme_section').where('programme_id', '=', id).execute();
    await insertSections(trx, id, input.sections);
    return { entityId: id, before: current, after: input, result: null };
  });
  return getProgramme(ctx.db, ctx.actor, id);
}

// ---- targets -------------------------------------------------------------------------------

/** Refuses a target naming an indicator nobody computes, or thresholds a ratio cannot reach. */
export function checkTarget(input: Pick<TargetInput, 'indicatorKey' | 'thresholds'>, programme: { yearFrom: number; yearTo: number }, years?: { yearFrom?: number | null; yearTo?: number | null }) {
  const def = indicatorByKey(input.indicatorKey);
  if (!def && !input.indicatorKey.startsWith(MANUAL_PREFIX)) {
    throw badRequest('unknown_indicator', `Chỉ số "${input.indicatorKey}" không tồn tại. Chọn một chỉ số trong danh mục, hoặc dùng mã bắt đầu bằng "${MANUAL_PREFIX}" cho số liệu nhập tay.`, 'indicatorKey');
  }
  if (def?.kind === 'ratio' && input.thresholds.some((t) => t.value < 0 || t.value > 100)) {
    throw badRequest('threshold_out_of_range', 'Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%.', 'thresholds');
  }
  if (def && !def.bySector && input.thresholds.some((t) => t.sectors !== null)) {
    throw badRequest('threshold_by_sector', `Chỉ số "${def.label}" không tính theo khu vực; chỉ nhập một ngưỡng chung.`, 'thresholds');
  }
  const seen = new Set<string>();
  for (const t of input.thresholds) for (const s of t.sectors ?? ['*']) {
    if (seen.has(s)) throw badRequest('threshold_overlap', 'Mỗi khu vực chỉ có một ngưỡng.', 'thresholds');
    seen.add(s);
  }
  const from = years?.yearFrom ?? programme.yearFrom;
  const to = years?.yearTo ?? programme.yearTo;
  if (from < programme.yearFrom || to > programme.yearTo || to < from) {
    throw badRequest('target_years', `Năm áp dụng của chỉ tiêu phải nằm trong thời gian của chương trình (${programme.yearFrom}–${programme.yearTo}).`, 'yearFrom');
  }
}

export async function addTarget(ctx: Ctx, programmeId: number, input: TargetInput) {
  const p = await loadProgramme(ctx.db, ctx.actor, programmeId);
  checkTarget(input, p, input);
  return audited(ctx, { permission: 'programme.write', unitId: p.unitId, entity: 'target', action: 'create' }, async (trx) => {
    const taken = await trx.selectFrom('target').select('id').where('programme_id', '=', programmeId).where('code', '=', input.code).executeTakeFirst();
    if (taken) throw badRequest('duplicate_code', `Mã chỉ tiêu "${input.code}" đã có trong chương trình.`, 'code');
    const row = await trx.insertInto('target').values({
      programme_id: programmeId, code: input.code, title: input.title, indicator_key: input.indicatorKey, comparison: input.comparison,
      thresholds: JSON.stringify(input.thresholds), year_from: input.yearFrom ?? null, year_to: input.yearTo ?? null, position: input.position ?? 0,
    }).returning(['id', 'version']).executeTakeFirstOrThrow();
    return { entityId: row.id, after: input, result: { id: row.id, version: row.version, ...input } };
  });
}

async function loadTarget(db: Db, actor: Actor, id: number) {
  const t = await db.selectFrom('target').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('Không tìm thấy chỉ tiêu.');
  const p = await loadProgramme(db, actor, t.programme_id);
  return { t, p };
}

export async function updateTarget(ctx: Ctx, id: number, patch: TargetPatch) {
  const { t, p } = await loadTarget(ctx.db, ctx.actor, id);
  const merged = {
    indicatorKey: patch.indicatorKey ?? t.indicator_key,
    thresholds: patch.thresholds ?? (t.thresholds as unknown as TargetInput['thresholds']),
    yearFrom: patch.yearFrom === undefined ? t.year_from : patch.yearFrom,
    yearTo: patch.yearTo === undefined ? t.year_to : patch.yearTo,
  };
  checkTarget(merged, p, merged);
  return audited(ctx, { permission: 'programme.write', unitId: p.unitId, entity: 'target', action: 'update' }, async (trx) => {
    const current = await trx.selectFrom('target').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== patch.version) throw conflict();
    const changes = {
      code: patch.code, title: patch.title, indicator_key: patch.indicatorKey, comparison: patch.comparison,
      thresholds: patch.thresholds ? JSON.stringify(patch.thresholds) : undefined,
      year_from: patch.yearFrom, year_to: patch.yearTo, position: patch.position, ended: patch.ended,
    };
    await trx.updateTable('target').set({ ...changes, version: current.version + 1, updated_at: sql`now()` }).where('id', '=', id).execute();
    return { entityId: id, before: current, after: patch, result: { id, version: current.version + 1 } };
  });
}

/** Cascades a count target: the share each unit below the programme's unit is to reach. */
export async function setShares(ctx: Ctx, targetId: number, input: { year: number; shares: { unitId: number; value: number }[] }) {
  const { p } = await loadTarget(ctx.db, ctx.actor, targetId);
  return audited(ctx, { permission: 'programme.write', unitId: p.unitId, entity: 'target_share', action: 'set' }, async (trx) => {
    const ids = input.shares.map((s) => s.unitId);
    if (ids.length) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from org_unit where id = any(${ids}::int[]) and path <@ ${p.unitPath}::ltree and id <> ${p.unitId}`.execute(trx);
      if (rows[0].n !== new Set(ids).size) throw badRequest('share_outside', 'Chỉ giao chỉ tiêu cho các đơn vị trực thuộc đơn vị ban hành chương trình.', 'shares');
    }
    await trx.deleteFrom('target_share').where('target_id', '=', targetId).where('year', '=', input.year).execute();
    if (ids.length) {
      await trx.insertInto('target_share').values(input.shares.map((s) => ({ target_id: targetId, unit_id: s.unitId, year: input.year, value: s.value, updated_by: ctx.actor.userId }))).execute();
    }
    return { entityId: targetId, after: input, result: { ok: true as const } };
  });
}

export async function getShares(db: Db, actor: Actor, targetId: number, year: number) {
  const { p } = await loadTarget(db, actor, targetId);
  const { rows } = await sql<{ unitId: number; name: string; value: number }>`
    select s.unit_id as "unitId", u.name, s.value from target_share s join org_unit u on u.id = s.unit_id
    where s.target_id = ${targetId} and s.year = ${year} and u.path <@ any(${scopePaths(actor, 'programme.read')}::ltree[])
      and u.path <@ ${p.unitPath}::ltree order by u.name`.execute(db);
  return rows;
}

// ---- manual values -------------------------------------------------------------------------

/** A figure the system cannot compute, entered by a named officer of the unit (or above). */
export async function saveManualValue(ctx: Ctx, input: ManualValueInput) {
  if (indicatorByKey(input.indicatorKey)) {
    throw badRequest('indicator_computed', 'Chỉ số này được tính tự động từ dữ liệu, không nhập tay.', 'indicatorKey');
  }
  if (!input.indicatorKey.startsWith(MANUAL_PREFIX)) {
    const used = await ctx.db.selectFrom('target').select('id').where('indicator_key', '=', input.indicatorKey).executeTakeFirst();
    if (!used) throw badRequest('unknown_indicator', `Chỉ số "${input.indicatorKey}" không tồn tại.`, 'indicatorKey');
  }
  if (input.denominator != null && input.numerator > input.denominator) {
    throw badRequest('numerator_exceeds', 'Tử số không được lớn hơn mẫu số.', 'numerator');
  }
  checkPeriodStarted({ year: input.year, half: input.half ?? null });
  return audited(ctx, { permission: 'report.submit', unitId: input.unitId, entity: 'manual_value', action: 'save' }, async (trx) => {
    const before = await trx.selectFrom('manual_value').selectAll().where('indicator_key', '=', input.indicatorKey).where('unit_id', '=', input.unitId)
      .where('year', '=', input.year).where(sql<boolean>`coalesce(half, 0) = ${input.half ?? 0}`).where(sql<boolean>`coalesce(sector, '') = ${input.sector ?? ''}`).executeTakeFirst();
    if (before) await trx.deleteFrom('manual_value').where('id', '=', before.id).execute();
    const row = await trx.insertInto('manual_value').values({
      indicator_key: input.indicatorKey, unit_id: input.unitId, year: input.year, half: input.half ?? null, sector: input.sector ?? null,
      numerator: input.numerator, denominator: input.denominator ?? null, note: input.note ?? null, entered_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, before, after: input, result: { id: row.id } };
  });
}

// ---- dashboard -----------------------------------------------------------------------------

/** The targets that apply at a unit in a year: those of programmes run by the unit or any unit above it. */
export async function targetsAt(db: Db, unitPath: string, year: number): Promise<TargetRow[]> {
  const { rows } = await sql<{ id: number }>`
    select p.id from programme p join org_unit u on u.id = p.unit_id
    where u.path @> ${unitPath}::ltree and ${year} between p.year_from and p.year_to order by nlevel(u.path), p.id`.execute(db);
  return listTargets(db, rows.map((r) => r.id), year);
}

export async function dashboard(db: Db, actor: Actor, unitId: number, period: Period) {
  const path = await requireAt(db, actor, 'programme.read', unitId);
  checkPeriodStarted(period);
  const targets = await targetsAt(db, path, period.year);
  const started = performance.now();
  const values = await evaluateTargets(db, { id: unitId, path }, period, targets);
  return { unitId, period, ...periodRange(period), computedMs: Math.round(performance.now() - started), targets: values };
}

async function targetAt(db: Db, path: string, targetId: number, year: number): Promise<TargetRow> {
  const t = (await targetsAt(db, path, year)).find((x) => x.id === targetId);
  if (!t) throw notFound('Chỉ tiêu không áp dụng cho đơn vị này trong năm đã chọn.');
  return t;
}

/** The units directly below, ranked by a target's value: the first step of a drill-down. */
export async function dashboardByUnit(db: Db, actor: Actor, unitId: number, targetId: number, period: Period) {
  const path = await requireAt(db, actor, 'programme.read', unitId);
  checkPeriodStarted(period);
  const t = await targetAt(db, path, targetId, period.year);
  return { targetId, ...(await evaluateByChild(db, { id: unitId, path }, period, t)) };
}

/** Progress through the year: the value from 1 January to the end of each month so far. */
export async function progress(db: Db, actor: Actor, unitId: number, targetId: number, year: number) {
  const path = await requireAt(db, actor, 'programme.read', unitId);
  checkPeriodStarted({ year });
  const t = await targetAt(db, path, targetId, year);
  const def = indicatorByKey(t.indicatorKey);
  if (!def) return { targetId, months: [] };
  const now = today();
  const months: { month: number; to: string; value: number | null }[] = [];
  for (let m = 1; m <= 12; m++) {
    const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (`${year}-${String(m).padStart(2, '0')}-01` > now) break;
    const rows = await def.compute(db, { unitPath: path, from: `${year}-01-01`, to, byChild: false });
    const num = rows.reduce((s, r) => s + r.numerator, 0);
    const den = rows.reduce((s, r) => s + (r.denominator ?? 0), 0);
    months.push({ month: m, to, value: def.kind === 'count' ? num : den ? Math.round((10000 * num) / den) / 100 : null });
  }
  return { targetId, months };
}

/** This year against last year, and against the average of the units of the same sector beside it. */
export async function compare(db: Db, actor: Actor, unitId: number, period: Period) {
  const path = await requireAt(db, actor, 'programme.read', unitId);
  checkPeriodStarted(period);
  const unit = await db.selectFrom('org_unit').select(['parent_id', 'sector']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const targets = await targetsAt(db, path, period.year);
  const [current, previous] = await Promise.all([
    evaluateTargets(db, { id: unitId, path }, period, targets),
    evaluateTargets(db, { id: unitId, path }, { ...period, year: period.year - 1 }, targets),
  ]);
  const parent = unit.parent_id ? await db.selectFrom('org_unit').select(['id', sql<string>`path::text`.as('path')]).where('id', '=', unit.parent_id).executeTakeFirst() : null;
  const rows = [];
  for (const t of targets) {
    const cur = current.find((v) => v.targetId === t.id)!;
    const prev = previous.find((v) => v.targetId === t.id)!;
    let peerAverage: number | null = null;
    let peerCount = 0;
    if (parent && indicatorByKey(t.indicatorKey)) {
      // Aggregates only: the peers' figures are averaged, never listed to a unit that cannot read them.
      const { rows: peers } = await evaluateByChild(db, parent, period, t);
      const same = peers.filter((p) => p.unitId !== unitId && p.sector === unit.sector && p.value !== null);
      peerCount = same.length;
      peerAverage = same.length ? Math.round((100 * same.reduce((s, p) => s + p.value!, 0)) / same.length) / 100 : null;
    }
    rows.push({ targetId: t.id, code: t.code, title: t.title, value: total(cur), lastYear: total(prev), peerAverage, peerCount });
  }
  return { unitId, period, sector: unit.sector, rows };
}

function total(v: TargetValue): number | null {
  if (v.groups.length === 1) return v.groups[0].value;
  const num = v.groups.reduce((s, g) => s + (g.numerator ?? 0), 0);
  const den = v.groups.reduce((s, g) => s + (g.denominator ?? 0), 0);
  if (v.indicator?.kind === 'count') return num;
  return den ? Math.round((10000 * num) / den) / 100 : null;
}

/** The records behind a figure; needs the records' own read permission at the unit, besides programme.read. */
export async function drill(db: Db, actor: Actor, q: { unitId: number; targetId: number; period: Period; sector?: string | null; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'programme.read', q.unitId);
  const t = await targetAt(db, path, q.targetId, q.period.year);
  const def = indicatorByKey(t.indicatorKey);
  if (!def?.drill) throw badRequest('no_drill', 'Chỉ số này chưa có danh sách chi tiết.', 'targetId');
  await requireAt(db, actor, def.recordPermission, q.unitId);
  const { from, to } = periodRange(q.period);
  return def.drill(db, { unitPath: path, from, to, sector: q.sector ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}
