import { sql } from 'kysely';
import type { Db } from '../connection.ts';

export interface SeedUnit {
  parentId: number | null;
  kind: string;
  code: string;
  name: string;
  shortName?: string | null;
  grassrootsKind?: string | null;
  sector?: string | null;
  ward?: string | null;
  industrialZone?: string | null;
  address?: string | null;
  phone?: string | null;
  foundedOn?: string | null;
}

/** Inserts a unit with its materialised path; used by the demo seed and test fixtures, not by users. */
export async function insertUnit(db: Db, u: SeedUnit): Promise<{ id: number; path: string }> {
  const { rows: [{ id }] } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`.execute(db);
  const parent = u.parentId === null ? null
    : await db.selectFrom('org_unit').select([sql<string>`path::text`.as('path'), 'kind', 'province_id', 'id']).where('id', '=', u.parentId).executeTakeFirstOrThrow();
  const path = parent ? `${parent.path}.${id}` : String(id);
  const provinceId = u.kind === 'province_federation' ? id : parent?.kind === 'province_federation' ? parent.id : parent?.province_id ?? null;
  await db.insertInto('org_unit').values({
    id, parent_id: u.parentId, path, kind: u.kind, code: u.code, name: u.name, short_name: u.shortName ?? null,
    grassroots_kind: u.kind === 'grassroots' ? (u.grassrootsKind ?? 'enterprise') : null, sector: u.sector ?? null,
    province_id: provinceId, ward: u.ward ?? null, industrial_zone: u.industrialZone ?? null, address: u.address ?? null,
    phone: u.phone ?? null, founded_on: u.foundedOn ?? null,
  }).execute();
  await db.insertInto('org_unit_event').values({
    unit_id: id, kind: 'created', on_date: u.foundedOn ?? '2021-01-01', new_parent_id: u.parentId, new_name: u.name,
  }).execute();
  return { id, path };
}
