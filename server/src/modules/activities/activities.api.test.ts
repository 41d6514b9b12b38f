import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import ExcelJS from 'exceljs';
import { cardToken } from '../members/card.ts';

let t: TestApp;
let gro: Client;
let fed: Client;
let studyKind: number;
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(name: string, content: Buffer, type = 'application/pdf') {
  const boundary = '----cds' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const member = async (name: string) => Number((await t.database.db.selectFrom('member').select('id').where('full_name', '=', name).executeTakeFirstOrThrow()).id);
const study = (extra: Record<string, unknown> = {}) => ({
  unitId: t.ids.a, kindId: studyKind, title: 'Học tập chuyên đề năm 2025 về tư tưởng Hồ Chí Minh', startsOn: '2025-05-19', status: 'held',
  organiser: 'Ban Chấp hành CĐCS', place: 'Hội trường công ty', coOrganisers: [{ kind: 'employer', name: 'Ban Giám đốc Công ty' }], ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  gro = await t.as('gro');
  fed = await t.as('fed');
  studyKind = t.ids.activities.studyKind;
});
afterAll(async () => { await t?.close(); });

describe('activities', () => {
  it('refuses a held activity dated in the future, accepts it as planned', async () => {
    const res = await gro.post('/api/activities', study({ startsOn: '2099-01-10' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'held_in_future', field: 'startsOn' });
    const planned = await gro.post('/api/activities', study({ startsOn: '2099-01-10', status: 'planned' }));
    expect(planned.body).toMatchObject({ status: 'planned', kindName: 'Học tập, quán triệt nghị quyết', category: 'study', unitName: 'Công đoàn cơ sở Công ty TNHH May Lộc Sơn' });
    const early = await gro.post(`/api/activities/${planned.body.id}/attendance`, { memberIds: [await member('Nguyễn Thị Hằng')] });
    expect(early.body.code).toBe('activity_not_held');
  });

  it('end before start and more women than people are refused by the field', async () => {
    const res = await gro.post('/api/activities', study({ endsOn: '2025-05-01' }));
    expect(res.body).toMatchObject({ code: 'validation', field: 'endsOn' });
    const counts = await gro.post('/api/activities', study({ attendanceMode: 'counts', countTotal: 10, countFemale: 12 }));
    expect(counts.body).toMatchObject({ code: 'validation', field: 'countFemale' });
    const none = await gro.post('/api/activities', study({ attendanceMode: 'counts' }));
    expect(none.body).toMatchObject({ code: 'counts_required', field: 'countTotal' });
  });

  it('marks members present, refuses a member of another union and reports those already present', async () => {
    const a = (await gro.post('/api/activities', study())).body;
    const hang = await member('Nguyễn Thị Hằng');
    const doan = await member('Hoàng Văn Đoàn');
    expect((await gro.post(`/api/activities/${a.id}/attendance`, { memberIds: [hang, doan] })).body).toEqual({ added: 2, already: 0 });
    expect((await gro.post(`/api/activities/${a.id}/attendance`, { memberIds: [hang] })).body).toEqual({ added: 0, already: 1 });
    const giao = await member('Lê Văn Giáo');
    const outside = await fed.post(`/api/activities/${a.id}/attendance`, { memberIds: [giao] });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ code: 'member_outside_unit', field: 'memberIds' });
    const far = await fed.post(`/api/activities/${a.id}/attendance`, { memberIds: [t.ids.outsideMember] });
    expect(far.body.code).toBe('member_outside_unit');
    expect(JSON.stringify(far.body)).not.toMatch(/ZZNGOAI/);
    const list = await gro.get(`/api/activities/${a.id}/attendance`);
    expect(list.body.rows.map((r: { fullName: string }) => r.fullName)).toEqual(['Hoàng Văn Đoàn', 'Nguyễn Thị Hằng']);
    const candidates = await gro.get(`/api/activities/${a.id}/attendance/candidates?q=hang`);
    expect(candidates.body.rows).toEqual([expect.objectContaining({ fullName: 'Nguyễn Thị Hằng', present: true })]);
    expect((await gro.get(`/api/activities/${a.id}`)).body).toMatchObject({ attendees: 2, attendance: { members: 2, female: 1 } });
  });

  it('scans a member e-card QR at the door; a forged or replaced card is refused', async () => {
    const a = (await gro.post('/api/activities', study({ title: 'Tuyên truyền pháp luật lao động' }))).body;
    const hang = await member('Nguyễn Thị Hằng');
    const token = cardToken({ memberId: hang, cardNumber: 'CARD2222', validUntil: '2029-05-10' });
    const scan = await gro.post(`/api/activities/${a.id}/attendance/scan`, { token: `http://localhost/the/${token}` });
    expect(scan.body).toMatchObject({ status: 'added', member: { fullName: 'Nguyễn Thị Hằng' } });
    expect((await gro.post(`/api/activities/${a.id}/attendance/scan`, { cardNumber: 'CARD2222' })).body.status).toBe('already');
    const forged = await gro.post(`/api/activities/${a.id}/attendance/scan`, { token: token.slice(0, -3) + 'abc' });
    expect(forged.body).toMatchObject({ code: 'card_invalid' });
    const old = cardToken({ memberId: hang, cardNumber: 'CARD0000', validUntil: '2029-05-10' });
    expect((await gro.post(`/api/activities/${a.id}/attendance/scan`, { token: old })).body.code).toBe('card_replaced');
    const stranger = await gro.post(`/api/activities/${a.id}/attendance/scan`, { cardNumber: 'CARD4444' });
    expect(stranger.body.code).toBe('member_outside_unit');
  });

  it('lists with filters and search without diacritics, and shows the month calendar and year grid', async () => {
    const list = await fed.get(`/api/activities?unitId=${t.ids.city}&category=study&q=tu tuong ho chi minh`);
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.rows.every((r: { category: string }) => r.category === 'study')).toBe(true);
    const cal = await fed.get(`/api/activities/calendar?unitId=${t.ids.city}&from=2025-05-01&to=2025-05-31`);
    expect(cal.body.length).toBeGreaterThan(0);
    const grid = await fed.get(`/api/activities/overview?unitId=${t.ids.a}&year=2025`);
    expect(grid.body.grid).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'study', month: 5 })]));
    expect(grid.body.indicators.map((i: { key: string }) => i.key)).toContain('study_participation');
    const xlsx = await fed.get(`/api/activities/export?unitId=${t.ids.city}`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('keeps the minutes as a file served only inside the scope; other file types are refused', async () => {
    const a = (await gro.post('/api/activities', study({ title: 'Học tập nghị quyết có biên bản' }))).body;
    const up = multipart('biên bản học tập.pdf', PDF);
    const res = await gro.request('POST', `/api/documents?ownerType=activity&ownerId=${a.id}&kind=minutes`, up.body, up.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const docs = await gro.get(`/api/documents?ownerType=activity&ownerId=${a.id}`);
    expect(docs.body[0]).toMatchObject({ fileName: 'biên bản học tập.pdf', mime: 'application/pdf', kind: 'minutes' });
    const file = await fed.get(`/api/documents/${docs.body[0].id}/file`);
    expect(file.raw.equals(PDF)).toBe(true);
    const groz = await t.as('groz');
    expect((await groz.get(`/api/documents/${docs.body[0].id}/file`)).status).toBe(404);
    const exe = multipart('virus.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    const bad = await gro.request('POST', `/api/documents?ownerType=activity&ownerId=${a.id}`, exe.body, exe.headers);
    expect(bad.body).toMatchObject({ code: 'file_type' });
    const removed = await gro.post(`/api/documents/${docs.body[0].id}/remove`, { reason: 'Tải nhầm tệp' });
    expect(removed.status).toBe(200);
    expect((await gro.get(`/api/documents?ownerType=activity&ownerId=${a.id}`)).body).toEqual([]);
  });

  it('records a dialogue as the law asks, with follow-ups, and lists the unions still due', async () => {
    const due = await fed.get(`/api/activities/due?unitId=${t.ids.city}&year=2025&category=dialogue`);
    expect(due.body.map((r: { unitName: string }) => r.unitName)).toEqual(['Công đoàn cơ sở Công ty TNHH May Lộc Sơn']);
    const d = (await gro.post('/api/activities', study({ kindId: t.ids.activities.dialogueKind, title: 'Đối thoại định kỳ năm 2025', startsOn: '2025-06-20', enterpriseId: t.ids.activities.enterpriseA }))).body;
    expect(d.recordForm).toBe('dialogue');
    const saved = await gro.put(`/api/activities/${d.id}/meeting`, {
      periodYear: 2025, periodPart: 'year',
      employerParticipants: [{ name: 'Nguyễn Văn Chủ', position: 'Giám đốc' }], workerParticipants: [{ name: 'Trần Thị Cơ Sở', position: 'Chủ tịch CĐCS' }],
      issues: [{ raisedBy: 'workers', topic: 'Tiền ăn giữa ca', content: 'Đề nghị nâng lên 30.000 đồng/bữa' }],
      agreements: [{ content: 'Nâng tiền ăn ca lên 28.000 đồng từ 01/7/2025' }],
    });
    expect(saved.body.record).toMatchObject({ periodYear: 2025, version: 1 });
    const stale = await gro.put(`/api/activities/${d.id}/meeting`, { periodYear: 2025, version: 0 });
    expect(stale.status).toBe(409);
    const f = await gro.post(`/api/activities/${d.id}/followups`, { content: 'Điều chỉnh tiền ăn ca', owner: 'Phòng Hành chính – Nhân sự', dueOn: '2025-07-01' });
    expect(f.body.followups[0]).toMatchObject({ owner: 'Phòng Hành chính – Nhân sự', overdue: true });
    const open = await fed.get(`/api/activities/followups?unitId=${t.ids.city}`);
    expect(open.body[0]).toMatchObject({ content: 'Điều chỉnh tiền ăn ca', overdue: true });
    const done = await gro.patch(`/api/meeting-followups/${f.body.followups[0].id}`, { status: 'done', doneOn: '2025-06-30', version: 1 });
    expect(done.body.followups[0].status).toBe('done');
    expect((await fed.get(`/api/activities/due?unitId=${t.ids.city}&year=2025&category=dialogue`)).body).toEqual([]);
  });

  it('reads an attendance sheet: exact names and card numbers match, others get suggestions without diacritics, nothing is guessed', async () => {
    const a = (await gro.post('/api/activities', study({ title: 'Học tập có danh sách giấy' }))).body;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Danh sách');
    ws.addRow(['DANH SÁCH ĐOÀN VIÊN THAM DỰ HỌC TẬP NGHỊ QUYẾT']);
    ws.addRow([]);
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đoàn viên', 'Ký tên']);
    ws.addRow([1, 'Nguyễn Thị Hằng', 1990, null, 'đã ký']);
    ws.addRow([2, 'Ông Đoàn', null, 'CARD1111', 'đã ký']);
    ws.addRow([3, 'nguyen thi hang', null, null, '']);
    ws.addRow([4, 'Phạm Văn Không Có', null, null, '']);
    const up = multipart('diem-danh.xlsx', Buffer.from(await book.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const res = await gro.request('POST', `/api/activities/${a.id}/attendance/import`, up.body, up.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toBe(4);
    expect(res.body.matched.map((m: { fullName: string; by: string }) => [m.fullName, m.by])).toEqual([['Nguyễn Thị Hằng', 'name'], ['Hoàng Văn Đoàn', 'card']]);
    expect(res.body.unmatched[0]).toMatchObject({ name: 'Nguyen Thi Hang', reason: 'not_found', suggestions: [expect.objectContaining({ fullName: 'Nguyễn Thị Hằng' })] });
    expect(res.body.unmatched[1]).toMatchObject({ name: 'Phạm Văn Không Có', reason: 'not_found' });
    expect((await gro.get(`/api/activities/${a.id}`)).body.attendees).toBe(0);
  });

  it('a federation adds its own activity kind for its subtree', async () => {
    const res = await fed.post('/api/activity-kinds', { unitId: t.ids.city, name: 'Giải bóng đá công nhân Bảo Lộc', category: 'culture_sports' });
    expect(res.status).toBe(200);
    const kinds = await gro.get(`/api/activity-kinds?unitId=${t.ids.a}`);
    expect(kinds.body.map((k: { name: string }) => k.name)).toContain('Giải bóng đá công nhân Bảo Lộc');
    expect(JSON.stringify(kinds.body)).not.toMatch(/ZZNGOAI/);
    expect((await gro.post('/api/activity-kinds', { unitId: t.ids.a, name: 'Loại riêng', category: 'other' })).status).toBe(403);
  });
});
