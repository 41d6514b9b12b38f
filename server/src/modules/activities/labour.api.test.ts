import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let gro: Client;
let fed: Client;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const plusDays = (n: number) => new Date(Date.parse(today() + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);
const agreement = (extra: Record<string, unknown> = {}) => ({
  unitId: t.ids.a, level: 'enterprise', enterpriseId: t.ids.activities.enterpriseA, title: 'Thỏa ước lao động tập thể Công ty TNHH May Lộc Sơn',
  number: '01/2025/TƯLĐTT', signedOn: plusDays(-30), expiresOn: plusDays(700), employerParty: 'Ông Nguyễn Văn Chủ – Giám đốc',
  unionParty: 'Bà Trần Thị Cơ Sở – Chủ tịch CĐCS', workersCovered: 120, membersCovered: 110, ...extra,
  clauses: [
    { topic: 'meals', title: 'Tiền ăn giữa ca', value: 30000, valueUnit: 'vnd_meal', legalValue: 0 },
    { topic: 'leave', title: 'Nghỉ phép năm', value: 14, valueUnit: 'days', legalValue: 12 },
  ],
});

beforeAll(async () => {
  t = await startTestApp();
  gro = await t.as('gro');
  fed = await t.as('fed');
});
afterAll(async () => { await t?.close(); });

describe('collective agreements', () => {
  it('refuses an agreement that expires before it is signed', async () => {
    const res = await gro.post('/api/agreements', agreement({ signedOn: '2025-01-10', expiresOn: '2024-12-31' }));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('expiresOn');
    expect(res.body.message).toMatch(/hết hạn phải sau ngày ký/);
    const long = await gro.post('/api/agreements', agreement({ signedOn: '2025-01-10', expiresOn: '2029-01-10' }));
    expect(long.body).toMatchObject({ code: 'term_too_long', field: 'expiresOn' });
  });

  it('keeps clauses comparable across agreements and flags a registration not sent in time', async () => {
    const res = await gro.post('/api/agreements', agreement());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_force', registrationOverdue: true, clauses: [expect.objectContaining({ topic: 'meals', value: 30000 }), expect.anything()] });
    const cmp = await fed.get(`/api/agreements/compare?unitId=${t.ids.city}&topic=leave`);
    expect(cmp.body).toEqual([expect.objectContaining({ enterpriseName: 'Công ty TNHH May Lộc Sơn', value: 14, legalValue: 12, aboveLaw: 2 })]);
    const reg = await gro.patch(`/api/agreements/${res.body.id}`, { version: 1, registeredOn: plusDays(-25), registrationAuthority: 'Phòng Nội vụ TP. Bảo Lộc' });
    expect(reg.body.registrationOverdue).toBe(false);
  });

  it('warns 90 and 30 days before expiry for the home page', async () => {
    await gro.post('/api/agreements', agreement({ title: 'Thỏa ước sắp hết hạn', signedOn: '2024-06-01', expiresOn: plusDays(20) }));
    await gro.post('/api/agreements', agreement({ title: 'Thỏa ước còn hai tháng', signedOn: '2024-06-01', expiresOn: plusDays(60) }));
    const alerts = await fed.get(`/api/agreements/alerts?unitId=${t.ids.city}`);
    expect(alerts.body.counts).toEqual([{ days: 90, count: 2 }, { days: 30, count: 1 }]);
    expect(alerts.body.rows.map((r: { title: string; window: number }) => [r.title, r.window])).toEqual([['Thỏa ước sắp hết hạn', 30], ['Thỏa ước còn hai tháng', 90]]);
  });
});

describe('labour disputes and stoppages', () => {
  it('a dispute without an enterprise is refused by the field', async () => {
    const res = await gro.post('/api/disputes', { kind: 'work_stoppage', startedOn: '2025-03-02' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation', field: 'enterpriseId' });
    expect(res.body.message).toMatch(/doanh nghiệp/);
  });

  it('records a stoppage at the enterprise union and charts it by month', async () => {
    const res = await gro.post('/api/disputes', {
      enterpriseId: t.ids.activities.enterpriseA, kind: 'work_stoppage', startedOn: '2025-03-02', endedOn: '2025-03-03', workersInvolved: 85,
      causes: ['wage_arrears', 'meals'], unionRole: 'represented', resolutionMethod: 'negotiation', outcome: 'partly_met',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ unitId: t.ids.a, enterpriseName: 'Công ty TNHH May Lộc Sơn' });
    await gro.post('/api/disputes', { enterpriseId: t.ids.activities.enterpriseA, kind: 'individual', startedOn: '2025-03-20', causes: ['dismissal'] });
    const chart = await fed.get(`/api/disputes/monthly?unitId=${t.ids.city}&year=2025`);
    expect(chart.body.months[2]).toMatchObject({ month: 3, individual: 1, work_stoppage: 1, workers: 85 });
    const strike = await fed.get(`/api/activities/indicators?unitId=${t.ids.city}&from=2025-01-01&to=2025-12-31`);
    expect(strike.body.find((i: { key: string }) => i.key === 'strikes_count')).toMatchObject({ value: 1 });
    expect((await gro.post('/api/disputes', { enterpriseId: t.ids.activities.enterpriseZ, kind: 'strike', startedOn: '2025-01-05' })).status).toBe(404);
  });
});

describe('legal advice and support', () => {
  it('only the handling officer and the federation read the details; others see that a case exists', async () => {
    const hang = Number((await t.database.db.selectFrom('member').select('id').where('full_name', '=', 'Nguyễn Thị Hằng').executeTakeFirstOrThrow()).id);
    const mine = await gro.post('/api/legal-cases', {
      unitId: t.ids.a, memberId: hang, kind: 'advice', channel: 'in_person', topic: 'social_insurance', openedOn: '2025-04-01',
      caseDetails: 'Công ty chậm đóng BHXH 6 tháng', adviceGiven: 'Hướng dẫn đề nghị công đoàn cấp trên can thiệp',
    });
    expect(mine.body).toMatchObject({ requesterName: 'Nguyễn Thị Hằng', caseDetails: 'Công ty chậm đóng BHXH 6 tháng', confidentialVisible: true });
    const fedView = await fed.get(`/api/legal-cases/${mine.body.id}`);
    expect(fedView.body.caseDetails).toBe('Công ty chậm đóng BHXH 6 tháng');
    for (const who of ['obs', 'insp']) {
      const view = await (await t.as(who)).get(`/api/legal-cases?unitId=${t.ids.city}`);
      expect(view.body.rows[0]).toMatchObject({ requesterName: '•••', caseDetails: '•••', adviceGiven: '•••', topic: 'social_insurance', confidentialVisible: false });
      expect(JSON.stringify(view.body)).not.toMatch(/BHXH|Hằng/);
    }
    const theirs = await fed.post('/api/legal-cases', {
      unitId: t.ids.a, requesterName: 'Lê Thị Lao Động', kind: 'support', channel: 'hotline', topic: 'dismissal', openedOn: '2025-05-01',
      caseDetails: 'Bị chấm dứt hợp đồng khi đang mang thai',
    });
    const groView = await gro.get(`/api/legal-cases/${theirs.body.id}`);
    expect(groView.body).toMatchObject({ requesterName: '•••', caseDetails: '•••', handlerName: 'Nguyễn Văn Liên' });
    expect((await gro.patch(`/api/legal-cases/${theirs.body.id}`, { version: 1, status: 'closed', closedOn: '2025-06-01' })).status).toBe(404);
    const audit = await fed.get(`/api/audit?entity=legal_case&entityId=${theirs.body.id}`);
    expect(JSON.stringify(audit.body)).not.toMatch(/mang thai/);
  });
});
