import { sql } from 'kysely';
import type { MeetingRecordInput } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { requireAt, type Actor } from '../../auth/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';
import { activityFor } from './attendance.ts';
import { json, today } from './common.ts';

/** The dialogue or conference record of an activity (what the law asks it to keep), with its follow-ups. */
export async function getMeeting(db: Db, actor: Actor, activityId: number) {
  await activityFor(db, actor, activityId, false);
  const m = await db.selectFrom('labour_meeting').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
  const followups = await db.selectFrom('meeting_followup').select(['id', 'content', 'owner', 'due_on as dueOn', 'status', 'done_on as doneOn', 'note', 'version'])
    .where('activity_id', '=', activityId).orderBy('due_on').orderBy('id').execute();
  const now = today();
  return {
    record: m ? {
      periodYear: m.period_year, periodPart: m.period_part, employerParticipants: m.employer_participants, workerParticipants: m.worker_participants,
      issues: m.issues, agreements: m.agreements, unresolved: m.unresolved, resolutionNo: m.resolution_no, resolutionOn: m.resolution_on,
      resolutions: m.resolutions, version: m.version,
    } : null,
    followups: followups.map((f) => ({ ...f, id: Number(f.id), overdue: f.status === 'open' && f.dueOn < now })),
  };
}

export async function saveMeeting(ctx: Ctx, activityId: number, input: MeetingRecordInput) {
  const a = await activityFor(ctx.db, ctx.actor, activityId, true);
  const { rows: [kind] } = await sql<{ record_form: string | null }>`select k.record_form from activity t join activity_kind k on k.id = t.kind_id where t.id = ${activityId}`.execute(ctx.db);
  if (!kind.record_form) throw badRequest('not_a_meeting', 'Loại hoạt động này không có biên bản đối thoại hoặc hội nghị.');
  if (input.resolutionOn && input.resolutionOn < a.starts_on) throw badRequest('resolution_before_meeting', 'Ngày nghị quyết không thể trước ngày hội nghị.', 'resolutionOn');
  await audited(ctx, { permission: 'activity.write', unitId: a.unit_id, entity: 'labour_meeting', action: 'save' }, async (trx) => {
    const current = await trx.selectFrom('labour_meeting').select(['version']).where('activity_id', '=', activityId).forUpdate().executeTakeFirst();
    const values = {
      period_year: input.periodYear, period_part: input.periodPart, employer_participants: json(input.employerParticipants),
      worker_participants: json(input.workerParticipants), issues: json(input.issues), agreements: json(input.agreements),
      unresolved: input.unresolved ?? null, resolution_no: input.resolutionNo ?? null, resolution_on: input.resolutionOn ?? null,
      resolutions: json(input.resolutions),
    };
    if (current) {
      if (input.version !== current.version) throw conflict();
      await trx.updateTable('labour_meeting').set({ ...values, version: current.version + 1, updated_at: new Date() }).where('activity_id', '=', activityId).execute();
    } else {
      await trx.insertInto('labour_meeting').values({ activity_id: activityId, ...values }).execute();
    }
    return { entityId: activityId, after: input, result: null };
  });
  return getMeeting(ctx.db, ctx.actor, activityId);
}

export async function addFollowup(ctx: Ctx, activityId: number, input: { content: string; owner: string; dueOn: string }) {
  const a = await activityFor(ctx.db, ctx.actor, activityId, true);
  if (input.dueOn < a.starts_on) throw badRequest('due_before_meeting', 'Hạn thực hiện phải sau ngày đối thoại, hội nghị.', 'dueOn');
  await audited(ctx, { permission: 'activity.write', unitId: a.unit_id, entity: 'meeting_followup', action: 'create' }, async (trx) => {
    const row = await trx.insertInto('meeting_followup').values({ province_id: a.province_id, activity_id: activityId, content: input.content, owner: input.owner, due_on: input.dueOn })
      .returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, after: input, result: null };
  });
  return getMeeting(ctx.db, ctx.actor, activityId);
}

export async function updateFollowup(ctx: Ctx, id: number, input: { status: string; doneOn?: string | null; note?: string | null; version: number }) {
  const f = await ctx.db.selectFrom('meeting_followup').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f) throw notFound('Không tìm thấy việc cần theo dõi.');
  const a = await activityFor(ctx.db, ctx.actor, f.activity_id, true);
  if (input.status === 'done' && !input.doneOn) throw badRequest('done_on_required', 'Nhập ngày hoàn thành.', 'doneOn');
  if (input.doneOn && input.doneOn > today()) throw badRequest('date_in_future', 'Ngày hoàn thành không thể ở tương lai.', 'doneOn');
  await audited(ctx, { permission: 'activity.write', unitId: a.unit_id, entity: 'meeting_followup', action: 'update' }, async (trx) => {
    const r = await trx.updateTable('meeting_followup').set({ status: input.status, done_on: input.doneOn ?? null, note: input.note ?? f.note, version: f.version + 1 })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw conflict();
    return { entityId: id, before: { status: f.status }, after: input, result: null };
  });
  return getMeeting(ctx.db, ctx.actor, f.activity_id);
}

/** Follow-ups of the subtree still open, the overdue first: what officers chase after a dialogue. */
export async function openFollowups(db: Db, actor: Actor, unitId: number) {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const { rows } = await sql<any>`
    select f.id, f.content, f.owner, f.due_on as "dueOn", f.status, f.version, a.id as "activityId", a.title, u.name as "unitName",
      f.due_on < ${today()}::date as overdue
    from meeting_followup f join activity a on a.id = f.activity_id join org_unit u on u.id = a.unit_id
    where a.unit_path <@ ${path}::ltree and f.status = 'open' and a.status <> 'cancelled'
    order by f.due_on limit 500`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), activityId: Number(r.activityId) }));
}

/**
 * The "due" list: enterprise unions (and public bodies for conferences) of the subtree that have
 * not held the meeting this year, with the date of the last one and any planned date.
 */
export async function dueList(db: Db, actor: Actor, unitId: number, year: number, category: 'dialogue' | 'workers_conference') {
  const path = await requireAt(db, actor, 'activity.read', unitId);
  const kinds = category === 'dialogue' ? ['enterprise'] : ['enterprise', 'administrative', 'public_service'];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const mine = sql`(a.grassroots_id = u.id or a.enterprise_id in (select e.id from enterprise e where e.union_id = u.id))`;
  const { rows } = await sql<any>`
    select u.id as "unitId", u.name as "unitName", u.sector, u.grassroots_kind as "grassrootsKind",
      (select e.name from enterprise e where e.union_id = u.id order by e.workers desc nulls last limit 1) as "enterpriseName",
      (select sum(e.workers) from enterprise e where e.union_id = u.id)::int as workers,
      (select max(a.starts_on) from activity a where a.category = ${category} and a.status = 'held' and ${mine}) as "lastHeldOn",
      (select min(a.starts_on) from activity a where a.category = ${category} and a.status = 'planned' and a.starts_on between ${from}::date and ${to}::date and ${mine}) as "plannedOn"
    from org_unit u
    where u.path <@ ${path}::ltree and u.kind = 'grassroots' and u.grassroots_kind = any(${kinds}::text[])
      and (u.founded_on is null or u.founded_on <= ${to}::date) and (u.dissolved_on is null or u.dissolved_on > ${to}::date)
      and not exists (select 1 from activity a where a.category = ${category} and a.status = 'held' and a.starts_on between ${from}::date and ${to}::date and ${mine})
    order by "plannedOn" nulls first, u.name`.execute(db);
  return rows;
}
