import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('accounts and roles', () => {
  it('a grassroots officer creates a member account in its own union and gets a one-time password', async () => {
    const gro = await t.as('gro');
    const res = await gro.post('/api/users', { username: 'doanvien.moi', fullName: 'Lê Thị Mới', role: 'member', unitId: t.ids.a });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(/^[A-Z][a-z]{3}-\d{4}$/);
    const login = await t.anonymous.post('/api/auth/login', { username: 'doanvien.moi', password: res.body.temporaryPassword });
    expect(login.status).toBe(200);
    const token = /cds_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
    const me = await t.anonymous.request('GET', '/api/auth/me', undefined, { cookie: `cds_session=${token}` });
    expect(me.body.mustChangePassword).toBe(true);
  });

  it('a grassroots officer cannot grant a federation role nor grant outside its union', async () => {
    const gro = await t.as('gro');
    const higher = await gro.post('/api/users', { username: 'vuot.quyen', fullName: 'Vượt Quyền', role: 'federation_officer', unitId: t.ids.a });
    expect(higher.status).toBe(403);
    const outside = await gro.post('/api/users', { username: 'ngoai.pham.vi', fullName: 'Ngoài Phạm Vi', role: 'member', unitId: t.ids.b });
    expect([403, 404]).toContain(outside.status);
  });

  it('a federation officer cannot make an admin', async () => {
    const fed = await t.as('fed');
    const res = await fed.post('/api/users', { username: 'admin2', fullName: 'Quản Trị Hai', role: 'admin', unitId: t.ids.city });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/không thể cấp vai trò/);
  });

  it('grants, lists and revokes a role, each step audited', async () => {
    const fed = await t.as('fed');
    const created = (await fed.post('/api/users', { username: 'kiem.tra.b', fullName: 'Võ Văn Kiểm', role: 'inspector', unitId: t.ids.b })).body;
    const grant = await fed.post(`/api/users/${created.id}/grants`, { role: 'observer', unitId: t.ids.a });
    expect(grant.status).toBe(200);
    const list = await fed.get(`/api/users?unitId=${t.ids.a}&q=kiem`);
    expect(list.body.rows.map((u: { username: string }) => u.username)).toContain('kiem.tra.b');
    const revoke = await fed.post(`/api/users/${created.id}/grants/${grant.body.id}/revoke`);
    expect(revoke.status).toBe(200);
    const audit = await fed.get(`/api/audit?entity=role_grant&entityId=${grant.body.id}`);
    expect(audit.body.rows.map((r: { action: string }) => r.action).sort()).toEqual(['grant', 'revoke']);
  });

  it('a password reset forces a change at next login and the audit row hides the password', async () => {
    const fed = await t.as('fed');
    const reset = await fed.post(`/api/users/${t.ids.users.obs}/reset-password`);
    expect(reset.status).toBe(200);
    const audit = await fed.get(`/api/audit?entity=user&entityId=${t.ids.users.obs}&action=reset_password`);
    expect(JSON.stringify(audit.body.rows)).not.toContain(reset.body.temporaryPassword);
  });
});
