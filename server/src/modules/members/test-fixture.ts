import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { insertUnit } from '../../db/seed/units.ts';
import { OUTSIDE_MARKER } from '../../../test/fixture.ts';

/**
 * Member records outside Bảo Lộc for the all-routes authorization test: a second union in Đà Lạt,
 * a transfer request between the two Đà Lạt unions, a Party recommendation and a rating of the
 * Đà Lạt member. Each carries OUTSIDE_MARKER where it has a name.
 */
export async function memberFixture(db: Db): Promise<void> {
  const unit = (code: string) => db.selectFrom('org_unit').select(['id', 'province_id', sql<string>`path::text`.as('path')]).where('code', '=', code).executeTakeFirstOrThrow();
  const otherCity = await unit('LDLD-DL');
  const z = await unit('CDCS-Z');
  const z2 = await insertUnit(db, { parentId: otherCity.id, kind: 'grassroots', grassrootsKind: 'public_service', sector: 'public_service', code: 'CDCS-Z2', name: `Công đoàn cơ sở Bệnh viện Đà Lạt ${OUTSIDE_MARKER}` });
  const m = await db.selectFrom('member').select(['id', 'province_id']).where('full_name', 'like', `%${OUTSIDE_MARKER}%`).executeTakeFirstOrThrow();
  await db.insertInto('member_transfer').values({
    member_id: m.id, province_id: m.province_id, from_unit_id: z.id, to_unit_id: z2.id, requested_on: '2026-01-05', reason: `Chuyển công tác ${OUTSIDE_MARKER}`,
  }).execute();
  await db.insertInto('party_recommendation').values({
    member_id: m.id, unit_id: z.id, province_id: m.province_id, recommended_on: '2025-05-19', decision_no: '01/GT', note: OUTSIDE_MARKER,
  }).execute();
  await db.insertInto('member_assessment').values({ member_id: m.id, year: 2025, rating: 'good', unit_id: z.id, province_id: m.province_id, note: OUTSIDE_MARKER }).execute();
}

/** Ids of those records, for authz-samples.ts. */
export async function memberFixtureIds(db: Db) {
  const z2 = await db.selectFrom('org_unit').select('id').where('code', '=', 'CDCS-Z2').executeTakeFirst();
  const transfer = await db.selectFrom('member_transfer').select('id').where('reason', 'like', `%${OUTSIDE_MARKER}%`).executeTakeFirst();
  const recommendation = await db.selectFrom('party_recommendation').select('id').where('note', '=', OUTSIDE_MARKER).executeTakeFirst();
  return { z2: z2?.id ?? 0, zTransfer: Number(transfer?.id ?? 0), zRecommendation: Number(recommendation?.id ?? 0) };
}
