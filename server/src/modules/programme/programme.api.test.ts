import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';

/**
 * The programme on the fixture tree. Bảo Lộc has A (non-state, undated) and B (public service,
 * undated); the tests found N1 (non-state, 01/03/2025), S1 (state, 01/08/2025) and O1 (non-state,
 * 01/05/2024), and run the year 2025.
 */
let t: TestApp;
let fed: Client, gro: Client, obs: Client, admin: Client, groz: Client;
let programmeId: number;
const target: Record<string, number> = {};
const unit: Record<string, number> = {};

const mkUnit = async (code: string, sector: string, foundedOn: string) => {
  const res = await fed.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'enterprise', sector, code, name: `Công đoàn cơ sở Công ty ${code}`, foundedOn });
  expect(res.status).toBe(200);
  return res.body.id as number;
};
const dash = async (c: Client, unitId: number, q = 'year=2025') => (await c.get(`/api/programme/dashboard?unitId=${unitId}&${q}`));
const byCode = (body: any, code: string) => body.targets.find((x: any) => x.code === code);

beforeAll(async () => {
  t = await startTestApp();
  [fed, gro, obs, admin, groz] = await Promise.all(['fed', 'gro', 'obs', 'admin', 'groz'].map((u) => t.as(u)));
  unit.n1 = await mkUnit('CDCS-N1', 'non_state', '2025-03-01');
  unit.s1 = await mkUnit('CDCS-S1', 'state', '2025-08-01');
  unit.o1 = await mkUnit('CDCS-O1', 'non_state', '2024-05-01');
  const p = await fed.post('/api/programmes', {
    unitId: t.ids.city, issuer: 'Thành ủy Bảo Lộc', number: '15-CTr/TU', issuedOn: '2021-05-20',
    title: 'Chương trình hành động xây dựng đội ngũ công nhân', yearFrom: 2021, yearTo: 2026,
    sections: [{ heading: 'Mục đích, yêu cầu', body: 'Nâng cao nhận thức…' }],
  });
  expect(p.status).toBe(200);
  programmeId = p.body.id;
  for (const [code, body] of Object.entries({
    F: { title: 'Thành lập mới ít nhất 2 công đoàn cơ sở', indicatorKey: 'grassroots_founded', comparison: 'gte', thresholds: [{ sectors: null, value: 2 }] },
    R: { title: '100% CĐCS nhà nước, 75% CĐCS khác có báo cáo được duyệt', indicatorKey: 'grassroots_report_accepted', comparison: 'gte',
      thresholds: [{ sectors: ['state'], value: 100 }, { sectors: ['non_state', 'fdi', 'public_service', 'administrative'], value: 75 }] },
    M: { title: 'LĐLĐ được xếp loại hoàn thành tốt nhiệm vụ trở lên', indicatorKey: 'manual.federation_rating', comparison: 'gte', thresholds: [{ sectors: null, value: 1 }] },
  })) {
    const res = await fed.post(`/api/programmes/${programmeId}/targets`, { code, ...body });
    expect(res.status).toBe(200);
    target[code] = res.body.id;
  }
});
afterAll(async () => { await t?.close(); });

describe('targets as data', () => {
  it('refuses a target naming an indicator that does not exist, with the field', async () => {
    const res = await fed.post(`/api/programmes/${programmeId}/targets`, { code: 'X1', title: 'Chỉ tiêu không có chỉ số', indicatorKey: 'no_such_indicator', comparison: 'gte', thresholds: [{ sectors: null, value: 5 }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'unknown_indicator', field: 'indicatorKey' });
  });

  it('refuses a ratio threshold outside 0–100%', async () => {
    const res = await fed.post(`/api/programmes/${programmeId}/targets`, { code: 'X2', title: 'Tỷ lệ vượt trăm phần trăm', indicatorKey: 'grassroots_report_accepted', comparison: 'gte', thresholds: [{ sectors: null, value: 120 }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'threshold_out_of_range', field: 'thresholds' });
  });

  it('a grassroots union sees the city programme that applies to it; another city does not', async () => {
    expect((await gro.get(`/api/programmes?unitId=${t.ids.a}`)).body.map((p: any) => p.id)).toContain(programmeId);
    expect((await gro.get(`/api/programmes/${programmeId}`)).body.targets).toHaveLength(3);
    expect((await groz.get(`/api/programmes/${programmeId}`)).status).toBe(404);
  });

  it('an observer reads the dashboard but cannot write a programme', async () => {
    expect((await dash(obs, t.ids.city)).status).toBe(200);
    const res = await obs.post('/api/programmes', { unitId: t.ids.city, issuer: 'Ban Dân vận', title: 'Chương trình của người quan sát', yearFrom: 2025, yearTo: 2025 });
    expect(res.status).toBe(403);
  });
});

describe('dashboard computed live', () => {
  it('counts the grassroots unions founded in the year and in the first half', async () => {
    const year = await dash(fed, t.ids.city);
    expect(year.status).toBe(200);
    // N1 (March 2025) and S1 (August 2025); O1 was founded in 2024.
    expect(byCode(year.body, 'F')).toMatchObject({ source: 'computed', light: 'green', groups: [{ value: 2, threshold: 2, gap: 0 }] });
    const half = await dash(fed, t.ids.city, 'year=2025&half=1');
    expect(byCode(half.body, 'F').groups[0]).toMatchObject({ value: 1, light: 'red' });
  });

  it('ranks the units below by a target and drills down to the records', async () => {
    const ranked = await fed.get(`/api/programme/dashboard/units?unitId=${t.ids.city}&year=2025&targetId=${target.F}`);
    expect(ranked.status).toBe(200);
    const top = ranked.body.rows.slice(0, 2).map((r: any) => r.unitId).sort();
    expect(top).toEqual([unit.n1, unit.s1].sort());
    expect(ranked.body.rows.find((r: any) => r.unitId === t.ids.a)).toMatchObject({ value: 0 });
    const records = await obs.get(`/api/programme/dashboard/records?unitId=${t.ids.city}&year=2025&targetId=${target.F}`);
    expect(records.status).toBe(200);
    expect(records.body.total).toBe(2);
    expect(records.body.rows.map((r: any) => r.code).sort()).toEqual(['CDCS-N1', 'CDCS-S1']);
  });

  it('a count target shows the share the city assigned to the grassroots union, and no light without one', async () => {
    expect(byCode((await dash(gro, t.ids.a)).body, 'F').groups[0]).toMatchObject({ value: 0, threshold: null, light: 'grey' });
    const res = await fed.put(`/api/targets/${target.F}/shares`, { year: 2025, shares: [{ unitId: t.ids.a, value: 1 }] });
    expect(res.status).toBe(200);
    expect(byCode((await dash(gro, t.ids.a)).body, 'F').groups[0]).toMatchObject({ value: 0, threshold: 1, light: 'red' });
    const outside = await fed.put(`/api/targets/${target.F}/shares`, { year: 2025, shares: [{ unitId: t.ids.z, value: 1 }] });
    expect(outside.body.code).toBe('share_outside');
  });

  it('a target without data says so; a hand-entered value shows who entered it', async () => {
    expect(byCode((await dash(fed, t.ids.city)).body, 'M')).toMatchObject({ source: 'none', light: 'grey', groups: [{ status: 'no_data', value: null }] });
    expect((await obs.post('/api/programme/manual-values', { indicatorKey: 'manual.federation_rating', unitId: t.ids.city, year: 2025, numerator: 1 })).status).toBe(403);
    const res = await fed.post('/api/programme/manual-values', { indicatorKey: 'manual.federation_rating', unitId: t.ids.city, year: 2025, numerator: 1, note: 'Tỉnh xếp loại' });
    expect(res.status).toBe(200);
    expect(byCode((await dash(fed, t.ids.city)).body, 'M')).toMatchObject({ source: 'manual', light: 'green', manual: { enteredBy: 'Nguyễn Văn Liên' }, groups: [{ value: 1 }] });
    const computed = await fed.post('/api/programme/manual-values', { indicatorKey: 'grassroots_founded', unitId: t.ids.city, year: 2025, numerator: 9 });
    expect(computed.body.code).toBe('indicator_computed');
  });

  it('refuses a period that has not started', async () => {
    const res = await dash(fed, t.ids.city, 'year=2099');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'period_not_started', field: 'year' });
  });

  it('compares with last year', async () => {
    const res = await fed.get(`/api/programme/dashboard/compare?unitId=${t.ids.city}&year=2025`);
    expect(res.status).toBe(200);
    expect(res.body.rows.find((r: any) => r.code === 'F')).toMatchObject({ value: 2, lastYear: 1 });
  });
});

describe('periodic reports up the tree', () => {
  let aReport: any;
  let cityReport: any;

  it('a grassroots union writes and submits its report; submitting twice is refused', async () => {
    const created = await gro.post('/api/reports', { unitId: t.ids.a, kind: 'year', year: 2025 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', frozen: false });
    const edited = await gro.patch(`/api/reports/${created.body.id}`, { rowVersion: created.body.rowVersion, narrative: [{ heading: 'Kết quả', body: 'Tổ chức 4 buổi đối thoại.' }] });
    expect(edited.status).toBe(200);
    const submitted = await gro.post(`/api/reports/${created.body.id}/submit`, { rowVersion: edited.body.rowVersion });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', frozen: true, submittedBy: 'Trần Thị Cơ Sở' });
    const again = await gro.post(`/api/reports/${created.body.id}/submit`, { rowVersion: submitted.body.rowVersion });
    expect(again.body.code).toBe('already_submitted');
    aReport = submitted.body;
  });

  it('the grassroots union cannot accept its own report; the federation returns it with comments', async () => {
    expect((await gro.post(`/api/reports/${aReport.id}/accept`, { rowVersion: aReport.rowVersion })).status).toBe(403);
    const noComment = await fed.post(`/api/reports/${aReport.id}/return`, { rowVersion: aReport.rowVersion });
    expect(noComment.body).toMatchObject({ code: 'comment_required', field: 'comment' });
    const returned = await fed.post(`/api/reports/${aReport.id}/return`, { rowVersion: aReport.rowVersion, comment: 'Bổ sung số liệu đối thoại.' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu đối thoại.', frozen: false });
    const resubmitted = await gro.post(`/api/reports/${aReport.id}/submit`, { rowVersion: returned.body.rowVersion });
    const accepted = await fed.post(`/api/reports/${aReport.id}/accept`, { rowVersion: resubmitted.body.rowVersion });
    expect(accepted.body).toMatchObject({ status: 'accepted', reviewedBy: 'Nguyễn Văn Liên' });
    const events = (await gro.get(`/api/reports/${aReport.id}/events`)).body.map((e: any) => e.action);
    expect(events).toEqual(['created', 'edited', 'submitted', 'returned', 'submitted', 'accepted']);
  });

  it('the share of grassroots unions with an accepted report counts by sector and leaves exempted units out', async () => {
    // End of 2025: state S1 (0 of 1); others A (accepted), B, N1, O1 → 1 of 4.
    let r = byCode((await dash(fed, t.ids.city)).body, 'R');
    expect(r.groups.map((g: any) => [g.numerator, g.denominator, g.value])).toEqual([[0, 1, 0], [1, 4, 25]]);
    const ex = await fed.post('/api/reports/exempt', { unitId: t.ids.b, kind: 'year', year: 2025, comment: 'Trường sáp nhập giữa năm' });
    expect(ex.status).toBe(200);
    r = byCode((await dash(fed, t.ids.city)).body, 'R');
    expect(r.groups[1]).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    // A grassroots union itself: 1 of 1.
    expect(byCode((await dash(gro, t.ids.a)).body, 'R').groups[1]).toMatchObject({ value: 100, light: 'green' });
  });

  it('the federation sees who has not submitted, and cannot submit until every unit below is accepted or exempted', async () => {
    const board = await fed.get(`/api/reports/board?unitId=${t.ids.city}&kind=year&year=2025`);
    expect(board.body.pending).toBe(3);
    expect(board.body.children.filter((c: any) => c.status === null).map((c: any) => c.code).sort()).toEqual(['CDCS-N1', 'CDCS-O1', 'CDCS-S1']);
    cityReport = (await fed.post('/api/reports', { unitId: t.ids.city, kind: 'year', year: 2025 })).body;
    const blocked = await fed.post(`/api/reports/${cityReport.id}/submit`, { rowVersion: cityReport.rowVersion });
    expect(blocked.status).toBe(400);
    expect(blocked.body.code).toBe('children_pending');
    expect(blocked.body.message).toMatch(/còn 3 đơn vị/);
    for (const id of [unit.n1, unit.s1, unit.o1]) {
      expect((await fed.post('/api/reports/exempt', { unitId: id, kind: 'year', year: 2025, comment: 'Mới thành lập, chưa đủ kỳ' })).status).toBe(200);
    }
    const ok = await fed.post(`/api/reports/${cityReport.id}/submit`, { rowVersion: cityReport.rowVersion });
    expect(ok.status).toBe(200);
    cityReport = ok.body;
    expect(byCode(cityReport.figures, 'F').groups[0].value).toBe(2);
  });

  it('submitted figures are frozen: a later correction of the records does not change them', async () => {
    await mkUnit('CDCS-LATE', 'non_state', '2025-11-15');
    expect(byCode((await dash(fed, t.ids.city)).body, 'F').groups[0].value).toBe(3);
    const accepted = await admin.post(`/api/reports/${cityReport.id}/accept`, { rowVersion: cityReport.rowVersion });
    expect(accepted.status).toBe(200);
    const again = await obs.get(`/api/reports/${cityReport.id}`);
    expect(byCode(again.body.figures, 'F').groups[0].value).toBe(2);
    // A correction is a new version; the accepted one stays.
    const revised = await fed.post(`/api/reports/${cityReport.id}/revise`, { rowVersion: accepted.body.rowVersion });
    expect(revised.body).toMatchObject({ version: 2, status: 'draft' });
    expect(byCode(revised.body.figures, 'F').groups[0].value).toBe(3);
    expect((await obs.get(`/api/reports/${cityReport.id}`)).body.status).toBe('accepted');
  });

  it('refuses a report for a period that has not started', async () => {
    const res = await gro.post('/api/reports', { unitId: t.ids.a, kind: 'half_year', year: 2099 });
    expect(res.body).toMatchObject({ code: 'period_not_started' });
  });
});
