import { sql } from 'kysely';
import type { Permission } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, scopePaths, type Actor } from '../../auth/actor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';

/** Today in Vietnam, 'YYYY-MM-DD'. */
export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Loads a row that carries `unit_path`, answering 404 outside the actor's read scope and 403 without the write permission. */
export function guard<T extends { unit_path: string }>(row: T | undefined, actor: Actor, read: Permission, write?: Permission, what = 'Không tìm thấy dữ liệu.'): T {
  if (!row || !can(actor, read, row.unit_path)) throw notFound(what);
  if (write && !can(actor, write, row.unit_path)) throw forbidden();
  return row;
}

/** An enterprise the actor may see, for linking a record to it; its name and union come back. */
export async function visibleEnterprise(db: Db, actor: Actor, id: number, field = 'enterpriseId') {
  const { rows: [e] } = await sql<{ id: number; name: string; union_id: number | null; managing_unit_id: number; unit_path: string; workers: number | null }>`
    select id, name, union_id, managing_unit_id, unit_path::text as unit_path, workers from enterprise where id = ${id}`.execute(db);
  if (!e || !scopePaths(actor, 'enterprise.read').some((p) => e.unit_path === p || e.unit_path.startsWith(p + '.'))) {
    throw new AppError(404, 'enterprise_not_found', 'Không tìm thấy doanh nghiệp trong phạm vi của bạn.', field);
  }
  return e;
}

export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
export const json = (v: unknown) => JSON.stringify(v ?? []);
