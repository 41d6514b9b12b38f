import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { indicatorByKey } from '../programme/indicators.ts';
import type { IndicatorQuery } from '../programme/registry.ts';

/**
 * The member indicators on a small hand-made industrial zone (two unions, six people), with every
 * expected figure worked out below. Runs on PGlite and on PostgreSQL.
 *
 *   P1 ♀ admitted G1 2024-02-01, leaves 2024-09-01
 *   P2 ♂ admitted G1 2024-03-01, transferred to G2 2024-06-15 (inside the zone)
 *   P3 ♀ Cơ Ho, admitted G1 2024-05-10, recommended to the Party 2024-08-08, rated excellent 2024, leaves 2025-03-01
 *   P4 ♂ admitted G2 2024-04-01, transferred out of the system 2024-10-01
 *   P5 ♀ admitted G2 2025-01-20, recommended 2025-02-02
 *   P6 ♂ arrives in G1 from a union outside the system 2024-07-01 (not an admission), rated completed 2024
 *   P2 rated good 2024 (at G2)
 */
let t: TestApp;
let fed: Client;
let zone: { id: number; path: string };
let g1: number;
let g2: number;
const people: Record<string, { id: number; version: number }> = {};

beforeAll(async () => {
  t = await startTestApp();
  fed = await t.as('fed');
  const z = (await fed.post('/api/units', { parentId: t.ids.city, kind: 'industrial_zone_union', code: 'CD-KCN-THU', name: 'Công đoàn Khu công nghiệp Thử nghiệm', foundedOn: '2020-01-01' })).body;
  zone = { id: z.id, path: z.path };
  const grassroots = (code: string, name: string) => fed.post('/api/units', { parentId: zone.id, kind: 'grassroots', grassrootsKind: 'enterprise', sector: 'non_state', code, name, foundedOn: '2020-01-01' });
  g1 = (await grassroots('CDCS-THU-1', 'Công đoàn cơ sở Công ty Thử Một')).body.id;
  g2 = (await grassroots('CDCS-THU-2', 'Công đoàn cơ sở Công ty Thử Hai')).body.id;
  const admit = async (key: string, body: Record<string, unknown>) => {
    const res = await fed.post('/api/members', { birthDate: '1992-02-02', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    people[key] = res.body;
  };
  await admit('P1', { unitId: g1, fullName: 'Phan Thị Một', sex: 'female', joinedOn: '2024-02-01' });
  await admit('P2', { unitId: g1, fullName: 'Trần Văn Hai', sex: 'male', joinedOn: '2024-03-01' });
  await admit('P3', { unitId: g1, fullName: 'Ka Ba', sex: 'female', ethnicity: 'Cơ Ho', joinedOn: '2024-05-10' });
  await admit('P4', { unitId: g2, fullName: 'Lê Văn Bốn', sex: 'male', joinedOn: '2024-04-01' });
  await admit('P5', { unitId: g2, fullName: 'Võ Thị Năm', sex: 'female', joinedOn: '2025-01-20' });
  await admit('P6', { unitId: g1, fullName: 'Đỗ Văn Sáu', sex: 'male', joinedOn: '2015-06-01', arrival: 'transfer_in', originName: 'Công đoàn Công ty Ngoài', arrivedOn: '2024-07-01' });
  const act = async (key: string, url: string, body: Record<string, unknown>) => {
    const res = await fed.post(url.replace(':id', String(people[key].id)), { ...body, version: people[key].version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    people[key] = res.body;
  };
  await act('P2', '/api/members/:id/transfer', { toUnitId: g2, onDate: '2024-06-15' });
  await act('P1', '/api/members/:id/leave', { kind: 'leave', onDate: '2024-09-01', reason: 'Nghỉ việc' });
  await act('P4', '/api/members/:id/transfer', { destinationName: 'Công đoàn Công ty ở Bình Dương', onDate: '2024-10-01' });
  await fed.post(`/api/members/${people.P3.id}/party-recommendations`, { recommendedOn: '2024-08-08' });
  await fed.post(`/api/members/${people.P5.id}/party-recommendations`, { recommendedOn: '2025-02-02' });
  await fed.put('/api/member-assessments', { unitId: g1, year: 2024, ratings: [{ memberId: people.P3.id, rating: 'excellent' }, { memberId: people.P6.id, rating: 'completed' }] });
  await fed.put('/api/member-assessments', { unitId: g2, year: 2024, ratings: [{ memberId: people.P2.id, rating: 'good' }] });
});
afterAll(async () => { await t?.close(); });

const year2024 = (byChild = false): IndicatorQuery => ({ unitPath: zone.path, from: '2024-01-01', to: '2024-12-31', byChild });
const half2024 = (byChild = false): IndicatorQuery => ({ unitPath: zone.path, from: '2024-01-01', to: '2024-06-30', byChild });
async function value(key: string, q: IndicatorQuery) {
  const rows = await indicatorByKey(key)!.compute(t.database.db, q);
  const num = rows.reduce((s, r) => s + r.numerator, 0);
  const den = rows.some((r) => r.denominator !== null) ? rows.reduce((s, r) => s + (r.denominator ?? 0), 0) : null;
  return { num, den, byUnit: Object.fromEntries(rows.map((r) => [r.unitId, r.denominator === null ? r.numerator : [r.numerator, r.denominator]])) };
}

describe('member indicators on a hand-made zone', () => {
  it('admissions_count (T9): P1, P2, P3 at G1 and P4 at G2 in 2024; P6 arrived by transfer and does not count', async () => {
    expect((await value('admissions_count', year2024())).num).toBe(4);
    expect((await value('admissions_count', year2024(true))).byUnit).toEqual({ [g1]: 3, [g2]: 1 });
    expect((await value('admissions_count', { ...year2024(), from: '2025-01-01', to: '2025-12-31' })).num).toBe(1);
  });

  it('party_recommendations_count (T10): P3 in 2024, P5 in 2025', async () => {
    expect((await value('party_recommendations_count', year2024())).num).toBe(1);
    expect((await value('party_recommendations_count', { ...year2024(), from: '2025-01-01', to: '2025-12-31' })).num).toBe(1);
    const drill = await indicatorByKey('party_recommendations_count')!.drill!(t.database.db, { ...year2024(), limit: 10, offset: 0 });
    expect(drill.rows.map((r) => r.fullName)).toEqual(['Ka Ba']);
  });

  it('members_count at the period end: 30/06/2024 = P1, P2, P3, P4 (4); 31/12/2024 = P2, P3, P6 (3)', async () => {
    expect((await value('members_count', half2024())).num).toBe(4);
    expect((await value('members_count', half2024(true))).byUnit).toEqual({ [g1]: 2, [g2]: 2 });
    expect((await value('members_count', year2024())).num).toBe(3);
    expect((await value('members_count', year2024(true))).byUnit).toEqual({ [g1]: 2, [g2]: 1 });
    const drill = await indicatorByKey('members_count')!.drill!(t.database.db, { ...year2024(), limit: 10, offset: 0 });
    expect(drill.total).toBe(3);
    expect(drill.rows.map((r) => [r.fullName, r.unitName])).toEqual([
      ['Ka Ba', 'Công đoàn cơ sở Công ty Thử Một'], ['Trần Văn Hai', 'Công đoàn cơ sở Công ty Thử Hai'], ['Đỗ Văn Sáu', 'Công đoàn cơ sở Công ty Thử Một'],
    ]);
  });

  it('female_members_share: 2 of 4 at 30/06/2024 (P1, P3), 1 of 3 at 31/12/2024 (P3)', async () => {
    expect(await value('female_members_share', half2024())).toMatchObject({ num: 2, den: 4 });
    expect(await value('female_members_share', year2024())).toMatchObject({ num: 1, den: 3 });
  });

  it('ethnic_minority_members: P3 (Cơ Ho) at 31/12/2024, nobody at 31/12/2025 after she left', async () => {
    expect((await value('ethnic_minority_members', year2024())).num).toBe(1);
    await fed.post(`/api/members/${people.P3.id}/leave`, { kind: 'leave', onDate: '2025-03-01', reason: 'Chuyển vùng', version: (await fed.get(`/api/members/${people.P3.id}`)).body.version });
    expect((await value('ethnic_minority_members', { ...year2024(), to: '2025-12-31' })).num).toBe(0);
    // …and the 2024 figures still say what they said before she left.
    expect((await value('ethnic_minority_members', year2024())).num).toBe(1);
    expect((await value('members_count', year2024())).num).toBe(3);
  });

  it('members_left_count: P1 left and P4 went out of the system in 2024; P2 moved inside the zone and does not count', async () => {
    expect((await value('members_left_count', year2024())).num).toBe(2);
    expect((await value('members_left_count', year2024(true))).byUnit).toEqual({ [g1]: 1, [g2]: 1 });
    // Seen from G1 alone, P2's transfer to G2 is a departure.
    expect((await value('members_left_count', { ...year2024(), unitPath: `${zone.path}.${g1}` })).num).toBe(2);
    const drill = await indicatorByKey('members_left_count')!.drill!(t.database.db, { ...year2024(), limit: 10, offset: 0 });
    expect(drill.rows.map((r) => r.fullName).sort()).toEqual(['Lê Văn Bốn', 'Phan Thị Một']);
  });

  it('members_rated_good_share: P3 excellent and P2 good of the 3 rated in 2024', async () => {
    expect(await value('members_rated_good_share', year2024())).toMatchObject({ num: 2, den: 3 });
    expect((await value('members_rated_good_share', year2024(true))).byUnit).toEqual({ [g1]: [1, 2], [g2]: [1, 1] });
  });
});
