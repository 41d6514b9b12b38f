import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../../../test/harness.ts';
import { writeMessyMemberFile, type ExpectedRow } from '../../../../test/messy-members.ts';
import { loadActor, type Actor } from '../../../auth/actor.ts';
import { runMemberImport } from './service.ts';

let t: TestApp;
let gro: Actor;
beforeAll(async () => {
  t = await startTestApp();
  gro = (await loadActor(t.database.db, t.ids.users.gro))!;
});
afterAll(async () => { await t?.close(); });

const count = async (table: 'member' | 'member_event' | 'audit_log') =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0].n);

async function checkAgainstTruth(expected: ExpectedRow[], rows: { row: number; status: string; memberId?: number; errors?: { field: string }[] }[]) {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const mismatches: string[] = [];
  for (const e of expected) {
    const got = byRow.get(e.row);
    if (got?.status !== e.status) { mismatches.push(`dòng ${e.row}: cần ${e.status}, được ${got?.status} ${JSON.stringify(got?.errors ?? '')}`); continue; }
    if (e.status === 'invalid') {
      const fields = (got.errors ?? []).map((x) => x.field.replace(/Male|Female/, '').replace('givenName', 'fullName'));
      if (!fields.includes(e.errorField!)) mismatches.push(`dòng ${e.row}: lỗi phải ở ${e.errorField}, được ${fields}`);
    }
    if (e.status === 'created') {
      const m = await t.database.db.selectFrom('member').selectAll().where('id', '=', got.memberId!).executeTakeFirstOrThrow();
      const x = e.member!;
      const actual = { fullName: m.full_name, sex: m.sex, birthDate: m.birth_date, birthPrecision: m.birth_precision, citizenId: m.citizen_id,
        phone: m.phone, ethnicity: m.ethnicity, partyMember: m.party_member, joinedOn: m.joined_on, group: m.group_id !== null };
      const want = { ...x, group: x.group !== null };
      if (JSON.stringify(actual) !== JSON.stringify(want)) mismatches.push(`dòng ${e.row}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(want)}`);
    }
  }
  const known = new Set(expected.map((e) => e.row));
  for (const r of rows) if (!known.has(r.row) && r.status !== 'skipped') mismatches.push(`dòng ${r.row} không có trong tệp mẫu: ${r.status}`);
  expect(mismatches.slice(0, 10)).toEqual([]);
}

describe('member import from messy Excel files', () => {
  it('imports a messy list as the generator says each row is, and re-importing it changes nothing', async () => {
    const { buffer, expected } = await writeMessyMemberFile({ rows: 300, seed: 7, idBase: 700000, groups: ['Tổ công đoàn Phân xưởng may 1', 'Phân xưởng may 1', 'CDCS-A-T1'] });
    const membersBefore = await count('member');
    const eventsBefore = await count('member_event');
    const auditBefore = await count('audit_log');
    const first = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: buffer!, fileName: 'danh-sach.xlsx', mode: 'valid_only' });
    await checkAgainstTruth(expected, first.rows);
    const created = expected.filter((e) => e.status === 'created').length;
    expect(first.summary).toMatchObject({
      created, updated: 0, invalid: expected.filter((e) => e.status === 'invalid').length, duplicate: expected.filter((e) => e.status === 'duplicate').length,
    });
    expect(first.summary.skipped).toBeGreaterThanOrEqual(4);
    expect(await count('member')).toBe(membersBefore + created);
    expect(await count('member_event')).toBe(eventsBefore + created);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'member_import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('danh-sach.xlsx');
    expect(JSON.stringify(audit.after)).not.toMatch(/068\d{9}/);

    const again = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: buffer!, fileName: 'danh-sach.xlsx', mode: 'valid_only' });
    expect(again.summary).toMatchObject({ created: 0, updated: 0, invalid: first.summary.invalid, duplicate: first.summary.duplicate + created });
    expect(await count('member')).toBe(membersBefore + created);
  });

  it('reads split name columns and birth dates under Nam / Nữ', async () => {
    const { buffer, expected } = await writeMessyMemberFile({ rows: 120, seed: 11, idBase: 800000, layout: 'split' });
    const result = await runMemberImport(t.database, gro, { unitId: t.ids.b === 0 ? t.ids.a : t.ids.a, source: buffer!, fileName: 'tach-cot.xlsx', mode: 'valid_only' });
    expect(result.mapping).toMatchObject({ familyMiddleName: 1, givenName: 2, birthDateMale: 3, birthDateFemale: 4 });
    await checkAgainstTruth(expected, result.rows);
  });

  it('all-or-nothing leaves the registry as it was when a row is wrong', async () => {
    const { buffer } = await writeMessyMemberFile({ rows: 60, seed: 13, idBase: 900000, errorRate: 0.2 });
    const before = await count('member');
    const result = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: buffer!, fileName: 'loi.xlsx', mode: 'all_or_nothing' });
    expect(result.committed).toBe(false);
    expect(result.summary.invalid).toBeGreaterThan(0);
    expect(await count('member')).toBe(before);
  });

  it('a corrected file updates the rows it corrects, and reports a bad CCCD while keeping the other rows', async () => {
    const file = async (phone: string, cccd2: string) => {
      const book = new ExcelJS.Workbook();
      const s = book.addWorksheet('DS');
      s.addRow(['DANH SÁCH ĐOÀN VIÊN']);
      s.addRow(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Số điện thoại', 'Ngày vào Công đoàn']);
      s.addRow([1, 'Đinh Thị Sửa', 'Nữ', '02/03/1991', '068191555001', phone, '01/06/2015']);
      s.addRow([2, 'Lò Văn Đúng', 'Nam', '04/05/1989', cccd2, '0912000002', '01/06/2016']);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const first = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: await file('0912000001', '1234'), fileName: 'a.xlsx', mode: 'valid_only' });
    expect(first.rows.map((r) => r.status)).toEqual(['created', 'invalid']);
    expect(first.rows[1].errors?.[0]).toMatchObject({ field: 'citizenId', message: expect.stringContaining('CCCD') });
    const fixed = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: await file('0987654321', '068089555002'), fileName: 'a.xlsx', mode: 'valid_only' });
    expect(fixed.rows.map((r) => r.status)).toEqual(['updated', 'created']);
    expect(fixed.rows[0].memberId).toBe(first.rows[0].memberId);
    const m = await t.database.db.selectFrom('member').select(['phone', 'version']).where('id', '=', fixed.rows[0].memberId!).executeTakeFirstOrThrow();
    expect(m).toEqual({ phone: '0987654321', version: 2 });
  });

  it('refuses a union outside the officer\'s scope and a unit that is not a grassroots union', async () => {
    const { buffer } = await writeMessyMemberFile({ rows: 5, seed: 3, idBase: 950000 });
    await expect(runMemberImport(t.database, gro, { unitId: t.ids.z, source: buffer!, fileName: 'x.xlsx', mode: 'valid_only' })).rejects.toMatchObject({ status: 404 });
    const fed = (await loadActor(t.database.db, t.ids.users.fed))!;
    await expect(runMemberImport(t.database, fed, { unitId: t.ids.city, source: buffer!, fileName: 'x.xlsx', mode: 'valid_only' })).rejects.toMatchObject({ code: 'not_grassroots' });
  });

  it('a row without a joining date is registered, not counted as a new admission, until a file dates it', async () => {
    const file = async (joinedOn: string | null) => {
      const book = new ExcelJS.Workbook();
      const s = book.addWorksheet('DS');
      s.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào Công đoàn']);
      s.addRow(['Mai Thị Chưa Rõ', 'Nữ', '05/05/1985', '068185555123', joinedOn]);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const first = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: await file(null), fileName: 'c.xlsx', mode: 'valid_only' });
    const memberId = first.rows[0].memberId!;
    const kinds = async () => (await t.database.db.selectFrom('member_event').select(['kind', 'on_date']).where('member_id', '=', memberId).execute());
    expect((await kinds()).map((e) => e.kind)).toEqual(['register']);
    await runMemberImport(t.database, gro, { unitId: t.ids.a, source: await file('01/03/2012'), fileName: 'c.xlsx', mode: 'valid_only' });
    expect(await kinds()).toEqual([{ kind: 'admission', on_date: '2012-03-01' }]);
  });

  it('does not take over a person registered in another union (by CCCD)', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('DS');
    s.addRow(['Họ và tên', 'Ngày sinh', 'Số CCCD']);
    s.addRow(['Lê Văn Giáo', '01/06/1990', '068085003333']);
    const result = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: Buffer.from(await book.xlsx.writeBuffer()), fileName: 'b.xlsx', mode: 'valid_only' });
    expect(result.rows[0]).toMatchObject({ status: 'duplicate', errors: [{ field: 'citizenId', message: expect.stringContaining('chuyển sinh hoạt') }] });
  });
});

describe('export and import round trip', () => {
  it('the VGCL-layout export re-imports losslessly: every column is recognised and nothing changes', async () => {
    const { buffer } = await writeMessyMemberFile({ rows: 80, seed: 21, idBase: 600000, groups: ['Tổ công đoàn Phân xưởng may 1'] });
    await runMemberImport(t.database, gro, { unitId: t.ids.a, source: buffer!, fileName: 'nguon.xlsx', mode: 'valid_only' });
    const exported = await (await t.as('gro')).get(`/api/members/export?unitId=${t.ids.a}&status=all`);
    expect(exported.status).toBe(200);
    const file = exported.raw;
    const { openSheetImport } = await import('../../../lib/xlsx-import/index.ts');
    const { MEMBER_IMPORT_SPEC } = await import('./spec.ts');
    const { draftFromRow } = await import('./parse.ts');
    const sheet = await openSheetImport(file, MEMBER_IMPORT_SPEC);
    for (const key of ['fullName', 'sex', 'birthDate', 'citizenId', 'ethnicity', 'religion', 'partyMember', 'education', 'qualification', 'job', 'phone', 'joinedOn', 'cardNumber', 'group']) {
      expect(sheet.mapping[key], key).not.toBeNull();
    }
    const members = await t.database.db.selectFrom('member').selectAll().where('unit_id', '=', t.ids.a).execute();
    const byCitizen = new Map(members.map((m) => [m.citizen_id ?? `${m.full_name}|${m.birth_date}`, m]));
    let compared = 0;
    for await (const row of sheet.rows()) {
      if (row.skip) continue;
      const d = draftFromRow(row, sheet.mapping);
      expect(d.errors).toEqual([]);
      const m = byCitizen.get(d.citizenId ?? `${d.fullName}|${d.birthDate}`)!;
      expect({ fullName: d.fullName, sex: d.sex, birthDate: d.birthDate, birthPrecision: d.birthPrecision, citizenId: d.citizenId, ethnicity: d.ethnicity,
        religion: d.religion, partyMember: d.partyMember, phone: d.phone, joinedOn: d.joinedOn, cardNumber: d.cardNumber, job: d.job })
        .toEqual({ fullName: m.full_name, sex: m.sex, birthDate: m.birth_date, birthPrecision: m.birth_precision, citizenId: m.citizen_id, ethnicity: m.ethnicity,
          religion: m.religion, partyMember: m.party_member, phone: m.phone, joinedOn: m.joined_on, cardNumber: m.card_number, job: m.job });
      compared += 1;
    }
    expect(compared).toBe(members.length);
    const again = await runMemberImport(t.database, gro, { unitId: t.ids.a, source: file, fileName: 'xuat.xlsx', mode: 'valid_only' });
    expect(again.summary).toMatchObject({ created: 0, updated: 0, invalid: 0, duplicate: members.length });
  });
});
