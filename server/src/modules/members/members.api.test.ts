import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { membersAtDate } from './queries.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const admission = (unitId: number, extra: Record<string, unknown> = {}) => ({
  unitId, fullName: 'Phạm Thị Thu Hà', sex: 'female', birthDate: '1995-03-02', citizenId: '068 195 777 888', phone: '+84 912 777 888',
  joinedOn: '2026-02-15', decisionNo: '12/QĐ-CĐCS', ethnicity: 'Kinh', religion: 'Không', ...extra,
});

describe('member registry', () => {
  it('search ignores diacritics and case, and finds by CCCD or phone fragment', async () => {
    const gro = await t.as('gro');
    for (const q of ['nguyen thi hang', 'Nguyễn Thị Hằng', 'HANG', '0002222', '90002222']) {
      const res = await gro.get(`/api/members?unitId=${t.ids.a}&q=${encodeURIComponent(q)}`);
      expect(res.body.rows.map((m: { fullName: string }) => m.fullName), q).toEqual(['Nguyễn Thị Hằng']);
    }
  });

  it('lists by given name in the Vietnamese alphabet (Đoàn, Giáo, Hằng), inside the caller subtree only', async () => {
    const fed = await t.as('fed');
    const res = await fed.get(`/api/members?unitId=${t.ids.city}`);
    expect(res.body.rows.map((m: { fullName: string }) => m.fullName)).toEqual(['Hoàng Văn Đoàn', 'Lê Văn Giáo', 'Nguyễn Thị Hằng']);
    const gro = await t.as('gro');
    expect((await gro.get(`/api/members?unitId=${t.ids.city}`)).status).toBe(404);
  });

  it('masks CCCD, ethnicity, religion and party for the inspection committee', async () => {
    const insp = await t.as('insp');
    const row = (await insp.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0];
    expect(row).toMatchObject({ citizenId: '•••••••••222', ethnicity: '•••', religion: '•••', partyMember: null, sensitiveVisible: false });
    const gro = await t.as('gro');
    expect((await gro.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0].citizenId).toBe('068190002222');
  });

  it('admits a member with normalised CCCD and phone, refuses the same CCCD twice', async () => {
    const gro = await t.as('gro');
    const res = await gro.post('/api/members', admission(t.ids.a));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ citizenId: '068195777888', phone: '0912777888', status: 'active' });
    expect(res.body.events[0]).toMatchObject({ kind: 'admission', decisionNo: '12/QĐ-CĐCS' });
    const again = await gro.post('/api/members', admission(t.ids.a, { fullName: 'Người Khác' }));
    expect(again.body).toMatchObject({ code: 'duplicate_citizen_id', field: 'citizenId' });
  });

  it('refuses bad input in Vietnamese: malformed CCCD, birth after joining, a union group of another union', async () => {
    const gro = await t.as('gro');
    const bad = await gro.post('/api/members', admission(t.ids.a, { citizenId: '12345', fullName: 'Sai Số' }));
    expect(bad.body).toMatchObject({ code: 'validation', field: 'citizenId' });
    expect(bad.body.message).toMatch(/CCCD/);
    const late = await gro.post('/api/members', admission(t.ids.a, { citizenId: null, birthDate: '2026-03-01', fullName: 'Sinh Muộn' }));
    expect(late.body.code).toBe('birth_after_joining');
    const group = await gro.post('/api/members', admission(t.ids.a, { citizenId: null, groupId: t.ids.z1, fullName: 'Sai Tổ' }));
    expect(group.body.code).toBe('invalid_group');
  });

  it('a dissolved union receives no new members', async () => {
    const fed = await t.as('fed');
    const unit = (await fed.post('/api/units', { parentId: t.ids.city, kind: 'grassroots', grassrootsKind: 'small', sector: 'non_state', code: 'CDCS-GT', name: 'Công đoàn cơ sở Quán Giải Thể' })).body;
    await fed.post(`/api/units/${unit.id}/dissolve`, { onDate: '2026-05-01', reason: 'Doanh nghiệp ngừng hoạt động', version: unit.version });
    const res = await fed.post('/api/members', admission(unit.id, { citizenId: null, fullName: 'Đến Muộn' }));
    expect(res.body.code).toBe('unit_dissolved');
  });

  it('transfers a member: leaves A, arrives at B, and past counts still say what they said', async () => {
    const fed = await t.as('fed');
    const gro = await t.as('gro');
    const m = (await gro.get(`/api/members?unitId=${t.ids.a}&q=hang`)).body.rows[0];
    const aPath = (await fed.get(`/api/units/${t.ids.a}`)).body.path;
    const countA = async (date: string) => (await membersAtDate(aPath, date).execute(t.database.db)).rows[0].n;
    const before = await countA('2026-03-31');
    const res = await fed.post(`/api/members/${m.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-04-01', decisionNo: '05/QĐ-LĐLĐ', version: m.version });
    expect(res.status).toBe(200);
    expect(res.body.unitId).toBe(t.ids.b);
    expect(res.body.events.map((e: { kind: string }) => e.kind).slice(0, 2).sort()).toEqual(['transfer_in', 'transfer_out']);
    expect(await countA('2026-03-31')).toBe(before);
    expect(await countA('2026-04-01')).toBe(before - 1);
    // the grassroots officer of A no longer sees her
    expect((await gro.get(`/api/members/${m.id}`)).status).toBe(404);
  });


  it('leaving keeps the record with its reason; a stale version is a conflict', async () => {
    const gro = await t.as('gro');
    const created = (await gro.post('/api/members', admission(t.ids.a, { citizenId: '068090123123', fullName: 'Vũ Văn Nghỉ', joinedOn: '2020-01-01' }))).body;
    const res = await gro.post(`/api/members/${created.id}/leave`, { kind: 'leave', onDate: '2026-06-30', reason: 'Chấm dứt hợp đồng lao động', version: created.version });
    expect(res.body).toMatchObject({ status: 'left', leftOn: '2026-06-30', leftReason: 'Chấm dứt hợp đồng lao động' });
    const stale = await gro.patch(`/api/members/${created.id}`, { version: created.version, job: 'Thợ may' });
    expect(stale.status).toBe(409);
  });

  it('issues a card whose QR verifies publicly without sensitive data, and a tampered token fails', async () => {
    const gro = await t.as('gro');
    const created = (await gro.post('/api/members', admission(t.ids.a, { citizenId: '068091456456', fullName: 'Đinh Thị Thẻ' }))).body;
    const issued = (await gro.post(`/api/members/${created.id}/card`)).body;
    expect(issued.cardNumber).toMatch(/^\d{11}$/);
    const card = (await gro.get(`/api/members/${created.id}/card`)).body;
    expect(card.qr).toMatch(/^data:image\/png;base64,/);
    const ok = await t.anonymous.get(`/api/cards/verify/${card.token}`);
    expect(ok.body).toMatchObject({ valid: true, fullName: 'Đinh Thị Thẻ', unitName: 'Công đoàn cơ sở Công ty TNHH May Lộc Sơn' });
    expect(Object.keys(ok.body).sort()).toEqual(['fullName', 'reason', 'unitName', 'valid', 'validUntil']);
    expect(JSON.stringify(ok.body)).not.toContain('068091456456');
    const [payload, signature] = card.token.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(/^\d+/, String(t.ids.outsideMember))).toString('base64url');
    const bad = await t.anonymous.get(`/api/cards/verify/${forged}.${signature}`);
    expect(bad.body.code).toBe('card_invalid');
    const reissued = (await gro.post(`/api/members/${created.id}/card`)).body;
    expect(reissued.cardNumber).not.toBe(issued.cardNumber);
    expect((await t.anonymous.get(`/api/cards/verify/${card.token}`)).body).toMatchObject({ valid: false, reason: 'Thẻ đã được thay bằng thẻ khác.' });
    const current = (await gro.get(`/api/members/${created.id}/card`)).body;
    const left = (await gro.get(`/api/members/${created.id}`)).body;
    await gro.post(`/api/members/${created.id}/leave`, { kind: 'leave', onDate: '2026-11-01', reason: 'Nghỉ việc', version: left.version });
    expect((await t.anonymous.get(`/api/cards/verify/${current.token}`)).body).toMatchObject({ valid: false, reason: 'Người này không còn là đoàn viên công đoàn.' });
  });

  it('records the year assessment in bulk and refuses members of another union', async () => {
    const gro = await t.as('gro');
    const members = (await gro.get(`/api/members?unitId=${t.ids.a}`)).body.rows;
    const grid = (await gro.get(`/api/member-assessments?unitId=${t.ids.a}&year=2025`)).body;
    // Members by the end of 2025 only: one admitted in 2026 is not rated for 2025.
    const rows = members.filter((m: { joinedOn: string }) => m.joinedOn <= '2025-12-31');
    expect(rows.length).toBeLessThan(members.length);
    expect(grid.rows.map((r: { id: number }) => r.id).sort()).toEqual(rows.map((m: { id: number }) => m.id).sort());
    expect(grid.counts.unrated).toBe(rows.length);
    const ratings = rows.map((m: { id: number }, i: number) => ({ memberId: m.id, rating: i === 0 ? 'excellent' : 'good' }));
    const res = await gro.put('/api/member-assessments', { unitId: t.ids.a, year: 2025, ratings });
    expect(res.body).toMatchObject({ saved: rows.length, inserted: rows.length, updated: 0 });
    const again = await gro.put('/api/member-assessments', { unitId: t.ids.a, year: 2025, ratings });
    expect(again.body).toMatchObject({ saved: rows.length, inserted: 0, updated: 0 });
    const after = (await gro.get(`/api/member-assessments?unitId=${t.ids.a}&year=2025`)).body;
    expect(after.counts).toEqual({ excellent: 1, good: rows.length - 1, completed: 0, not_completed: 0, unrated: 0 });
    const detail = (await gro.get(`/api/members/${rows[0].id}`)).body;
    expect(detail.assessments).toEqual([{ year: 2025, rating: 'excellent', note: null, unitName: 'Công đoàn cơ sở Công ty TNHH May Lộc Sơn' }]);
    const fed = await t.as('fed');
    const summary = (await fed.get(`/api/member-assessments/summary?unitId=${t.ids.city}&year=2025`)).body;
    expect(summary.counts.excellent).toBe(1);
    expect(summary.byUnit.find((u: { unitId: number }) => u.unitId === t.ids.a)).toMatchObject({ excellent: 1, good: rows.length - 1, unrated: 0 });
    const future = await gro.put('/api/member-assessments', { unitId: t.ids.a, year: 2099, ratings });
    expect(future.body.code).toBe('year_in_future');
    const outside = await gro.put('/api/member-assessments', { unitId: t.ids.a, year: 2025, ratings: [{ memberId: t.ids.outsideMember, rating: 'good' }] });
    expect(outside.body.code).toBe('member_outside_unit');
  });

  it('records a Party recommendation and its outcome, which marks the member as a party member', async () => {
    const gro = await t.as('gro');
    const m = (await gro.get(`/api/members?unitId=${t.ids.a}&q=doan`)).body.rows[0];
    const rec = (await gro.post(`/api/members/${m.id}/party-recommendations`, { recommendedOn: '2026-03-10', decisionNo: '03/GT-CĐCS' })).body.recommendations[0];
    expect(rec).toMatchObject({ outcome: 'pending', decisionNo: '03/GT-CĐCS' });
    const early = await gro.patch(`/api/party-recommendations/${rec.id}`, { outcome: 'admitted', admittedOn: '2026-01-01', version: rec.version });
    expect(early.body.code).toBe('admitted_before_recommended');
    const done = await gro.patch(`/api/party-recommendations/${rec.id}`, { outcome: 'admitted', admittedOn: '2026-09-02', version: rec.version });
    expect(done.body).toMatchObject({ partyMember: true, partyJoinedOn: '2026-09-02' });
  });

  it('a member reads their own record and card, and nothing else', async () => {
    const mem = await t.as('mem');
    const me = await mem.get('/api/me/member');
    expect(me.body).toMatchObject({ fullName: 'Hoàng Văn Đoàn', card: { cardNumber: 'CARD1111', validUntil: '2029-05-10', active: true } });
    expect(me.body.card.qrSvg).toContain('<svg');
    expect([403, 404]).toContain((await mem.get(`/api/members?unitId=${t.ids.a}`)).status);
  });

  it('exports the current view to .xlsx with the title block', async () => {
    const gro = await t.as('gro');
    const res = await gro.get(`/api/members/export?unitId=${t.ids.a}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as never);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A2').value).toBe('DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN');
    const names = sheet.getColumn(2).values.filter((v) => typeof v === 'string');
    expect(names).toContain('Hoàng Văn Đoàn');
  });
});
