import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { defineJob, enqueueJob, failInterruptedJobs, INTERRUPTED_MESSAGE, waitForJob } from '../../lib/jobs.ts';
import { loadActor } from '../../auth/actor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  defineJob<{ rows: number; fail?: boolean }>('test_count', async (job) => {
    for (let i = 1; i <= job.params.rows; i += 1) job.progress(i, job.params.rows, 'Đang đếm');
    if (job.params.fail) throw new Error('boom');
    return { result: { counted: job.params.rows }, file: { name: 'kết-quả.txt', content: Buffer.from('xong') } };
  });
});
afterAll(async () => { await t?.close(); });

async function start(username: string, params: object, unitId = t.ids.a) {
  const actor = (await loadActor(t.database.db, t.ids.users[username as 'gro']))!;
  const id = await enqueueJob(t.database, actor, { kind: 'test_count', unitId, permission: 'member.write', title: 'Đếm thử', params });
  await waitForJob(t.database, id);
  return id;
}

describe('background jobs', () => {
  it('runs a job, keeps its progress and result, and lets its owner download the result file', async () => {
    const id = await start('gro', { rows: 250 });
    const gro = await t.as('gro');
    const res = await gro.get(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', rowsDone: 250, rowsTotal: 250, result: { counted: 250 }, resultFileName: 'kết-quả.txt' });
    const file = await gro.get(`/api/jobs/${id}/result`);
    expect(file.status).toBe(200);
    expect(file.raw.toString()).toBe('xong');
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''k%E1%BA%BFt-qu%E1%BA%A3.txt");
  });

  it('shows a job to officers of its unit, and to nobody outside it', async () => {
    const id = await start('gro', { rows: 3 });
    expect((await (await t.as('fed')).get(`/api/jobs/${id}`)).status).toBe(200);
    expect((await (await t.as('groz')).get(`/api/jobs/${id}`)).status).toBe(404);
    expect((await (await t.as('mem')).get(`/api/jobs/${id}/result`)).status).toBe(404);
  });

  it('a failing job reports a Vietnamese message', async () => {
    const id = await start('gro', { rows: 2, fail: true });
    const res = await (await t.as('gro')).get(`/api/jobs/${id}`);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toContain('Dữ liệu chưa bị thay đổi');
  });

  it('after a restart, jobs left running are marked failed with a message saying nothing was applied', async () => {
    const job = await t.database.db.insertInto('job').values({ kind: 'test_count', user_id: t.ids.users.gro, unit_id: t.ids.a, title: 'Bị cắt', params: '{}', status: 'running' })
      .returning('id').executeTakeFirstOrThrow();
    expect(await failInterruptedJobs(t.database.db)).toBeGreaterThanOrEqual(1);
    const res = await (await t.as('gro')).get(`/api/jobs/${job.id}`);
    expect(res.body).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE });
  });
});
