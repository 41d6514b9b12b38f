import { sql } from 'kysely';
import type { AgreementInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { can, requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { guard, num, today, visibleEnterprise } from './common.ts';

/** A rule figure from labour_setting (alert windows, deadlines). */
export async function labourSetting<T>(db: Db, key: string): Promise<T> {
  const row = await db.selectFrom('labour_setting').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) throw new Error(`labour_setting ${key} is missing`);
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * 86400_000).toISOString().slice(0, 10);

/** In force, expiring (inside the widest alert window), expired, ended early, or not yet in force. */
function statusOf(a: { effective_on: string; expires_on: string; ended_on: string | null }, now: string, alertDays: number) {
  if (a.ended_on && a.ended_on <= now) return 'ended';
  if (a.expires_on < now) return 'expired';
  if (a.effective_on > now) return 'pending';
  return a.expires_on <= addDays(now, alertDays) ? 'expiring' : 'in_force';
}

const columns = sql`c.id, c.unit_id as "unitId", u.name as "unitName", c.unit_path::text as "unitPath", c.level, c.enterprise_id as "enterpriseId",
  e.name as "enterpriseName", e.ownership, c.title, c.number, c.signed_on as "signedOn", c.effective_on as "effectiveOn", c.expires_on as "expiresOn",
  c.employer_party as "employerParty", c.union_party as "unionParty", c.workers_covered as "workersCovered", c.members_covered as "membersCovered",
  c.registered_on as "registeredOn", c.registration_authority as "registrationAuthority", c.registration_no as "registrationNo",
  c.quality_grade as "qualityGrade", c.ended_on as "endedOn", c.end_reason as "endReason", c.replaces_id as "replacesId", c.note, c.version,
  (select count(*) from agreement_clause k where k.agreement_id = c.id)::int as "clauseCount"`;

async function decorate(db: Db, rows: any[]) {
  const [alerts, regDays] = await Promise.all([labourSetting<number[]>(db, 'cba_expiry_alert_days'), labourSetting<number>(db, 'cba_registration_days')]);
  const now = today();
  return rows.map((r) => ({
    ...r, id: Number(r.id), enterpriseId: num(r.enterpriseId),
    status: statusOf({ effective_on: r.effectiveOn, expires_on: r.expiresOn, ended_on: r.endedOn }, now, Math.max(...alerts)),
    daysToExpiry: Math.round((Date.parse(r.expiresOn) - Date.parse(now)) / 86400_000),
    registrationOverdue: !r.registeredOn && addDays(r.signedOn, regDays) < now,
  }));
}

export async function listAgreements(db: Db, actor: Actor, f: { unitId: number; status?: string; q?: string; page: number; pageSize: number }) {
  const path = await requireAt(db, actor, 'activity.read', f.unitId);
  const { rows } = await sql<any>`
    select ${columns} from collective_agreement c join org_unit u on u.id = c.unit_id left join enterprise e on e.id = c.enterprise_id
    where c.unit_path <@ ${path}::ltree
      and (${f.q ?? null}::text is null or vn_fold(c.title || ' ' || coalesce(e.name, '')) like '%' || vn_fold(${f.q ?? ''}) || '%')
    order by c.expires_on desc, c.id desc`.execute(db);
  const all = (await decorate(db, rows)).filter((r) => !f.status || r.status === f.status);
  return { rows: all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), total: all.length };
}

export async function getAgreement(db: Db, actor: Actor, id: number) {
  const { rows: [row] } = await sql<any>`
    select ${columns} from collective_agreement c join org_unit u on u.id = c.unit_id left join enterprise e on e.id = c.enterprise_id where c.id = ${id}`.execute(db);
  guard(row && { ...row, unit_path: row.unitPath }, actor, 'activity.read', undefined, 'Không tìm thấy thỏa ước.');
  const [a] = await decorate(db, [row]);
  const clauses = await db.selectFrom('agreement_clause').select(['id', 'topic', 'title', 'content', 'value', 'value_unit as valueUnit', 'legal_value as legalValue'])
    .where('agreement_id', '=', id).orderBy('position').orderBy('id').execute();
  const { rows: enterprises } = await sql<{ id: number; name: string }>`
    select e.id, e.name from agreement_enterprise ae join enterprise e on e.id = ae.enterprise_id where ae.agreement_id = ${id} order by e.name`.execute(db);
  return {
    ...a, canWrite: can(actor, 'activity.write', a.unitPath),
    clauses: clauses.map((c) => ({ ...c, id: Number(c.id), value: num(c.value), legalValue: num(c.legalValue) })),
    enterprises: enterprises.map((e) => ({ ...e, id: Number(e.id) })),
  };
}

async function checkLinks(db: Db, actor: Actor, input: { enterpriseId?: number | null; enterpriseIds?: number[]; replacesId?: number | null }, unitPath: string) {
  if (input.enterpriseId) await visibleEnterprise(db, actor, input.enterpriseId);
  for (const id of input.enterpriseIds ?? []) await visibleEnterprise(db, actor, id, 'enterpriseIds');
  if (input.replacesId) {
    const { rows: [r] } = await sql<{ id: number }>`select id from collective_agreement where id = ${input.replacesId} and unit_path <@ ${unitPath}::ltree`.execute(db);
    if (!r) throw badRequest('replaces_not_found', 'Không tìm thấy thỏa ước được thay thế trong đơn vị này.', 'replacesId');
  }
}

async function checkTerm(db: Db, input: { signedOn?: string; effectiveOn?: string | null; expiresOn?: string }) {
  if (!input.signedOn || !input.expiresOn) return;
  if (input.signedOn > today()) throw badRequest('signed_in_future', 'Ngày ký không thể ở tương lai.', 'signedOn');
  if (input.expiresOn <= input.signedOn) throw badRequest('expires_before_signed', 'Ngày hết hạn phải sau ngày ký thỏa ước.', 'expiresOn');
  const maxMonths = await labourSetting<number>(db, 'cba_max_term_months');
  const start = input.effectiveOn ?? input.signedOn;
  const limit = new Date(Date.parse(start + 'T00:00:00Z'));
  limit.setUTCMonth(limit.getUTCMonth() + maxMonths);
  if (input.expiresOn > limit.toISOString().slice(0, 10)) {
    throw badRequest('term_too_long', `Thỏa ước có thời hạn tối đa ${maxMonths / 12} năm kể từ ngày có hiệu lực.`, 'expiresOn');
  }
}

async function saveClauses(trx: Db, id: number, clauses: AgreementInput['clauses']) {
  await trx.deleteFrom('agreement_clause').where('agreement_id', '=', id).execute();
  if (clauses.length) {
    await trx.insertInto('agreement_clause').values(clauses.map((c, i) => ({
      agreement_id: id, topic: c.topic, title: c.title, content: c.content ?? null, value: c.value ?? null, value_unit: c.valueUnit ?? null,
      legal_value: c.legalValue ?? null, position: i,
    }))).execute();
  }
}

export async function createAgreement(ctx: Ctx, input: AgreementInput) {
  await checkTerm(ctx.db, input);
  const id = await audited(ctx, { permission: 'activity.write', unitId: input.unitId, entity: 'agreement', action: 'create' }, async (trx, unitPath) => {
    await checkLinks(trx, ctx.actor, input, unitPath);
    const row = await trx.insertInto('collective_agreement').values({
      unit_id: input.unitId, unit_path: unitPath, province_id: sql<number>`(select province_id from org_unit where id = ${input.unitId})` as never,
      level: input.level, enterprise_id: input.enterpriseId ?? null, title: input.title, number: input.number ?? null, signed_on: input.signedOn,
      effective_on: input.effectiveOn ?? input.signedOn, expires_on: input.expiresOn, employer_party: input.employerParty, union_party: input.unionParty,
      workers_covered: input.workersCovered ?? null, members_covered: input.membersCovered ?? null, registered_on: input.registeredOn ?? null,
      registration_authority: input.registrationAuthority ?? null, registration_no: input.registrationNo ?? null, quality_grade: input.qualityGrade ?? null,
      replaces_id: input.replacesId ?? null, note: input.note ?? null, created_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await saveClauses(trx, row.id, input.clauses);
    if (input.enterpriseIds.length) {
      await trx.insertInto('agreement_enterprise').values([...new Set(input.enterpriseIds)].map((e) => ({ agreement_id: row.id, enterprise_id: e }))).execute();
    }
    // The agreement it replaces ends the day before this one takes effect.
    if (input.replacesId) {
      await sql`update collective_agreement set ended_on = least(expires_on, ${input.effectiveOn ?? input.signedOn}::date), end_reason = 'Được thay thế bằng thỏa ước mới', version = version + 1
        where id = ${input.replacesId} and ended_on is null`.execute(trx);
    }
    return { entityId: row.id, after: { ...input, clauses: input.clauses.length }, result: Number(row.id) };
  });
  return getAgreement(ctx.db, ctx.actor, id);
}

export async function updateAgreement(ctx: Ctx, id: number, patch: Partial<AgreementInput> & { version: number }) {
  const current = await getAgreement(ctx.db, ctx.actor, id);
  const merged = { signedOn: patch.signedOn ?? current.signedOn, effectiveOn: patch.effectiveOn ?? current.effectiveOn, expiresOn: patch.expiresOn ?? current.expiresOn };
  await checkTerm(ctx.db, merged);
  await audited(ctx, { permission: 'activity.write', unitId: current.unitId, entity: 'agreement', action: 'update' }, async (trx, unitPath) => {
    await checkLinks(trx, ctx.actor, patch, unitPath);
    const set: Record<string, unknown> = { signed_on: merged.signedOn, effective_on: merged.effectiveOn, expires_on: merged.expiresOn, version: current.version + 1, updated_at: new Date() };
    const map = { level: 'level', enterpriseId: 'enterprise_id', title: 'title', number: 'number', employerParty: 'employer_party', unionParty: 'union_party',
      workersCovered: 'workers_covered', membersCovered: 'members_covered', registeredOn: 'registered_on', registrationAuthority: 'registration_authority',
      registrationNo: 'registration_no', qualityGrade: 'quality_grade', note: 'note' } as const;
    for (const [key, col] of Object.entries(map)) if ((patch as Record<string, unknown>)[key] !== undefined) set[col] = (patch as Record<string, unknown>)[key];
    const r = await trx.updateTable('collective_agreement').set(set as never).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    if (patch.clauses) await saveClauses(trx, id, patch.clauses);
    if (patch.enterpriseIds) {
      await trx.deleteFrom('agreement_enterprise').where('agreement_id', '=', id).execute();
      if (patch.enterpriseIds.length) await trx.insertInto('agreement_enterprise').values([...new Set(patch.enterpriseIds)].map((e) => ({ agreement_id: id, enterprise_id: e }))).execute();
    }
    return { entityId: id, before: { signedOn: current.signedOn, expiresOn: current.expiresOn, registeredOn: current.registeredOn }, after: { ...patch, clauses: patch.clauses?.length }, result: null };
  });
  return getAgreement(ctx.db, ctx.actor, id);
}

/** Chấm dứt trước hạn: the agreement stays with the date and the reason. */
export async function endAgreement(ctx: Ctx, id: number, input: { endedOn: string; reason: string; version: number }) {
  const current = await getAgreement(ctx.db, ctx.actor, id);
  if (input.endedOn < current.effectiveOn) throw badRequest('ended_before_effective', 'Ngày chấm dứt không thể trước ngày có hiệu lực.', 'endedOn');
  await audited(ctx, { permission: 'activity.write', unitId: current.unitId, entity: 'agreement', action: 'end' }, async (trx) => {
    const r = await trx.updateTable('collective_agreement').set({ ended_on: input.endedOn, end_reason: input.reason, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    return { entityId: id, after: input, result: null };
  });
  return getAgreement(ctx.db, ctx.actor, id);
}

/** Agreements of the subtree expiring inside the alert windows (90 and 30 days by default): the home widget. */
export async function expiryAlerts(db: Db, actor: Actor, unitId: number) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const windows = (await labourSetting<number[]>(db, 'cba_expiry_alert_days')).sort((a, b) => b - a);
  const now = today();
  const { rows } = await sql<any>`
    select ${columns} from collective_agreement c join org_unit u on u.id = c.unit_id left join enterprise e on e.id = c.enterprise_id
    where c.unit_path <@ ${path}::ltree and c.ended_on is null and c.expires_on between ${now}::date and ${addDays(now, windows[0])}::date
      and not exists (select 1 from collective_agreement n where n.replaces_id = c.id)
    order by c.expires_on`.execute(db);
  const list = await decorate(db, rows);
  return {
    windows,
    counts: windows.map((d) => ({ days: d, count: list.filter((r) => r.daysToExpiry <= d).length })),
    rows: list.map((r) => ({ ...r, window: [...windows].reverse().find((d) => r.daysToExpiry <= d) })),
    unregistered: (await decorate(db, (await sql<any>`
      select ${columns} from collective_agreement c join org_unit u on u.id = c.unit_id left join enterprise e on e.id = c.enterprise_id
      where c.unit_path <@ ${path}::ltree and c.ended_on is null and c.registered_on is null and c.expires_on >= ${now}::date`.execute(db)).rows))
      .filter((r) => r.registrationOverdue).length,
  };
}

/** The clauses of one topic across the agreements in force: who pays the best meal, the most leave. */
export async function compareClauses(db: Db, actor: Actor, unitId: number, topic: string) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const now = today();
  const { rows } = await sql<any>`
    select c.id as "agreementId", c.title, e.name as "enterpriseName", e.ownership, u.name as "unitName", k.title as clause, k.content,
      k.value, k.value_unit as "valueUnit", k.legal_value as "legalValue", c.expires_on as "expiresOn"
    from agreement_clause k join collective_agreement c on c.id = k.agreement_id join org_unit u on u.id = c.unit_id
    left join enterprise e on e.id = c.enterprise_id
    where c.unit_path <@ ${path}::ltree and k.topic = ${topic} and c.effective_on <= ${now}::date and c.expires_on >= ${now}::date
      and (c.ended_on is null or c.ended_on > ${now}::date)
    order by k.value_unit, k.value desc nulls last, c.title`.execute(db);
  return rows.map((r) => ({ ...r, agreementId: Number(r.agreementId), value: num(r.value), legalValue: num(r.legalValue),
    aboveLaw: r.value !== null && r.legalValue !== null ? Number(r.value) - Number(r.legalValue) : null }));
}
