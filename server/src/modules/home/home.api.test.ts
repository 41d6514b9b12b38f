import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { currentReportPeriod } from '../programme/home.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const section = (body: { sections: { key: string }[] }, key: string) => body.sections.find((s) => s.key === key) as any;

describe('the home page says what is waiting', () => {
  it('the report due is the half-year one from July and the previous year\'s before', () => {
    expect(currentReportPeriod(new Date(2026, 10, 25))).toEqual({ kind: 'half_year', year: 2026 });
    expect(currentReportPeriod(new Date(2026, 2, 1))).toEqual({ kind: 'year', year: 2025 });
  });

  it('a federation officer sees the units below whose report is not accepted, an observer does not', async () => {
    const fed = await (await t.as('fed')).get(`/api/home?unitId=${t.ids.city}`);
    expect(fed.status).toBe(200);
    const pending = section(fed.body, 'reportsPending');
    expect(pending.count).toBe(2);
    expect(pending.items.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['Công đoàn cơ sở Trường THPT Bảo Lộc']));
    const obs = await (await t.as('obs')).get(`/api/home?unitId=${t.ids.city}`);
    expect(section(obs.body, 'reportsPending')).toBeUndefined();
  });

  it('a grassroots officer sees its own report to send', async () => {
    const gro = await (await t.as('gro')).get(`/api/home?unitId=${t.ids.a}`);
    expect(section(gro.body, 'ownReportDue')).toMatchObject({ count: 1 });
  });

  it('another city\'s home is out of reach', async () => {
    const gro = await (await t.as('fed')).get(`/api/home?unitId=${t.ids.otherCity}`);
    expect(gro.status).toBe(404);
  });
});
