import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitForJob } from '../../../lib/jobs.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

async function file(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('DS');
  s.addRow(['DANH SÁCH ĐOÀN VIÊN']);
  s.addRow(['STT', 'Họ tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào tổ chức']);
  s.addRow([1, 'Phùng Văn Tải', 'Nam', '03/04/1991', '068091444001', '01/02/2015']);
  s.addRow([2, 'Phùng Thị Lên', 'Nữ', '03/04/2099', '068191444002', '01/02/2016']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(name: string, content: Buffer) {
  const boundary = '----cds' + Date.now();
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('member import over HTTP', () => {
  it('upload proposes a mapping, preview changes nothing, commit runs as a job with a result file, and the mapping is remembered', async () => {
    const gro = await t.as('gro');
    const { body, headers } = multipart('ds.xlsx', await file());
    const up = await gro.request('POST', `/api/member-imports/upload?unitId=${t.ids.a}`, body, headers);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ headerRows: [2], remembered: false, mapping: { fullName: 1, sex: 2, birthDate: 3, citizenId: 4, joinedOn: null } });
    const mapping = { ...up.body.mapping, joinedOn: 5 };

    const preview = await gro.post('/api/member-imports/preview', { uploadId: up.body.uploadId, unitId: t.ids.a, mapping, mode: 'valid_only' });
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r: { status: string }) => r.status)).toEqual(['created', 'invalid']);
    expect(preview.body.rows[1].errors[0]).toMatchObject({ field: 'birthDate', message: expect.stringContaining('tương lai') });
    expect((await t.database.db.selectFrom('member').select('id').where('citizen_id', '=', '068091444001').execute())).toHaveLength(0);

    const commit = await gro.post('/api/member-imports', { uploadId: up.body.uploadId, unitId: t.ids.a, mapping, mode: 'valid_only' });
    expect(commit.status).toBe(200);
    await waitForJob(t.database, commit.body.jobId);
    const job = await gro.get(`/api/jobs/${commit.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'done', result: { committed: true, summary: { created: 1, invalid: 1 } } });
    const result = await gro.get(`/api/jobs/${commit.body.jobId}/result`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.raw as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(7).value).toBe('Kết quả nhập');
    expect(sheet.getRow(3).getCell(7).value).toBe('Thêm mới');
    expect(String(sheet.getRow(4).getCell(8).value)).toContain('tương lai');

    const again = await gro.request('POST', `/api/member-imports/upload?unitId=${t.ids.a}`, body, headers);
    expect(again.body).toMatchObject({ remembered: true, mapping: { joinedOn: 5 } });
    const history = await gro.get(`/api/member-imports?unitId=${t.ids.a}`);
    expect(history.body.rows[0]).toMatchObject({ fileName: 'ds.xlsx', created: 1, invalid: 1 });
  });

  it('an officer cannot import into a union outside their scope', async () => {
    const gro = await t.as('gro');
    const { body, headers } = multipart('ds.xlsx', await file());
    expect((await gro.request('POST', `/api/member-imports/upload?unitId=${t.ids.z}`, body, headers)).status).toBe(404);
  });
});
