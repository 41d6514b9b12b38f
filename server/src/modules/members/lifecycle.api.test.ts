import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { membersAtDate } from './queries.ts';

let t: TestApp;
let fed: Client;
let gro: Client;
beforeAll(async () => {
  t = await startTestApp();
  fed = await t.as('fed');
  gro = await t.as('gro');
});
afterAll(async () => { await t?.close(); });

let seq = 0;
const admit = async (client: Client, unitId: number, extra: Record<string, unknown> = {}) => {
  seq++;
  const res = await client.post('/api/members', {
    unitId, fullName: `Đoàn Viên Thử ${seq}`, sex: seq % 2 ? 'female' : 'male', birthDate: '1990-01-01',
    citizenId: `0680900${String(70000 + seq).padStart(5, '0')}`, joinedOn: '2026-01-10', ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const pathOf = async (id: number) => (await fed.get(`/api/units/${id}`)).body.path as string;
const countAt = async (unitId: number, date: string) => (await membersAtDate(await pathOf(unitId), date).execute(t.database.db)).rows[0].n;

describe('member lifecycle', () => {
  it('a report for 30/06 still says what it said after later transfers, leavings and deaths', async () => {
    const m1 = await admit(gro, t.ids.a, { joinedOn: '2026-02-01' });
    const m2 = await admit(gro, t.ids.a, { joinedOn: '2026-03-01' });
    const m3 = await admit(gro, t.ids.a, { joinedOn: '2026-03-15' });
    const at3006 = { a: await countAt(t.ids.a, '2026-06-30'), b: await countAt(t.ids.b, '2026-06-30'), city: await countAt(t.ids.city, '2026-06-30') };
    await fed.post(`/api/members/${m1.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-07-15', version: m1.version });
    await gro.post(`/api/members/${m2.id}/leave`, { kind: 'leave', onDate: '2026-08-01', reason: 'Nghỉ việc', version: m2.version });
    await gro.post(`/api/members/${m3.id}/leave`, { kind: 'death', onDate: '2026-09-01', reason: 'Tai nạn giao thông', version: m3.version });
    expect({ a: await countAt(t.ids.a, '2026-06-30'), b: await countAt(t.ids.b, '2026-06-30'), city: await countAt(t.ids.city, '2026-06-30') }).toEqual(at3006);
    expect(await countAt(t.ids.a, '2026-09-30')).toBe(at3006.a - 3);
    expect(await countAt(t.ids.b, '2026-09-30')).toBe(at3006.b + 1);
    expect(await countAt(t.ids.city, '2026-09-30')).toBe(at3006.city - 2);
    // The same figure as the per-union SQL function, and as the current registry for today.
    const { rows: [{ n }] } = await sql<{ n: number }>`select count(*)::int as n from member_ids_on('2026-06-30', ${await pathOf(t.ids.city)}::ltree)`.execute(t.database.db);
    expect(n).toBe(at3006.city);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const active = (await fed.get(`/api/members?unitId=${t.ids.city}`)).body.total;
    expect(await countAt(t.ids.city, today)).toBe(active);
  });

  it('a transfer into a union the sender does not manage waits for the receiving union to accept it', async () => {
    const m = await admit(gro, t.ids.a);
    const res = await gro.post(`/api/members/${m.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-04-01', decisionNo: '07/CV-CĐCS', reason: 'Chuyển trường', version: m.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ transferOutcome: 'requested', unitId: t.ids.a, status: 'active', pendingTransfer: { toUnitId: t.ids.b } });
    const again = await gro.post(`/api/members/${m.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-04-01', version: res.body.version });
    expect(again.body.code).toBe('transfer_pending');
    const incoming = (await fed.get(`/api/member-transfers?unitId=${t.ids.b}&direction=incoming&status=pending`)).body;
    const request = incoming.rows.find((r: { memberId: number }) => r.memberId === m.id);
    expect(request).toMatchObject({ fromUnitName: 'Công đoàn cơ sở Công ty TNHH May Lộc Sơn', status: 'pending', decisionNo: '07/CV-CĐCS', birthYear: 1990 });
    expect(request).not.toHaveProperty('citizenId');
    const outgoing = (await gro.get(`/api/member-transfers?unitId=${t.ids.a}&direction=outgoing`)).body;
    expect(outgoing.rows.some((r: { id: number }) => r.id === request.id)).toBe(true);
    // The sender cannot accept its own request; the receiving side can.
    expect([403, 404]).toContain((await gro.post(`/api/member-transfers/${request.id}/accept`, { version: request.version })).status);
    const accepted = await fed.post(`/api/member-transfers/${request.id}/accept`, { version: request.version });
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const moved = (await fed.get(`/api/members/${m.id}`)).body;
    expect(moved.unitId).toBe(t.ids.b);
    expect(moved.events.slice(0, 2).map((e: { kind: string }) => e.kind).sort()).toEqual(['transfer_in', 'transfer_out']);
    expect((await gro.get(`/api/members/${m.id}`)).status).toBe(404);
    const stale = await fed.post(`/api/member-transfers/${request.id}/accept`, { version: request.version });
    expect(stale.status).toBe(409);
  });

  it('the receiving union can refuse a transfer with a reason, and the sender can withdraw one', async () => {
    const m = await admit(gro, t.ids.a);
    await gro.post(`/api/members/${m.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-04-01', version: m.version });
    const r1 = (await fed.get(`/api/member-transfers?unitId=${t.ids.b}&status=pending`)).body.rows.find((r: { memberId: number }) => r.memberId === m.id);
    expect((await fed.post(`/api/member-transfers/${r1.id}/reject`, { answer: '', version: r1.version })).body.code).toBe('validation');
    const rejected = await fed.post(`/api/member-transfers/${r1.id}/reject`, { answer: 'Đơn vị chưa có nhu cầu tiếp nhận', version: r1.version });
    expect(rejected.body).toMatchObject({ status: 'rejected', answer: 'Đơn vị chưa có nhu cầu tiếp nhận' });
    const still = (await gro.get(`/api/members/${m.id}`)).body;
    expect(still).toMatchObject({ unitId: t.ids.a, pendingTransfer: null });
    await gro.post(`/api/members/${m.id}/transfer`, { toUnitId: t.ids.b, onDate: '2026-04-01', version: still.version });
    const r2 = (await gro.get(`/api/member-transfers?unitId=${t.ids.a}&direction=outgoing&status=pending`)).body.rows.find((r: { memberId: number }) => r.memberId === m.id);
    const cancelled = await gro.post(`/api/member-transfers/${r2.id}/cancel`, { version: r2.version });
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('a transfer out of the system leaves the registry as "transferred out", with the destination in the history', async () => {
    const m = await admit(gro, t.ids.a);
    const before = await countAt(t.ids.a, '2026-11-01');
    const res = await gro.post(`/api/members/${m.id}/transfer`, { destinationName: 'Công đoàn Công ty Samsung Thái Nguyên', onDate: '2026-11-01', version: m.version });
    expect(res.body).toMatchObject({ status: 'transferred_out', transferOutcome: 'left_system' });
    expect(res.body.events[0]).toMatchObject({ kind: 'transfer_out', otherUnitName: 'Công đoàn Công ty Samsung Thái Nguyên' });
    expect(await countAt(t.ids.a, '2026-11-01')).toBe(before - 1);
  });

  it('a person who left comes back under the same record; someone arriving from outside is not an admission', async () => {
    const m = await admit(gro, t.ids.a, { joinedOn: '2020-05-01' });
    await gro.post(`/api/members/${m.id}/leave`, { kind: 'leave', onDate: '2025-01-10', reason: 'Nghỉ việc', version: m.version });
    const back = await fed.post('/api/members', {
      unitId: t.ids.b, fullName: m.fullName, sex: m.sex, birthDate: '1990-01-01', citizenId: m.citizenId, joinedOn: '2026-03-01', decisionNo: '11/QĐ',
    });
    expect(back.body).toMatchObject({ id: m.id, status: 'active', unitId: t.ids.b, leftOn: null });
    expect(back.body.events.map((e: { kind: string }) => e.kind)).toEqual(['admission', 'leave', 'admission']);
    const early = await fed.post(`/api/members/${m.id}/leave`, { kind: 'leave', onDate: '2026-02-01', reason: 'Sai ngày', version: back.body.version });
    expect(early.body.code).toBe('before_last_event');

    const arrived = await admit(gro, t.ids.a, { arrival: 'transfer_in', originName: 'Công đoàn Bệnh viện Chợ Rẫy', arrivedOn: '2026-10-01', joinedOn: '2012-01-01' });
    expect(arrived.events[0]).toMatchObject({ kind: 'transfer_in', otherUnitName: 'Công đoàn Bệnh viện Chợ Rẫy', onDate: '2026-10-01' });
    expect(arrived.joinedOn).toBe('2012-01-01');
    const noOrigin = await gro.post('/api/members', { unitId: t.ids.a, fullName: 'Thiếu Nơi Đi', sex: 'male', joinedOn: '2015-01-01', arrival: 'transfer_in' });
    expect(noOrigin.body).toMatchObject({ code: 'validation' });
  });

  it('editing one field leaves the others alone (party membership is not reset), and a stale form is a conflict', async () => {
    const m = await admit(gro, t.ids.a, { partyMember: true, partyJoinedOn: '2018-05-19' });
    const res = await gro.patch(`/api/members/${m.id}`, { job: 'Thợ may', vocationalLevel: 'Bậc 3/7', version: m.version });
    expect(res.body).toMatchObject({ job: 'Thợ may', vocationalLevel: 'Bậc 3/7', partyMember: true, partyJoinedOn: '2018-05-19', version: m.version + 1 });
    const stale = await gro.patch(`/api/members/${m.id}`, { job: 'Tổ trưởng', version: m.version });
    expect(stale.status).toBe(409);
    const noParty = await gro.patch(`/api/members/${m.id}`, { partyMember: false, partyJoinedOn: '2018-05-19', version: res.body.version });
    expect(noParty.body).toMatchObject({ code: 'validation', field: 'partyJoinedOn' });
  });

  it('cards get unique numbers and the validity the federation sets', async () => {
    await t.database.db.insertInto('setting').values({ unit_id: t.ids.city, key: 'members.card_valid_years', value: JSON.stringify(3) }).execute();
    const a = await admit(gro, t.ids.a);
    const b = await admit(gro, t.ids.a);
    const ca = (await gro.post(`/api/members/${a.id}/card`)).body;
    const cb = (await gro.post(`/api/members/${b.id}/card`, { reason: null })).body;
    expect(ca.cardNumber).not.toBe(cb.cardNumber);
    expect(Number(ca.cardValidUntil.slice(0, 4)) - Number(ca.cardIssuedOn.slice(0, 4))).toBe(3);
    const again = (await gro.post(`/api/members/${a.id}/card`, { reason: 'Mất thẻ' })).body;
    expect(again.events[0]).toMatchObject({ kind: 'card_reissue', reason: `Thay thẻ số ${ca.cardNumber} — Mất thẻ` });
  });

  it('the home page lists what is due: members with no card, not rated, transfers waiting', async () => {
    const due = (await gro.get(`/api/members/due?unitId=${t.ids.a}`)).body;
    expect(due.noCard.count).toBeGreaterThan(0);
    expect(due.unrated.count).toBe(due.activeMembers);
    const noCard = (await gro.get(`/api/members?unitId=${t.ids.a}&card=none`)).body;
    expect(noCard.total).toBe(due.noCard.count);
    const unrated = (await gro.get(`/api/members?unitId=${t.ids.a}&unratedYear=${due.unrated.year}`)).body;
    expect(unrated.total).toBe(due.unrated.count);
    expect([403, 404]).toContain((await (await t.as('obs')).get(`/api/members/due?unitId=${t.ids.a}`)).status);
  });

  it('the history shows life events and the audit of the record, across a transfer', async () => {
    const m = await admit(gro, t.ids.a, { citizenId: '068190654321' });
    await gro.patch(`/api/members/${m.id}`, { phone: '0905111222', citizenId: '068190654322', version: m.version });
    const h = (await gro.get(`/api/members/${m.id}/history`)).body;
    expect(h.events[0]).toMatchObject({ kind: 'admission' });
    expect(h.audit.map((a: { action: string }) => a.action)).toEqual(['update', 'admit']);
    expect(JSON.stringify(h.audit)).not.toContain('068190654321');
    expect(JSON.stringify(h.audit)).not.toContain('068190654322');
    expect(h.audit[0].after.phone).toBe('0905111222');
  });

  it('pages through a union by key in given-name order without repeating or skipping anyone', async () => {
    for (let i = 0; i < 5; i++) await admit(gro, t.ids.a, { fullName: `Lê Thị ${['An', 'Bình', 'Chi', 'Dung', 'Giang'][i]}` });
    const all = (await gro.get(`/api/members?unitId=${t.ids.a}&pageSize=500`)).body.rows.map((r: { id: number }) => r.id);
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page: { rows: { id: number }[]; nextCursor: string | null } = (await gro.get(`/api/members?unitId=${t.ids.a}&pageSize=3${after ? `&after=${after}` : ''}`)).body;
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(all);
  });
});
