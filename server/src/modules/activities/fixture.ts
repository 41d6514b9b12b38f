import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Marks records outside Bảo Lộc; the same text as OUTSIDE_MARKER in server/test/fixture.ts. */
const OUT = 'ZZNGOAI';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Test records of this module: an enterprise for each of CĐCS A and the Đà Lạt union, and in Đà
 * Lạt one of everything (activity with attendance, dialogue record and follow-up, document,
 * agreement, dispute, legal case, own activity kind), each carrying the outside marker.
 */
export async function activityFixture(db: Db): Promise<void> {
  const unit = async (code: string) => (await db.selectFrom('org_unit').select(['id', 'province_id', 'parent_id']).where('code', '=', code).executeTakeFirstOrThrow());
  const a = await unit('CDCS-A');
  const z = await unit('CDCS-Z');
  const city = await unit('LDLD-BL');
  const other = await unit('LDLD-DL');
  const [ea, ez] = await db.insertInto('enterprise').values([
    { managing_unit_id: city.id, union_id: a.id, unit_path: '', tax_code: '5899000011', name: 'Công ty TNHH May Lộc Sơn', ownership: 'non_state', workers: 120, female_workers: 90 },
    { managing_unit_id: other.id, union_id: z.id, unit_path: '', tax_code: '5899000029', name: `Công ty Khách sạn Đồi Thông ${OUT}`, ownership: 'fdi', workers: 80, female_workers: 40 },
  ] as never).returning('id').execute();
  const outsideMember = await db.selectFrom('member').select('id').where('full_name', 'like', `%${OUT}%`).executeTakeFirstOrThrow();
  const groz = await db.selectFrom('app_user').select('id').where('username', '=', 'groz').executeTakeFirstOrThrow();
  const kind = async (code: string) => (await db.selectFrom('activity_kind').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  await db.insertInto('activity_kind').values({ code: 'zz_outside', name: `Hội thao ${OUT}`, category: 'culture_sports', unit_id: other.id, position: 999 }).execute();
  const [study, dialogue] = await db.insertInto('activity').values([
    { unit_id: z.id, unit_path: '', kind_id: await kind('study_resolution'), category: 'study', title: `Học tập nghị quyết ${OUT}`,
      starts_on: '2025-03-10', ends_on: '2025-03-10', status: 'held', place: `Hội trường ${OUT}`, co_organisers: '[]' },
    { unit_id: z.id, unit_path: '', kind_id: await kind('dialogue_periodic'), category: 'dialogue', title: `Đối thoại định kỳ ${OUT}`,
      starts_on: '2025-06-10', ends_on: '2025-06-10', status: 'held', enterprise_id: ez.id, co_organisers: JSON.stringify([{ kind: 'employer', name: `Ban giám đốc ${OUT}` }]) },
  ] as never).returning('id').execute();
  await db.insertInto('attendance').values({ province_id: z.province_id, activity_id: study.id, member_id: outsideMember.id, category: 'study', held_on: '2025-03-10', member_unit_id: z.id, method: 'pick' }).execute();
  await db.insertInto('labour_meeting').values({
    activity_id: dialogue.id, period_year: 2025, period_part: 'year', employer_participants: JSON.stringify([{ name: `Giám đốc ${OUT}`, position: 'Giám đốc' }]),
    worker_participants: '[]', issues: JSON.stringify([{ raisedBy: 'workers', topic: `Tiền ăn ca ${OUT}`, content: null }]), agreements: '[]', resolutions: '[]',
  }).execute();
  await db.insertInto('meeting_followup').values({ province_id: z.province_id, activity_id: dialogue.id, content: `Tăng tiền ăn ca ${OUT}`, owner: `Phòng nhân sự ${OUT}`, due_on: '2025-09-30' }).execute();
  await db.insertInto('activity_document').values({
    province_id: z.province_id, owner_type: 'activity', owner_id: study.id, unit_id: z.id, kind: 'minutes', file_name: `bien-ban-${OUT}.pdf`,
    mime: 'application/pdf', size_bytes: PDF.length, sha256: 'x', content: PDF,
  }).execute();
  const agreement = await db.insertInto('collective_agreement').values({
    province_id: z.province_id, unit_id: z.id, unit_path: sql<string>`(select path from org_unit where id = ${z.id})` as never, level: 'enterprise', enterprise_id: ez.id,
    title: `Thỏa ước lao động tập thể ${OUT}`, signed_on: '2024-01-15', effective_on: '2024-02-01', expires_on: '2027-01-31',
    employer_party: `Giám đốc ${OUT}`, union_party: `Chủ tịch CĐCS ${OUT}`, workers_covered: 80,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('agreement_clause').values({ agreement_id: agreement.id, topic: 'meals', title: `Tiền ăn ca ${OUT}`, value: 30000, value_unit: 'vnd_meal', position: 0 }).execute();
  await db.insertInto('labour_dispute').values({
    province_id: z.province_id, unit_id: z.id, unit_path: sql<string>`(select path from org_unit where id = ${z.id})` as never, enterprise_id: ez.id, kind: 'work_stoppage',
    started_on: '2025-04-02', ended_on: '2025-04-03', workers_involved: 40, causes: ['wage'], cause_note: `Chậm lương ${OUT}`, outcome: 'demands_met',
  }).execute();
  await db.insertInto('legal_case').values({
    province_id: z.province_id, unit_id: z.id, unit_path: sql<string>`(select path from org_unit where id = ${z.id})` as never, member_id: outsideMember.id,
    requester_name: `Trần Thị ${OUT}`, kind: 'advice', channel: 'in_person', topic: 'dismissal', opened_on: '2025-05-05',
    case_details: `Bị cho thôi việc ${OUT}`, handler_user_id: groz.id,
  }).execute();
}

/** Ids of this module's fixture records outside Bảo Lộc (for the all-routes test) and of the two enterprises. */
export async function activityFixtureIds(db: Db) {
  const one = async (q: Promise<{ id: number | string } | undefined>) => Number((await q)!.id);
  const out = `%${OUT}%`;
  return {
    enterpriseA: await one(db.selectFrom('enterprise').select('id').where('tax_code', '=', '5899000011').executeTakeFirst()),
    enterpriseZ: await one(db.selectFrom('enterprise').select('id').where('tax_code', '=', '5899000029').executeTakeFirst()),
    studyKind: await one(db.selectFrom('activity_kind').select('id').where('code', '=', 'study_resolution').executeTakeFirst()),
    dialogueKind: await one(db.selectFrom('activity_kind').select('id').where('code', '=', 'dialogue_periodic').executeTakeFirst()),
    zKind: await one(db.selectFrom('activity_kind').select('id').where('code', '=', 'zz_outside').executeTakeFirst()),
    zActivity: await one(db.selectFrom('activity').select('id').where('title', 'like', `Học tập nghị quyết ${OUT}`).executeTakeFirst()),
    zMeeting: await one(db.selectFrom('activity').select('id').where('title', 'like', `Đối thoại định kỳ ${OUT}`).executeTakeFirst()),
    zFollowup: await one(db.selectFrom('meeting_followup').select('id').where('content', 'like', out).executeTakeFirst()),
    zDocument: await one(db.selectFrom('activity_document').select('id').where('file_name', 'like', out).executeTakeFirst()),
    zAgreement: await one(db.selectFrom('collective_agreement').select('id').where('title', 'like', out).executeTakeFirst()),
    zDispute: await one(db.selectFrom('labour_dispute').select('id').where('cause_note', 'like', out).executeTakeFirst()),
    zLegalCase: await one(db.selectFrom('legal_case').select('id').where('requester_name', 'like', out).executeTakeFirst()),
  };
}
