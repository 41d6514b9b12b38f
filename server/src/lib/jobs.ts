/**
 * Long work in the background of the one server process: an in-process queue (one job at a
 * time: the machine has two cores and PGlite one connection), progress kept in the `job` table
 * so the browser can leave and come back, the result file stored with the job, and a restart
 * marking jobs it interrupted as failed. A job's handler must make its change in one
 * transaction, so an interrupted job has changed nothing.
 *
 *   defineJob('member_import', async (job) => { job.progress(10, 100, 'Đang đọc tệp'); … return { result, file } });
 *   const id = await enqueueJob(handle, actor, { kind: 'member_import', unitId, permission: 'member.write', title, params });
 */
import { sql } from 'kysely';
import type { Permission } from '@cds/shared';
import type { DatabaseHandle, Db } from '../db/connection.ts';
import { can, loadActor, requireAt, type Actor } from '../auth/actor.ts';
import { AppError, notFound } from './errors.ts';

export interface RunningJob<P = unknown> {
  id: number;
  params: P;
  /** The owner, as they are now (grants re-read when the job starts). */
  actor: Actor;
  handle: DatabaseHandle;
  unitId: number | null;
  /** Rows done out of total (total null while unknown), and what is happening, in Vietnamese. */
  progress(done: number, total?: number | null, phase?: string): void;
}

export interface JobOutcome {
  /** What the browser shows when the job is done (counts, first errors…): JSON, no sensitive values. */
  result: unknown;
  file?: { name: string; content: Buffer };
}

export type JobHandler<P = unknown> = (job: RunningJob<P>) => Promise<JobOutcome>;

const handlers = new Map<string, JobHandler<any>>();

export function defineJob<P>(kind: string, handler: JobHandler<P>): void {
  handlers.set(kind, handler as JobHandler<any>);
}

export const INTERRUPTED_MESSAGE = 'Công việc bị gián đoạn vì máy chủ khởi động lại. Dữ liệu chưa bị thay đổi; hãy chạy lại.';
const FAILED_MESSAGE = 'Công việc gặp lỗi hệ thống và đã dừng. Dữ liệu chưa bị thay đổi; hãy thử lại hoặc báo quản trị viên.';

interface Live { done: number; total: number | null; phase: string | null }
/** Progress of running jobs, fresher than the table (a job inside its transaction holds PGlite's only connection). */
const live = new WeakMap<DatabaseHandle, Map<number, Live>>();
const finished = new WeakMap<DatabaseHandle, Map<number, Promise<void>>>();
let queue: Promise<void> = Promise.resolve();

const liveOf = (h: DatabaseHandle) => live.get(h) ?? live.set(h, new Map()).get(h)!;
const finishedOf = (h: DatabaseHandle) => finished.get(h) ?? finished.set(h, new Map()).get(h)!;

export interface EnqueueSpec {
  kind: string;
  unitId: number | null;
  permission: Permission | null;
  title: string;
  params: unknown;
}

/** Records the job and puts it in the queue; the caller answers the browser at once with the id. */
export async function enqueueJob(handle: DatabaseHandle, actor: Actor, spec: EnqueueSpec): Promise<number> {
  if (!handlers.has(spec.kind)) throw new Error(`no handler for job kind ${spec.kind}`);
  const unitPath = spec.unitId === null ? null : await requireAt(handle.db, actor, spec.permission ?? 'unit.read', spec.unitId);
  const row = await handle.db.insertInto('job').values({
    kind: spec.kind, user_id: actor.userId, unit_id: spec.unitId, unit_path: unitPath, permission: spec.permission,
    title: spec.title, params: JSON.stringify(spec.params ?? {}),
  }).returning('id').executeTakeFirstOrThrow();
  const id = Number(row.id);
  const run = queue.then(() => runJob(handle, id));
  queue = run.catch(() => undefined);
  finishedOf(handle).set(id, run.catch(() => undefined));
  return id;
}

/** Resolves when the job has finished (tests, the CLI). */
export async function waitForJob(handle: DatabaseHandle, id: number): Promise<void> {
  await finishedOf(handle).get(id);
}

async function runJob(handle: DatabaseHandle, id: number): Promise<void> {
  const { db } = handle;
  const job = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || job.status !== 'queued') return;
  const actor = await loadActor(db, job.user_id);
  await db.updateTable('job').set({ status: 'running', started_at: new Date(), phase: 'Đang bắt đầu' }).where('id', '=', id).execute();
  const state: Live = { done: 0, total: null, phase: null };
  liveOf(handle).set(id, state);
  let flushing: Promise<unknown> = Promise.resolve();
  let lastFlush = 0;
  const flush = () => {
    const snapshot = { ...state };
    flushing = flushing.then(() => db.updateTable('job')
      .set({ rows_done: snapshot.done, rows_total: snapshot.total, phase: snapshot.phase })
      .where('id', '=', id).where('status', '=', 'running').execute()).catch(() => undefined);
  };
  try {
    if (!actor) throw new AppError(403, 'forbidden', 'Tài khoản đã bị khóa, công việc không được chạy.');
    const handler = handlers.get(job.kind)!;
    const outcome = await handler({
      id, params: job.params, actor, handle, unitId: job.unit_id,
      progress(done, total, phase) {
        state.done = done;
        if (total !== undefined) state.total = total;
        if (phase !== undefined) state.phase = phase;
        const now = Date.now();
        if (now - lastFlush > 1000) { lastFlush = now; flush(); }
      },
    });
    await flushing;
    await db.updateTable('job').set({
      status: 'done', finished_at: new Date(), phase: null, result: JSON.stringify(outcome.result ?? null),
      rows_done: state.total ?? state.done, rows_total: state.total ?? state.done,
      result_file_name: outcome.file?.name ?? null, result_file: outcome.file?.content ?? null,
    }).where('id', '=', id).execute();
  } catch (err) {
    await flushing;
    const message = err instanceof AppError ? err.message : FAILED_MESSAGE;
    if (!(err instanceof AppError)) console.error(`job ${id} (${job.kind}) failed:`, (err as Error)?.message);
    await db.updateTable('job').set({ status: 'failed', finished_at: new Date(), error: message, phase: null })
      .where('id', '=', id).execute().catch(() => undefined);
  } finally {
    liveOf(handle).delete(id);
  }
}

/**
 * At start-up: jobs a previous process left queued or running were cut off. Their handlers
 * work in one transaction, so nothing of them was applied: say so, in Vietnamese.
 */
export async function failInterruptedJobs(db: Db): Promise<number> {
  const res = await db.updateTable('job').set({ status: 'failed', error: INTERRUPTED_MESSAGE, finished_at: new Date(), phase: null })
    .where('status', 'in', ['queued', 'running']).executeTakeFirst();
  // Uploads nobody turned into a job within two days are not kept.
  await sql`delete from job_upload where created_at < now() - interval '2 days'`.execute(db);
  return Number(res.numUpdatedRows);
}

async function visibleJob(db: Db, actor: Actor, id: number) {
  const job = await db.selectFrom('job')
    .select(['id', 'kind', 'status', 'user_id', 'unit_id', sql<string | null>`unit_path::text`.as('unit_path'), 'permission', 'title',
      'rows_done', 'rows_total', 'phase', 'result', 'error', 'result_file_name', 'created_at', 'started_at', 'finished_at'])
    .where('id', '=', id).executeTakeFirst();
  if (!job) throw notFound('Không tìm thấy công việc.');
  const sharedWithUnit = job.unit_path !== null && job.permission !== null && can(actor, job.permission as Permission, job.unit_path);
  if (job.user_id !== actor.userId && !sharedWithUnit) throw notFound('Không tìm thấy công việc.');
  return job;
}

/** A job as the browser sees it, with live progress when it is running in this process. */
export async function getJob(handle: DatabaseHandle, actor: Actor, id: number) {
  const job = await visibleJob(handle.db, actor, id);
  const now = job.status === 'running' ? liveOf(handle).get(id) : undefined;
  return {
    id: Number(job.id), kind: job.kind, status: job.status as 'queued' | 'running' | 'done' | 'failed', title: job.title, unitId: job.unit_id,
    rowsDone: now?.done ?? job.rows_done, rowsTotal: now ? now.total : job.rows_total, phase: now?.phase ?? job.phase,
    result: job.result, error: job.error, resultFileName: job.result_file_name,
    createdAt: job.created_at, startedAt: job.started_at, finishedAt: job.finished_at,
  };
}
export type JobView = Awaited<ReturnType<typeof getJob>>;

export async function getJobResultFile(db: Db, actor: Actor, id: number): Promise<{ name: string; content: Buffer }> {
  await visibleJob(db, actor, id);
  const row = await db.selectFrom('job').select(['result_file_name', 'result_file']).where('id', '=', id).executeTakeFirstOrThrow();
  if (!row.result_file || !row.result_file_name) throw notFound('Công việc này chưa có tệp kết quả.');
  return { name: row.result_file_name, content: Buffer.from(row.result_file) };
}

/** Keeps an uploaded file for a later job of the same user; returns its id. */
export async function saveUpload(db: Db, actor: Actor, fileName: string, content: Buffer): Promise<number> {
  const row = await db.insertInto('job_upload').values({ user_id: actor.userId, file_name: fileName, size: content.length, content })
    .returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** An upload of this user (nobody else's). */
export async function loadUpload(db: Db, actor: Actor, id: number): Promise<{ fileName: string; content: Buffer }> {
  const row = await db.selectFrom('job_upload').select(['file_name', 'content']).where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy tệp đã tải lên. Hãy tải tệp lên lại.');
  return { fileName: row.file_name, content: Buffer.from(row.content) };
}
