import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('union tree', () => {
  it('a federation officer creates a grassroots union under the city and it appears in the audit log', async () => {
    const fed = await t.as('fed');
    const res = await fed.post('/api/units', {
      parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'fdi',
      code: 'CDCS-NEW', name: 'Công đoàn cơ sở Công ty TNHH Dệt Lụa Hà Kiều',
    });
    expect(res.status).toBe(200);
    expect(res.body.path).toMatch(new RegExp(`\\.${t.ids.city}\\.${res.body.id}$`));
    const audit = await fed.get(`/api/audit?entity=unit&entityId=${res.body.id}`);
    expect(audit.body.rows[0]).toMatchObject({ action: 'create', username: 'fed' });
  });

  it('search ignores diacritics and case', async () => {
    const fed = await t.as('fed');
    const res = await fed.get('/api/units/search?q=' + encodeURIComponent('truong thpt bao loc'));
    expect(res.body.map((u: { code: string }) => u.code)).toContain('CDCS-B');
    const upper = await fed.get('/api/units/search?q=' + encodeURIComponent('MAY LỘC SƠN'));
    const scattered = await fed.get('/api/units/search?q=' + encodeURIComponent('tnhh son may'));
    expect(scattered.body.map((u: { code: string }) => u.code)).toEqual(['CDCS-A']);
    expect(upper.body[0].code).toBe('CDCS-A');
  });

  it('refuses a move that would put a unit inside its own subtree', async () => {
    const fed = await t.as('fed');
    const a = (await fed.get(`/api/units/${t.ids.a}`)).body;
    const admin = await t.as('admin');
    const city = (await admin.get(`/api/units/${t.ids.city}`)).body;
    const res = await admin.post(`/api/units/${t.ids.city}/move`, { parentId: t.ids.a, version: city.version });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('move_cycle');
    expect(a.version).toBeGreaterThan(0);
  });

  it('moves a unit with its subtree and keeps the old placement in the history', async () => {
    const admin = await t.as('admin');
    const fed = await t.as('fed');
    const created = (await fed.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'small', sector: 'non_state', code: 'CDCS-MOVE', name: 'Công đoàn cơ sở Hợp tác xã Chè Lộc Châu' })).body;
    const group = (await fed.post('/api/units', { parentId: created.id, kind: 'union_group', code: 'CDCS-MOVE-T1', name: 'Tổ công đoàn Đồi chè' })).body;
    const res = await admin.post(`/api/units/${created.id}/move`, { parentId: t.ids.otherCity, version: created.version });
    expect(res.status).toBe(200);
    const movedGroup = (await admin.get(`/api/units/${group.id}`)).body;
    expect(movedGroup.path.startsWith(res.body.path + '.')).toBe(true);
    const history = (await admin.get(`/api/units/${created.id}/history`)).body;
    expect(history[0]).toMatchObject({ kind: 'moved', newParent: expect.stringContaining('Đà Lạt') });
    // the Bảo Lộc officer no longer sees it
    expect((await fed.get(`/api/units/${created.id}`)).status).toBe(404);
  });

  it('a second officer editing an outdated copy gets a conflict, not a silent overwrite', async () => {
    const fed = await t.as('fed');
    const b = (await fed.get(`/api/units/${t.ids.b}`)).body;
    expect((await fed.patch(`/api/units/${t.ids.b}`, { version: b.version, phone: '02633111222' })).status).toBe(200);
    const stale = await fed.patch(`/api/units/${t.ids.b}`, { version: b.version, phone: '02633999999' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/người khác sửa/);
  });

  it('dissolves a unit without deleting it, and refuses new units under it', async () => {
    const fed = await t.as('fed');
    const created = (await fed.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'non_state', code: 'CDCS-END', name: 'Công đoàn cơ sở Công ty CP Tơ tằm Đại Lào' })).body;
    const res = await fed.post(`/api/units/${created.id}/dissolve`, { onDate: '2026-06-30', reason: 'Doanh nghiệp giải thể', version: created.version });
    expect(res.status).toBe(200);
    expect(res.body.dissolvedOn).toBe('2026-06-30');
    const child = await fed.post('/api/units', { parentId: created.id, kind: 'union_group', code: 'CDCS-END-T1', name: 'Tổ công đoàn Ươm tơ' });
    expect(child.status).toBe(400);
    expect(child.body.code).toBe('parent_dissolved');
  });

  it('validation errors come back in Vietnamese with the field', async () => {
    const fed = await t.as('fed');
    const res = await fed.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'enterprise', code: 'X', name: 'Công đoàn' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation', field: 'code' });
    expect(res.body.message).toMatch(/Mã đơn vị/);
  });

  it('an observer reads the tree but cannot write', async () => {
    const obs = await t.as('obs');
    expect((await obs.get(`/api/units/${t.ids.city}/children`)).status).toBe(200);
    const res = await obs.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'enterprise', code: 'CDCS-OBS', name: 'Công đoàn cơ sở Quan sát' });
    expect(res.status).toBe(403);
  });
});
