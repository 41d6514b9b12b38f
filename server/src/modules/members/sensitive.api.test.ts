import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

/**
 * CCCD, ethnicity, religion and party, role by role: in the API, in filters, in search, in the
 * Excel export, in Party recommendations and in the audit trail.
 */
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const HANG_CCCD = '068190002222';

async function exportHeaders(username: string) {
  const res = await (await t.as(username)).get(`/api/members/export?unitId=${t.ids.a}`);
  if (res.status !== 200) return { status: res.status, headers: [] as string[], text: '' };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw as never);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(5).values as unknown[]).filter((v): v is string => typeof v === 'string');
  const text: string[] = [];
  sheet.eachRow((row) => text.push(JSON.stringify(row.values)));
  return { status: res.status, headers, text: text.join('\n') };
}

describe('sensitive member fields per role', () => {
  it.each([
    ['admin', true], ['fed', true], ['gro', true], ['insp', false],
  ] as const)('%s: sees CCCD, ethnicity, religion and party in clear = %s (list, record, export)', async (username, clear) => {
    const client = await t.as(username);
    const row = (await client.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0];
    const record = (await client.get(`/api/members/${row.id}`)).body;
    for (const m of [row, record]) {
      if (clear) expect(m).toMatchObject({ citizenId: HANG_CCCD, ethnicity: 'Kinh', religion: 'Không', partyMember: false, sensitiveVisible: true });
      else expect(m).toMatchObject({ citizenId: '•••••••••222', ethnicity: '•••', religion: '•••', partyMember: null, partyJoinedOn: null, sensitiveVisible: false });
    }
    const xlsx = await exportHeaders(username);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.includes('Số CCCD/CMND')).toBe(clear);
    expect(xlsx.headers.includes('Dân tộc')).toBe(clear);
    expect(xlsx.text.includes(HANG_CCCD)).toBe(clear);
    expect(record.recommendations === null).toBe(!clear);
  });

  it('observer and member roles read no member list and no export at all', async () => {
    for (const username of ['obs', 'mem']) {
      const client = await t.as(username);
      expect([403, 404]).toContain((await client.get(`/api/members?unitId=${t.ids.a}`)).status);
      expect([403, 404]).toContain((await client.get(`/api/members/export?unitId=${t.ids.a}`)).status);
    }
  });

  it('without the permission, filtering by party, ethnicity or religion is refused and a CCCD fragment finds nobody', async () => {
    const insp = await t.as('insp');
    for (const f of ['party=true', 'ethnicity=Kinh', 'minority=true', 'religion=Kh%C3%B4ng']) {
      const res = await insp.get(`/api/members?unitId=${t.ids.a}&${f}`);
      expect(res.status, f).toBe(403);
      expect(res.body.code).toBe('sensitive_filter');
    }
    expect((await insp.get(`/api/members?unitId=${t.ids.a}&q=06819000`)).body.rows).toEqual([]);
    // the phone is not sensitive: its digits still find her
    expect((await insp.get(`/api/members?unitId=${t.ids.a}&q=0990002222`)).body.rows.map((r: { fullName: string }) => r.fullName)).toEqual(['Nguyễn Thị Hằng']);
    const gro = await t.as('gro');
    expect((await gro.get(`/api/members?unitId=${t.ids.a}&party=false`)).body.total).toBeGreaterThan(0);
    expect((await gro.get(`/api/members?unitId=${t.ids.a}&q=06819000`)).body.rows.map((r: { fullName: string }) => r.fullName)).toEqual(['Nguyễn Thị Hằng']);
  });

  it('Party recommendations are listed only for roles that may see party data', async () => {
    const gro = await t.as('gro');
    const m = (await gro.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0];
    await gro.post(`/api/members/${m.id}/party-recommendations`, { recommendedOn: '2026-05-19', decisionNo: '02/GT-CĐCS', partyBody: 'Chi bộ Công ty' });
    const list = (await (await t.as('fed')).get(`/api/party-recommendations?unitId=${t.ids.city}&year=2026`)).body;
    expect(list.rows.map((r: { fullName: string }) => r.fullName)).toContain('Nguyễn Thị Hằng');
    expect(list.counts.pending).toBeGreaterThan(0);
    expect((await (await t.as('insp')).get(`/api/party-recommendations?unitId=${t.ids.city}&year=2026`)).status).toBe(403);
  });

  it('the audit trail never holds a CCCD, ethnicity, religion or party value in clear', async () => {
    const gro = await t.as('gro');
    const created = (await gro.post('/api/members', {
      unitId: t.ids.a, fullName: 'Y Bluê Niê', sex: 'male', citizenId: '066095123987', ethnicity: 'Ê Đê', religion: 'Tin Lành',
      partyMember: true, partyJoinedOn: '2019-02-03', joinedOn: '2024-01-01',
    })).body;
    await gro.patch(`/api/members/${created.id}`, { citizenId: '066095123988', ethnicity: 'Gia Rai', religion: 'Công giáo', version: created.version });
    await gro.get(`/api/members/export?unitId=${t.ids.a}`);
    const { rows } = await sql<{ row: string }>`select (coalesce(before::text, '') || coalesce(after::text, '')) as row from audit_log`.execute(t.database.db);
    const all = rows.map((r) => r.row).join('\n');
    for (const secret of ['066095123987', '066095123988', 'Ê Đê', 'Gia Rai', 'Tin Lành', 'Công giáo', '2019-02-03']) expect(all).not.toContain(secret);
    expect(all).toContain('Y Bluê Niê');
  });

  it('an inspector cannot write sensitive fields, and a grassroots officer cannot save a masked value back', async () => {
    const insp = await t.as('insp');
    const m = (await insp.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0];
    expect([403, 404]).toContain((await insp.patch(`/api/members/${m.id}`, { ethnicity: 'Tày', version: m.version })).status);
    const gro = await t.as('gro');
    const bad = await gro.patch(`/api/members/${m.id}`, { citizenId: '•••••••••222', version: m.version });
    expect(bad.body).toMatchObject({ code: 'validation', field: 'citizenId' });
  });
});
