import type { ColumnMapping } from '../../../lib/xlsx-import/index.ts';
import { defineJob, loadUpload } from '../../../lib/jobs.ts';
import type { ImportMode } from './apply.ts';
import { buildResultFile } from './result-file.ts';
import { runMemberImport } from './service.ts';

export interface MemberImportJobParams { uploadId: number; unitId: number; mapping: ColumnMapping; mode: ImportMode; fileName: string }

/** Rows with a problem kept in the job's result for the screen; every row is in the result file. */
const PROBLEMS_SHOWN = 200;

defineJob<MemberImportJobParams>('member_import', async (job) => {
  const { content, fileName } = await loadUpload(job.handle.db, job.actor, job.params.uploadId);
  const result = await runMemberImport(job.handle, job.actor, {
    unitId: job.params.unitId, source: content, fileName, mode: job.params.mode, mapping: job.params.mapping, jobId: job.id,
    onProgress: (done, total, phase) => job.progress(done, total, phase),
  });
  job.progress(result.summary.rows, result.summary.rows, 'Đang lập tệp kết quả');
  const file = await buildResultFile(content, result.layout, result.rows, result.committed);
  const problems = result.rows.filter((r) => r.status === 'invalid' || (r.status === 'duplicate' && r.errors?.length)).slice(0, PROBLEMS_SHOWN);
  await job.handle.db.deleteFrom('job_upload').where('id', '=', job.params.uploadId).execute();
  return {
    result: { summary: result.summary, committed: result.committed, importId: result.importId, problems },
    file: { name: `ket-qua-${fileName.replace(/\.xlsx$/i, '')}.xlsx`, content: file },
  };
});
