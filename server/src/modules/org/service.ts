import { sql } from 'kysely';
import { CHILD_KINDS, type UnitKind } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, scopePaths, type Actor } from '../../auth/actor.ts';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import type { UnitInput, UnitPatch } from '@cds/shared';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** A unit row as the API returns it, with the counts the tree shows. */
export const unitColumns = sql`
  u.id, u.parent_id as "parentId", u.path::text as path, u.kind, u.grassroots_kind as "grassrootsKind", u.sector,
  u.code, u.name, u.short_name as "shortName", u.ward, u.industrial_zone as "industrialZone", u.address, u.phone,
  u.email, u.founded_on as "foundedOn", u.dissolved_on as "dissolvedOn", u.dissolution_reason as "dissolutionReason",
  u.merged_into_id as "mergedIntoId", u.version,
  (select count(*) from org_unit c where c.parent_id = u.id and c.dissolved_on is null)::int as "childCount",
  (select count(*) from org_unit g where g.path <@ u.path and g.kind = 'grassroots' and g.dissolved_on is null)::int as "grassrootsCount"`;

export interface UnitRow {
  id: number;
  parentId: number | null;
  path: string;
  kind: UnitKind;
  grassrootsKind: string | null;
  sector: string | null;
  code: string;
  name: string;
  shortName: string | null;
  ward: string | null;
  industrialZone: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  dissolutionReason: string | null;
  mergedIntoId: number | null;
  version: number;
  childCount: number;
  grassrootsCount: number;
}

/** The tops of the actor's readable subtrees (a grant inside another grant's subtree is not a top). */
export async function scopeRoots(db: Db, actor: Actor): Promise<UnitRow[]> {
  const paths = scopePaths(actor, 'unit.read');
  const tops = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q + '.')));
  const { rows } = await sql<UnitRow>`select ${unitColumns} from org_unit u where u.path::text = any(${tops}::text[]) order by u.path`.execute(db);
  return rows;
}

export async function getUnit(db: Db, actor: Actor, id: number): Promise<UnitRow & { ancestors: { id: number; name: string }[] }> {
  const { rows } = await sql<UnitRow>`select ${unitColumns} from org_unit u where u.id = ${id}`.execute(db);
  const unit = rows[0];
  if (!unit || !can(actor, 'unit.read', unit.path)) throw notFound('Không tìm thấy đơn vị.');
  const { rows: ancestors } = await sql<{ id: number; name: string; path: string }>`
    select a.id, a.name, a.path::text as path from org_unit a where a.path @> ${unit.path}::ltree and a.id <> ${id} order by nlevel(a.path)`.execute(db);
  return { ...unit, ancestors: ancestors.filter((a) => can(actor, 'unit.read', a.path)).map(({ id, name }) => ({ id, name })) };
}

export async function listChildren(db: Db, actor: Actor, id: number, includeDissolved: boolean): Promise<UnitRow[]> {
  await requireAt(db, actor, 'unit.read', id);
  const { rows } = await sql<UnitRow>`
    select ${unitColumns} from org_unit u
    where u.parent_id = ${id} and (${includeDissolved} or u.dissolved_on is null)
    order by u.kind <> 'industrial_zone_union', u.name`.execute(db);
  return rows;
}

/** Units by name, short name or code, ignoring diacritics and case, inside the actor's scope. */
export async function searchUnits(
  db: Db, actor: Actor, q: { text?: string; underId?: number; kind?: string; includeDissolved?: boolean; limit: number },
): Promise<UnitRow[]> {
  const underPath = q.underId ? await requireAt(db, actor, 'unit.read', q.underId) : null;
  // Every word must appear somewhere ("may loc son" finds "May mặc Lộc Sơn"); each is a trigram-indexed LIKE.
  const words = (q.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const wordFilters = words.map((w) => sql`and u.name_folded like '%' || vn_fold(${w}) || '%'`);
  const first = words[0] ?? '';
  const { rows } = await sql<UnitRow>`
    select ${unitColumns} from org_unit u
    where u.path <@ any(${scopePaths(actor, 'unit.read')}::ltree[])
      and (${underPath}::ltree is null or u.path <@ ${underPath}::ltree)
      and (${q.kind ?? null}::text is null or u.kind = ${q.kind ?? null})
      and (${q.includeDissolved ?? false} or u.dissolved_on is null)
      ${sql.join(wordFilters, sql` `)}
    order by (u.name_folded like vn_fold(${first}) || '%') desc, nlevel(u.path), u.name
    limit ${q.limit}`.execute(db);
  return rows;
}

async function lockUnit(trx: Db, id: number) {
  const unit = await trx.selectFrom('org_unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  return unit;
}

function checkVersion(current: number, expected: number) {
  if (current !== expected) throw conflict();
}

function checkChildKind(parentKind: string, kind: string) {
  if (!CHILD_KINDS[parentKind as UnitKind]?.includes(kind as UnitKind)) {
    throw badRequest('invalid_child_kind', 'Loại đơn vị này không thể trực thuộc đơn vị cấp trên đã chọn.', 'kind');
  }
}

async function checkCodeFree(trx: Db, code: string, exceptId?: number) {
  const taken = await trx.selectFrom('org_unit').select('id').where('code', '=', code)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!)).executeTakeFirst();
  if (taken) throw badRequest('duplicate_code', `Mã đơn vị "${code}" đã được dùng cho đơn vị khác.`, 'code');
}

export async function createUnit(ctx: Ctx, input: UnitInput): Promise<UnitRow> {
  const id = await audited(ctx, { permission: 'unit.write', unitId: input.parentId, entity: 'unit', action: 'create' }, async (trx, parentPath) => {
    const parent = await lockUnit(trx, input.parentId);
    if (parent.dissolved_on) throw badRequest('parent_dissolved', 'Đơn vị cấp trên đã giải thể, không thể thêm đơn vị trực thuộc.', 'parentId');
    checkChildKind(parent.kind, input.kind);
    await checkCodeFree(trx, input.code);
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`.execute(trx);
    const newId = rows[0].id;
    const values = {
      id: newId,
      parent_id: parent.id,
      path: `${parentPath}.${newId}`,
      kind: input.kind,
      grassroots_kind: input.kind === 'grassroots' ? (input.grassrootsKind ?? 'enterprise') : null,
      sector: input.sector ?? null,
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      province_id: parent.kind === 'province_federation' ? parent.id : parent.province_id,
      ward: input.ward ?? null,
      industrial_zone: input.industrialZone ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      founded_on: input.foundedOn ?? today(),
    };
    await trx.insertInto('org_unit').values(values).execute();
    await trx.insertInto('org_unit_event').values({
      unit_id: newId, kind: 'created', on_date: values.founded_on, new_parent_id: parent.id, new_name: input.name,
    }).execute();
    return { entityId: newId, after: values, result: newId, unitId: newId };
  });
  return getUnit(ctx.db, ctx.actor, id);
}

export async function updateUnit(ctx: Ctx, id: number, patch: UnitPatch): Promise<UnitRow> {
  await audited(ctx, { permission: 'unit.write', unitId: id, entity: 'unit', action: 'update' }, async (trx) => {
    const unit = await lockUnit(trx, id);
    checkVersion(unit.version, patch.version);
    if (unit.dissolved_on) throw badRequest('unit_dissolved', 'Đơn vị đã giải thể, không thể sửa.');
    if (patch.code && patch.code !== unit.code) await checkCodeFree(trx, patch.code, id);
    const { version: _v, ...fields } = patch;
    const changes = {
      code: fields.code, name: fields.name, short_name: fields.shortName, sector: fields.sector,
      grassroots_kind: unit.kind === 'grassroots' ? fields.grassrootsKind : undefined,
      ward: fields.ward, industrial_zone: fields.industrialZone, address: fields.address, phone: fields.phone,
      email: fields.email, founded_on: fields.foundedOn,
    };
    await trx.updateTable('org_unit').set({ ...changes, version: unit.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (fields.name && fields.name !== unit.name) {
      await trx.insertInto('org_unit_event').values({ unit_id: id, kind: 'renamed', on_date: today(), old_name: unit.name, new_name: fields.name }).execute();
    }
    return { entityId: id, before: unit, after: changes, result: null };
  });
  return getUnit(ctx.db, ctx.actor, id);
}

/** Moves a unit with its whole subtree under another parent; the old placement stays in the history. */
export async function moveUnit(ctx: Ctx, id: number, input: { parentId: number; version: number; onDate?: string; note?: string | null }): Promise<UnitRow> {
  await audited(ctx, { permission: 'unit.write', unitId: id, entity: 'unit', action: 'move' }, async (trx, unitPath) => {
    const unit = await lockUnit(trx, id);
    checkVersion(unit.version, input.version);
    const targetPath = await requireAt(trx, ctx.actor, 'unit.write', input.parentId);
    if (targetPath === unitPath || targetPath.startsWith(unitPath + '.')) {
      throw badRequest('move_cycle', 'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị trực thuộc của nó.', 'parentId');
    }
    const target = await lockUnit(trx, input.parentId);
    if (target.dissolved_on) throw badRequest('parent_dissolved', 'Đơn vị cấp trên mới đã giải thể.', 'parentId');
    checkChildKind(target.kind, unit.kind);
    const provinceId = target.kind === 'province_federation' ? target.id : target.province_id;
    await sql`
      update org_unit set
        path = ${targetPath}::ltree || subpath(path, nlevel(${unitPath}::ltree) - 1),
        province_id = case when kind = 'province_federation' then province_id else ${provinceId}::int end,
        updated_at = now()
      where path <@ ${unitPath}::ltree`.execute(trx);
    await trx.updateTable('org_unit').set({ parent_id: target.id, version: unit.version + 1 }).where('id', '=', id).execute();
    await trx.insertInto('org_unit_event').values({
      unit_id: id, kind: 'moved', on_date: input.onDate ?? today(), old_parent_id: unit.parent_id, new_parent_id: target.id, note: input.note ?? null,
    }).execute();
    return { entityId: id, before: { parentId: unit.parent_id, path: unitPath }, after: { parentId: target.id }, result: null };
  });
  return getUnit(ctx.db, ctx.actor, id);
}

/** Checks other modules register to refuse a dissolution (e.g. active members still in the unit). */
export type DissolveCheck = (trx: Db, unitPath: string) => Promise<string | null>;
const dissolveChecks: DissolveCheck[] = [];
export const addDissolveCheck = (check: DissolveCheck) => dissolveChecks.push(check);

/** Ends a unit without deleting it: every report that counted it still can. */
export async function dissolveUnit(ctx: Ctx, id: number, input: { onDate: string; reason: string; version: number }): Promise<UnitRow> {
  await audited(ctx, { permission: 'unit.write', unitId: id, entity: 'unit', action: 'dissolve' }, async (trx, unitPath) => {
    const unit = await lockUnit(trx, id);
    checkVersion(unit.version, input.version);
    if (unit.dissolved_on) throw badRequest('already_dissolved', 'Đơn vị này đã giải thể.');
    if (ctx.actor.grants.some((g) => g.unitId === id)) {
      throw badRequest('dissolve_own_unit', 'Không thể tự giải thể đơn vị mình đang được phân quyền; cấp trên thực hiện việc này.');
    }
    const active = await trx.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id).where('dissolved_on', 'is', null).executeTakeFirstOrThrow();
    if (Number(active.n) > 0) {
      throw badRequest('has_active_children', `Đơn vị còn ${active.n} đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc giải thể các đơn vị đó trước.`);
    }
    for (const check of dissolveChecks) {
      const problem = await check(trx, unitPath);
      if (problem) throw badRequest('dissolve_blocked', problem);
    }
    await trx.updateTable('org_unit')
      .set({ dissolved_on: input.onDate, dissolution_reason: input.reason, version: unit.version + 1, updated_at: new Date() })
      .where('id', '=', id).execute();
    await trx.insertInto('org_unit_event').values({ unit_id: id, kind: 'dissolved', on_date: input.onDate, note: input.reason }).execute();
    return { entityId: id, before: { dissolvedOn: null }, after: { dissolvedOn: input.onDate, reason: input.reason }, result: null };
  });
  return getUnit(ctx.db, ctx.actor, id);
}

/** What a merge hands from the source to the target besides child units (members, records). */
export type MergeStep = (trx: Db, ctx: Ctx, from: { id: number; path: string }, into: { id: number; path: string }, onDate: string) => Promise<void>;
const mergeSteps: MergeStep[] = [];
export const addMergeStep = (step: MergeStep) => mergeSteps.push(step);

/** Merges one unit into another of the same kind: its children move, its records follow, it is dissolved. */
export async function mergeUnit(ctx: Ctx, id: number, input: { intoId: number; onDate: string; version: number }): Promise<UnitRow> {
  if (id === input.intoId) throw badRequest('merge_self', 'Không thể sáp nhập đơn vị vào chính nó.', 'intoId');
  await audited(ctx, { permission: 'unit.write', unitId: id, entity: 'unit', action: 'merge' }, async (trx, fromPath) => {
    const unit = await lockUnit(trx, id);
    checkVersion(unit.version, input.version);
    const intoPath = await requireAt(trx, ctx.actor, 'unit.write', input.intoId);
    const into = await lockUnit(trx, input.intoId);
    if (into.kind !== unit.kind) throw badRequest('merge_kind', 'Chỉ sáp nhập được hai đơn vị cùng loại.', 'intoId');
    if (into.dissolved_on || unit.dissolved_on) throw badRequest('merge_dissolved', 'Đơn vị đã giải thể không thể tham gia sáp nhập.', 'intoId');
    if (intoPath.startsWith(fromPath + '.')) throw badRequest('move_cycle', 'Không thể sáp nhập vào đơn vị trực thuộc.', 'intoId');
    const children = await trx.selectFrom('org_unit').select(['id', sql<string>`path::text`.as('path'), 'parent_id'])
      .where('parent_id', '=', id).where('dissolved_on', 'is', null).execute();
    for (const child of children) {
      await sql`update org_unit set path = ${intoPath}::ltree || subpath(path, nlevel(${child.path}::ltree) - 1)
        where path <@ ${child.path}::ltree`.execute(trx);
      await trx.updateTable('org_unit').set({ parent_id: into.id }).where('id', '=', child.id).execute();
      await trx.insertInto('org_unit_event').values({ unit_id: child.id, kind: 'moved', on_date: input.onDate, old_parent_id: id, new_parent_id: into.id, note: 'Sáp nhập' }).execute();
    }
    for (const step of mergeSteps) await step(trx, ctx, { id, path: fromPath }, { id: into.id, path: intoPath }, input.onDate);
    await trx.updateTable('org_unit')
      .set({ dissolved_on: input.onDate, dissolution_reason: `Sáp nhập vào ${into.name}`, merged_into_id: into.id, version: unit.version + 1 })
      .where('id', '=', id).execute();
    await trx.insertInto('org_unit_event').values({ unit_id: id, kind: 'merged', on_date: input.onDate, new_parent_id: into.id, note: into.name }).execute();
    return { entityId: id, after: { mergedInto: into.id, movedChildren: children.length }, result: null };
  });
  return getUnit(ctx.db, ctx.actor, id);
}

export async function unitHistory(db: Db, actor: Actor, id: number) {
  await requireAt(db, actor, 'unit.read', id);
  const { rows } = await sql`
    select e.id, e.kind, e.on_date as "onDate", e.old_name as "oldName", e.new_name as "newName", e.note,
           op.name as "oldParent", np.name as "newParent"
    from org_unit_event e
    left join org_unit op on op.id = e.old_parent_id
    left join org_unit np on np.id = e.new_parent_id
    where e.unit_id = ${id} order by e.on_date desc, e.id desc`.execute(db);
  return rows;
}

export function assertWritableUnit(unit: { dissolved_on: string | null }) {
  if (unit.dissolved_on) throw new AppError(400, 'unit_dissolved', 'Đơn vị đã giải thể, không thể thêm hoặc sửa dữ liệu.');
}
