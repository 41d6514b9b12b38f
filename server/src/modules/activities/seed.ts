import { sql } from 'kysely';
import type { Faker } from '@faker-js/faker';
import type { Db } from '../../db/connection.ts';
import type { SeedContext } from '../../db/seed/index.ts';

/**
 * The Bảo Lộc demo's activities for 2025 and 2026 up to today (with December 2026 planned):
 * study sessions, festivals, skills training, dialogues and workers' conferences with their
 * records, OSH month, women's days, the federation's legal-advice days and a consultation on the
 * province's vocational-training scheme; attendance drawn set-based in SQL so that each union
 * has its own steady core of participants. T1 lands near its 70 % target, T6 and T8 below theirs.
 */
const STUDY = [
  'Học tập, quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XIII Công đoàn Việt Nam',
  'Học tập chuyên đề "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"',
  'Quán triệt Nghị quyết Đại hội Đảng bộ thành phố Bảo Lộc',
];
const LAW = [
  'Phổ biến Bộ luật Lao động 2019 và Luật Công đoàn 2024', 'Tuyên truyền Luật Bảo hiểm xã hội 2024',
  'Phổ biến nội quy lao động và thỏa ước lao động tập thể', 'Tuyên truyền phòng, chống ma túy và tệ nạn xã hội',
  'Phổ biến Luật Trật tự, an toàn giao thông đường bộ',
];
const CULTURE = ['Hội thao công nhân chào mừng 30/4 và 1/5', 'Giải bóng đá mini công nhân, viên chức', 'Hội diễn văn nghệ "Tháng Công nhân"',
  'Ngày hội gia đình công nhân', 'Giải kéo co, nhảy bao bố chào mừng 8/3'];
const LEISURE = ['Tham quan, nghỉ dưỡng tại Nha Trang', 'Về nguồn tại Khu di tích Nam Kỳ khởi nghĩa', 'Tham quan Đà Lạt – hồ Tuyền Lâm'];
const SKILLS: Record<string, string[]> = {
  default: ['Tập huấn kỹ năng mềm, tác phong công nghiệp', 'Lớp tin học văn phòng cho công nhân', 'Bồi dưỡng nâng bậc thợ'],
  May: ['Hội thi thợ giỏi chuyền may', 'Bồi dưỡng kỹ năng vận hành máy may lập trình'],
  Chè: ['Bồi dưỡng kỹ thuật sao, sấy chè', 'Tập huấn tiêu chuẩn chè VietGAP'], Tơ: ['Tập huấn kỹ thuật ươm tơ tự động'],
};
const DIALOGUE_ISSUES = ['Tiền ăn giữa ca', 'Bố trí ca làm việc, làm thêm giờ', 'Điều chỉnh thang lương, bảng lương', 'Đóng bảo hiểm xã hội đầy đủ',
  'Trang bị bảo hộ lao động', 'Thưởng Tết Âm lịch', 'Nhà gửi xe, nhà vệ sinh cho công nhân', 'Chế độ cho lao động nữ nuôi con nhỏ'];
const AGREED = ['Nâng tiền ăn giữa ca thêm 3.000 đồng/bữa từ quý sau', 'Công ty bố trí lịch làm thêm giờ báo trước ít nhất 3 ngày',
  'Rà soát, đóng đủ BHXH cho người lao động thử việc chuyển chính thức', 'Cấp bổ sung 2 bộ quần áo bảo hộ mỗi năm', 'Thưởng Tết tối thiểu 1 tháng lương'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const TODAY = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
function dateIn(faker: Faker, year: number, m1: number, m2: number) {
  const d = iso(faker.date.between({ from: `${year}-${String(m1).padStart(2, '0')}-01`, to: `${year}-${String(m2).padStart(2, '0')}-28` }));
  return d;
}

interface Row { unit_id: number; kind: string; title: string; starts_on: string; status: string; rate: number; enterprise_id?: number | null;
  mode?: 'members' | 'counts'; count_total?: number; count_female?: number; count_members?: number; place?: string; organiser?: string;
  co?: { kind: string; name: string }[]; participants?: number[] }

export async function seedActivities(db: Db, ctx: SeedContext): Promise<void> {
   const { faker } = ctx;
  const today = TODAY();
  const kinds = new Map((await db.selectFrom('activity_kind').select(['id', 'code', 'category']).execute()).map((k) => [k.code, k]));
  const enterprises = await db.selectFrom('enterprise').select(['id', 'union_id', 'name', 'workers', 'female_workers', 'legal_representative', 'ownership', 'business_line']).execute();
  const enterpriseOf = new Map(enterprises.filter((e) => e.union_id).map((e) => [e.union_id!, e]));
  const sizes = new Map((await sql<{ unit_id: number; n: number }>`select unit_id, count(*)::int as n from member where status = 'active' group by 1`.execute(db)).rows.map((r) => [r.unit_id, r.n]));
  const rows: Row[] = [];

  for (const year of [2025, 2026]) {
    const last = year === 2026 ? today : `${year}-12-31`;
    const add = (r: Row) => {
      if (r.starts_on > last) r.status = 'planned';
      if (r.status === 'planned' && r.starts_on <= today) return; // a past plan that never happened is simply not there
      rows.push(r);
    };
    for (const g of ctx.grassroots) {
      const e = enterpriseOf.get(g.id);
      const n = sizes.get(g.id) ?? 0;
      const keen = faker.number.float({ min: 0.5, max: 1 });
      const headcountsOnly = faker.number.float() < 0.1;
      const base = { unit_id: g.id, status: 'held', enterprise_id: e?.id ?? null, organiser: 'Ban Chấp hành công đoàn cơ sở' };
      const place = e ? 'Hội trường công ty' : 'Phòng họp cơ quan';
      // Study: two or three sessions; the core of keen members comes back each time.
      const studyRate = Math.min(0.95, 0.4 + keen * 0.3);
      add({ ...base, kind: 'study_resolution', title: faker.helpers.arrayElement(STUDY), starts_on: dateIn(faker, year, 2, 4), rate: studyRate, place,
        ...(headcountsOnly ? { mode: 'counts', count_total: Math.round(n * 0.8 + 3), count_female: Math.round(n * 0.45), count_members: Math.round(n * studyRate) } : {}) });
      add({ ...base, kind: 'legal_dissemination', title: faker.helpers.arrayElement(LAW), starts_on: dateIn(faker, year, 6, 9), rate: studyRate * 0.85, place,
        co: faker.number.float() < 0.4 ? [{ kind: 'state_body', name: 'Phòng Tư pháp thành phố Bảo Lộc' }] : [] });
      if (faker.number.float() < 0.5) add({ ...base, kind: 'study_resolution', title: faker.helpers.arrayElement(STUDY), starts_on: dateIn(faker, year, 10, 12), rate: studyRate * 0.8, place });
      // Culture, sports, leisure: fewer take part than study (T6 below target).
      const cultureRate = 0.3 + keen * 0.4;
      add({ ...base, kind: 'culture_sports', title: faker.helpers.arrayElement(CULTURE), starts_on: dateIn(faker, year, 4, 5), rate: cultureRate, place: 'Sân vận động thành phố Bảo Lộc' });
      if (faker.number.float() < 0.6) add({ ...base, kind: 'leisure_tour', title: faker.helpers.arrayElement(LEISURE), starts_on: dateIn(faker, year, 7, 9), rate: cultureRate * 0.7, place: 'Ngoài tỉnh' });
      if (g.grassrootsKind === 'enterprise') {
        const line = Object.keys(SKILLS).find((k) => g.name.includes(k)) ?? 'default';
        const skillRate = 0.25 + keen * 0.4;
        add({ ...base, kind: faker.helpers.arrayElement(['skills_upgrade', 'vocational_training']), title: faker.helpers.arrayElement(SKILLS[line]), starts_on: dateIn(faker, year, 3, 10), rate: skillRate, place,
          co: [{ kind: 'employer', name: e?.name ?? 'Người sử dụng lao động' }] });
        // Dialogue: every state enterprise, most of the others; late ones are still planned for December.
        const holds = g.sector === 'state' || faker.number.float() < 0.82;
        const dOn = holds ? dateIn(faker, year, 5, 11) : `${year}-12-${faker.number.int({ min: 10, max: 26 })}`;
        if (holds || year === 2026) add({ ...base, kind: 'dialogue_periodic', title: `Đối thoại định kỳ tại nơi làm việc năm ${year}`, starts_on: dOn, rate: 0, place,
          co: [{ kind: 'employer', name: e?.name ?? 'Người sử dụng lao động' }] });
        if (faker.number.float() < 0.12) add({ ...base, kind: 'dialogue_adhoc', title: `Đối thoại về ${faker.helpers.arrayElement(DIALOGUE_ISSUES).toLowerCase()}`, starts_on: dateIn(faker, year, 3, 10), rate: 0, place });
        if (g.sector === 'state' || faker.number.float() < 0.74) add({ ...base, kind: 'workers_conference', title: `Hội nghị người lao động năm ${year}`, starts_on: dateIn(faker, year, 1, 3), rate: 0, place });
        add({ ...base, kind: 'osh', title: `Hưởng ứng Tháng hành động về an toàn, vệ sinh lao động năm ${year}`, starts_on: dateIn(faker, year, 5, 5), rate: 0, place,
          mode: 'counts', count_total: Math.round((e?.workers ?? n) * 0.9), count_female: Math.round((e?.female_workers ?? n / 2) * 0.9), count_members: Math.round(n * 0.85),
          co: [{ kind: 'state_body', name: 'Phòng Lao động – Thương binh và Xã hội thành phố' }] });
      } else if (g.grassrootsKind === 'administrative' || g.grassrootsKind === 'public_service') {
        if (faker.number.float() < 0.95) add({ ...base, kind: 'officials_conference', title: `Hội nghị cán bộ, công chức, viên chức năm ${year}`, starts_on: dateIn(faker, year, 1, 2), rate: 0, place });
      }
      if (faker.number.float() < 0.55) add({ ...base, kind: 'women', title: faker.helpers.arrayElement(['Kỷ niệm Ngày Quốc tế Phụ nữ 8/3', 'Kỷ niệm Ngày Phụ nữ Việt Nam 20/10']),
        starts_on: faker.helpers.arrayElement([`${year}-03-0${faker.number.int({ min: 6, max: 8 })}`, `${year}-10-${faker.number.int({ min: 18, max: 20 })}`]), rate: 0, place,
        mode: 'counts', count_total: Math.round(n * 0.5), count_female: Math.round(n * 0.5), count_members: Math.round(n * 0.48) });
      if (faker.number.float() < 0.15) add({ ...base, kind: 'training_policy', title: 'Góp ý quy chế đào tạo, nâng bậc tay nghề của đơn vị', starts_on: dateIn(faker, year, 4, 10), rate: 0, place });
    }
    // The federation's own: a consultation on the province's training scheme, legal-advice days in the industrial zone.
    const consulted = faker.helpers.arrayElements(ctx.grassroots.map((g) => g.id), Math.round(ctx.grassroots.length * 0.5));
    add({ unit_id: ctx.city, kind: 'training_policy', status: 'held', rate: 0, starts_on: `${year}-08-${year === 2025 ? 14 : 20}`,
      title: `Hội nghị góp ý dự thảo Đề án đào tạo nghề cho lao động tỉnh Lâm Đồng giai đoạn ${year + 1}–${year + 5}`, place: 'Hội trường LĐLĐ thành phố',
      organiser: 'Ban Chính sách – Pháp luật LĐLĐ thành phố', co: [{ kind: 'state_body', name: 'Sở Lao động – Thương binh và Xã hội tỉnh Lâm Đồng' }], participants: consulted });
    for (const month of [4, 9]) {
      add({ unit_id: ctx.city, kind: 'legal_advice_session', status: 'held', rate: 0, starts_on: `${year}-${String(month).padStart(2, '0')}-1${month === 4 ? 2 : 6}`,
        title: 'Tư vấn pháp luật lưu động cho công nhân Khu công nghiệp Lộc Sơn', place: 'Nhà văn hóa công nhân KCN Lộc Sơn', organiser: 'Văn phòng tư vấn pháp luật LĐLĐ',
        mode: 'counts', count_total: faker.number.int({ min: 120, max: 260 }), count_female: faker.number.int({ min: 70, max: 110 }), count_members: faker.number.int({ min: 60, max: 100 }),
        co: [{ kind: 'state_body', name: 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lâm Đồng' }] });
    }
  }

   const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const inserted = await db.insertInto('activity').values(chunk.map((r) => ({
      unit_id: r.unit_id, unit_path: '', kind_id: kinds.get(r.kind)!.id, category: kinds.get(r.kind)!.category, title: r.title, starts_on: r.starts_on,
      ends_on: r.starts_on, status: r.status, organiser: r.organiser ?? null, place: r.place ?? null, co_organisers: JSON.stringify(r.co ?? []),
      enterprise_id: r.enterprise_id ?? null, attendance_mode: r.mode ?? 'members', count_total: r.count_total ?? null, count_female: r.count_female ?? null,
      count_members: r.count_members ?? null, created_by: ctx.users.grassroots_officer ?? null,
    }))).returning('id').execute();
    ids.push(...inserted.map((r) => Number(r.id)));
  }
   const participants = rows.flatMap((r, i) => (r.participants ?? []).map((u) => ({ activity_id: ids[i], unit_id: u })));
  if (participants.length) await db.insertInto('activity_unit').values(participants).execute();

  // Attendance in one statement: a member comes when their steady engagement (per category) and
  // the day's chance together fall under the session's rate.
  const drawn = rows.map((r, i) => ({ id: ids[i], rate: r.rate })).filter((_, i) => rows[i].rate > 0 && rows[i].status === 'held' && (rows[i].mode ?? 'members') === 'members');
  await sql`
    insert into attendance (province_id, activity_id, member_id, category, held_on, member_unit_id, method, recorded_by, recorded_at)
    select a.province_id, a.id, m.id, a.category, a.starts_on, m.unit_id,
      (array['pick', 'pick', 'qr', 'import'])[1 + abs(hashtext(m.id::text)) % 4], ${ctx.users.grassroots_officer ?? null}, a.starts_on::timestamptz + interval '9 hours'
    from unnest(${drawn.map((d) => d.id)}::bigint[], ${drawn.map((d) => d.rate)}::float8[]) as r(id, rate)
    join activity a on a.id = r.id
    join member m on m.unit_id = a.grassroots_id
    where (m.joined_on is null or m.joined_on <= a.starts_on) and (m.left_on is null or m.left_on > a.starts_on)
      and (abs(hashtext(m.id::text || a.category)) % 1000) * 0.0007 + (abs(hashtext(a.id::text || ':' || m.id::text)) % 1000) * 0.0003 < r.rate`.execute(db);

    await seedMeetings(db, faker, rows, ids, enterpriseOf, today);
  await seedAgreements(db, ctx, enterprises, today);
  await seedDisputes(db, ctx, enterprises);
  await seedLegalCases(db, ctx, today);
 }

async function seedMeetings(db: Db, faker: Faker, rows: Row[], ids: number[], enterpriseOf: Map<number, { legal_representative: string | null; name: string }>, today: string) {
  const meetings: Record<string, unknown>[] = [];
  const followups: Record<string, unknown>[] = [];
  rows.forEach((r, i) => {
    if (r.status !== 'held' || !['dialogue_periodic', 'dialogue_adhoc', 'workers_conference', 'officials_conference'].includes(r.kind)) return;
    const e = enterpriseOf.get(r.unit_id);
    const issues = faker.helpers.arrayElements(DIALOGUE_ISSUES, faker.number.int({ min: 2, max: 4 }));
    const conference = r.kind.endsWith('conference');
    meetings.push({
      activity_id: ids[i], period_year: Number(r.starts_on.slice(0, 4)), period_part: r.kind === 'dialogue_adhoc' ? 'adhoc' : 'year',
      employer_participants: JSON.stringify([{ name: e?.legal_representative ?? 'Thủ trưởng cơ quan', position: e ? 'Giám đốc' : 'Thủ trưởng đơn vị' },
        { name: 'Trưởng phòng Hành chính – Nhân sự', position: 'Trưởng phòng' }]),
      worker_participants: JSON.stringify([{ name: 'Chủ tịch CĐCS', position: 'Chủ tịch công đoàn cơ sở' }, { name: 'Đại diện tổ công đoàn', position: 'Tổ trưởng' }]),
      issues: JSON.stringify(issues.map((topic) => ({ raisedBy: faker.helpers.arrayElement(['workers', 'workers', 'union', 'employer']), topic, content: null }))),
      agreements: JSON.stringify(faker.helpers.arrayElements(AGREED, 2).map((content) => ({ content }))),
      unresolved: faker.number.float() < 0.3 ? 'Đề nghị tăng lương cơ bản 10% chưa thống nhất, hẹn đối thoại lại.' : null,
      resolution_no: conference ? `01/NQ-HNNLĐ` : null, resolution_on: conference ? r.starts_on : null,
      resolutions: JSON.stringify(conference ? [{ content: 'Thông qua nội quy lao động sửa đổi' }, { content: 'Thông qua quy chế dân chủ ở cơ sở' }, { content: 'Bầu Ban Thanh tra nhân dân' }] : []),
    });
    if (!conference && faker.number.float() < 0.7) {
      const due = iso(new Date(Date.parse(r.starts_on) + faker.number.int({ min: 20, max: 120 }) * 86400_000));
      const done = due < today && faker.number.float() < 0.7;
      followups.push({ activity_id: ids[i], province_id: null, content: faker.helpers.arrayElement(AGREED), owner: 'Phòng Hành chính – Nhân sự', due_on: due,
        status: done ? 'done' : 'open', done_on: done ? due : null });
    }
  });
  for (let i = 0; i < meetings.length; i += 300) await db.insertInto('labour_meeting').values(meetings.slice(i, i + 300) as never).execute();
  if (followups.length) await db.insertInto('meeting_followup').values(followups as never).execute();
  await sql`update meeting_followup f set province_id = a.province_id from activity a where a.id = f.activity_id`.execute(db);
}

async function seedAgreements(db: Db, ctx: SeedContext, enterprises: { id: number; union_id: number | null; name: string; workers: number | null; legal_representative: string | null; business_line: string | null }[], today: string) {
  const { faker } = ctx;
  const add = (d: string, days: number) => iso(new Date(Date.parse(d) + days * 86400_000));
  const withUnion = enterprises.filter((e) => e.union_id);
  const soon = [12, 25, 58, 80];
  let k = 0;
  for (const e of withUnion) {
    if (faker.number.float() > 0.72) continue;
    const years = faker.helpers.arrayElement([2, 3]);
    let signed = iso(faker.date.between({ from: '2023-06-01', to: '2026-06-30' }));
    let expires = add(signed, years * 365 - 1);
    if (k < soon.length) { expires = add(today, soon[k++]); signed = add(expires, -(years * 365 - 1)); }
    if (expires < today) continue;
    const registered = faker.number.float() < 0.85 ? add(signed, faker.number.int({ min: 2, max: 9 })) : null;
    const a = await db.insertInto('collective_agreement').values({
      unit_id: e.union_id!, unit_path: sql<string>`(select path from org_unit where id = ${e.union_id})` as never,
      province_id: ctx.province, level: 'enterprise', enterprise_id: e.id, title: `Thỏa ước lao động tập thể ${e.name}`,
      number: `01/${signed.slice(0, 4)}/TƯLĐTT`, signed_on: signed, effective_on: signed, expires_on: expires,
      employer_party: `${e.legal_representative ?? 'Giám đốc'} – Giám đốc`, union_party: 'Chủ tịch Công đoàn cơ sở',
      workers_covered: e.workers, members_covered: Math.round((e.workers ?? 0) * 0.92), registered_on: registered,
      registration_authority: registered ? 'Phòng Nội vụ thành phố Bảo Lộc' : null, quality_grade: faker.helpers.weightedArrayElement([{ value: 'A', weight: 3 }, { value: 'B', weight: 5 }, { value: 'C', weight: 2 }]),
      created_by: ctx.users.federation_officer ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('agreement_clause').values([
      { agreement_id: a.id, topic: 'meals', title: 'Tiền ăn giữa ca', value: faker.helpers.arrayElement([22000, 25000, 28000, 30000, 35000]), value_unit: 'vnd_meal', legal_value: null, position: 0 },
      { agreement_id: a.id, topic: 'leave', title: 'Nghỉ hằng năm', value: faker.helpers.arrayElement([12, 13, 14, 15]), value_unit: 'days', legal_value: 12, position: 1 },
      { agreement_id: a.id, topic: 'bonus', title: 'Thưởng Tết Âm lịch', value: faker.helpers.arrayElement([1, 1, 1.5, 2]), value_unit: 'months_wage', legal_value: null, position: 2 },
      { agreement_id: a.id, topic: 'wage', title: 'Lương thấp nhất cao hơn lương tối thiểu vùng', value: faker.helpers.arrayElement([5, 7, 8, 10]), value_unit: 'percent', legal_value: 0, position: 3 },
      { agreement_id: a.id, topic: 'health_check', title: 'Khám sức khỏe định kỳ', value: faker.helpers.arrayElement([1, 2]), value_unit: 'times', legal_value: 1, position: 4 },
      { agreement_id: a.id, topic: 'women', title: 'Hỗ trợ lao động nữ nuôi con nhỏ dưới 6 tuổi', value: faker.helpers.arrayElement([100000, 150000, 200000]), value_unit: 'vnd_month', legal_value: null, position: 5 },
    ]).execute();
  }
  // The tea companies' multi-enterprise agreement, signed through the city federation.
  const tea = enterprises.filter((e) => e.union_id && /chè|trà/i.test(e.business_line ?? ''));
  if (tea.length > 1) {
    const a = await db.insertInto('collective_agreement').values({
      unit_id: ctx.city, unit_path: sql<string>`(select path from org_unit where id = ${ctx.city})` as never, province_id: ctx.province, level: 'multi_enterprise',
      enterprise_id: null, title: 'Thỏa ước lao động tập thể nhóm doanh nghiệp chế biến chè Bảo Lộc', number: '01/2025/TƯ-NDN', signed_on: '2025-04-18', effective_on: '2025-05-01',
      expires_on: '2028-04-30', employer_party: 'Đại diện 5 doanh nghiệp chế biến chè', union_party: 'LĐLĐ thành phố Bảo Lộc', workers_covered: tea.reduce((s, e) => s + (e.workers ?? 0), 0),
      registered_on: '2025-04-25', registration_authority: 'Sở Nội vụ tỉnh Lâm Đồng', quality_grade: 'A', created_by: ctx.users.federation_officer ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('agreement_enterprise').values(tea.map((e) => ({ agreement_id: a.id, enterprise_id: e.id }))).execute();
    await db.insertInto('agreement_clause').values([
      { agreement_id: a.id, topic: 'meals', title: 'Tiền ăn giữa ca mùa vụ', value: 30000, value_unit: 'vnd_meal', legal_value: null, position: 0 },
      { agreement_id: a.id, topic: 'overtime', title: 'Tiền làm thêm giờ mùa thu hoạch', value: 200, value_unit: 'percent', legal_value: 150, position: 1 },
    ]).execute();
  }
}

async function seedDisputes(db: Db, ctx: SeedContext, enterprises: { id: number; union_id: number | null; name: string; workers: number | null }[]) {
  const by = (needle: string) => enterprises.find((e) => e.name.includes(needle));
  const cases: [string, string, string, string | null, number, string[], string, string, string, string][] = [
    ['Giày Phú Lâm', 'work_stoppage', '2025-01-14', '2025-01-15', 320, ['bonus'], 'Công ty công bố thưởng Tết thấp hơn năm trước', 'represented', 'negotiation', 'partly_met'],
    ['Dệt Hàn Lâm', 'collective_rights', '2025-05-06', '2025-06-20', 140, ['social_insurance'], 'Công ty nợ đóng BHXH 4 tháng', 'represented', 'authority', 'demands_met'],
    ['Thương mại Lộc Thành', 'individual', '2025-08-11', '2025-09-30', 1, ['dismissal'], 'Chấm dứt hợp đồng lao động trái pháp luật với lao động nữ', 'supported', 'mediator', 'demands_met'],
    ['May mặc Lộc Sơn', 'work_stoppage', '2026-03-09', '2026-03-10', 450, ['wage_arrears', 'meals'], 'Chậm trả lương tháng 2, chất lượng bữa ăn ca kém', 'represented', 'negotiation', 'demands_met'],
    ['Vận tải Bảo Lộc', 'collective_interests', '2026-06-02', null, 48, ['wage', 'working_time'], 'Đề nghị tăng đơn giá khoán chuyến', 'led', 'mediator', 'pending'],
    ['Chế biến gỗ Lâm Viên', 'individual', '2026-09-15', '2026-10-20', 1, ['osh'], 'Bồi thường tai nạn lao động', 'supported', 'negotiation', 'partly_met'],
    ['Tơ lụa Nhật Bảo', 'work_stoppage', '2026-10-05', '2026-10-05', 95, ['working_time', 'overtime'], 'Tăng ca liên tục không báo trước', 'mediated', 'negotiation', 'demands_met'],
  ];
  for (const [name, kind, started, ended, workers, causes, note, role, method, outcome] of cases) {
    const e = by(name);
    if (!e) continue;
    const unit = e.union_id ?? ctx.city;
    await db.insertInto('labour_dispute').values({
      unit_id: unit, unit_path: sql<string>`(select path from org_unit where id = ${unit})` as never, province_id: ctx.province, enterprise_id: e.id, kind,
      started_on: started, ended_on: ended, workers_involved: workers, causes, cause_note: note, union_role: role, resolution_method: method,
      resolution: outcome === 'pending' ? null : 'Hai bên thống nhất tại buổi làm việc có đại diện LĐLĐ thành phố và Phòng Nội vụ', outcome,
      lawful: kind === 'work_stoppage' ? false : null, created_by: ctx.users.federation_officer ?? null,
    }).execute();
  }
}

async function seedLegalCases(db: Db, ctx: SeedContext, today: string) {
  const { faker } = ctx;
  const members = (await sql<{ id: number; unit_id: number; full_name: string }>`
    select id, unit_id, full_name from member where status = 'active' order by id`.execute(db)).rows;
  const topics = [['social_insurance', 'Hỏi cách tra cứu và truy đóng BHXH khi công ty nợ'], ['contract', 'Công ty không ký hợp đồng lao động sau thử việc'],
    ['wage', 'Bị trừ lương vì đi muộn'], ['dismissal', 'Bị cho thôi việc khi đang nghỉ thai sản'], ['accident', 'Thủ tục hưởng chế độ tai nạn lao động'],
    ['working_time', 'Làm thêm giờ quá 40 giờ/tháng']] as const;
  const values = Array.from({ length: 24 }, () => {
    const m = faker.helpers.arrayElement(members);
    const [topic, details] = faker.helpers.arrayElement(topics);
    const opened = iso(faker.date.between({ from: '2025-02-01', to: today }));
    const closed = faker.number.float() < 0.7 ? iso(new Date(Math.min(Date.parse(opened) + faker.number.int({ min: 1, max: 40 }) * 86400_000, Date.parse(today)))) : null;
    const handler = m.unit_id === ctx.grassroots.find((g) => g.code === 'CDCS-MAYLS')?.id && faker.number.float() < 0.6 ? ctx.users.grassroots_officer : ctx.users.federation_officer;
    return {
      unit_id: m.unit_id, unit_path: sql<string>`(select path from org_unit where id = ${m.unit_id})` as never, province_id: ctx.province, member_id: m.id,
      requester_name: m.full_name, kind: faker.helpers.weightedArrayElement([{ value: 'advice', weight: 7 }, { value: 'support', weight: 2 }, { value: 'representation', weight: 1 }]),
      channel: faker.helpers.arrayElement(['in_person', 'phone', 'hotline', 'mobile_session', 'online']), topic, opened_on: opened, case_details: details,
      advice_given: 'Hướng dẫn quy định pháp luật và thủ tục; đề nghị công đoàn cơ sở làm việc với người sử dụng lao động.',
      case_outcome: closed ? 'Người lao động đã được giải quyết quyền lợi.' : null, handler_user_id: handler!, status: closed ? 'closed' : 'open', closed_on: closed,
      created_by: handler!,
    };
  });
  await db.insertInto('legal_case').values(values).execute();
}
