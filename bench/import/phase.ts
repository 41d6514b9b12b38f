/**
 * One measured phase of bench:import, run in its own process so its peak RSS is its own:
 *   floor <file> <url>    bare ExcelJS streaming read of the file + COPY of the same rows (raw text)
 *   import <file> <url>   the member import as the CLI runs it (clean, stage, dedupe, merge, audit)
 * Prints one JSON line: { ms, maxRssMb, … }.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../../server/src/db/connection.ts';
import { loadActor } from '../../server/src/auth/actor.ts';
import { copyLine } from '../../server/src/lib/bulk.ts';
import { runMemberImport } from '../../server/src/modules/members/import/service.ts';

const [what, file, url] = process.argv.slice(2);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function floor() {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`create temp table floor_row (${Array.from({ length: 12 }, (_, i) => `c${i} text`).join(', ')}) on commit drop`);
  const lines: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const v = row.values as unknown[];
      const cells: (string | null)[] = [];
      for (let i = 1; i <= 12; i += 1) cells.push(v[i] === undefined || v[i] === null ? null : v[i] instanceof Date ? (v[i] as Date).toISOString() : String(v[i]));
      lines.push(copyLine(cells));
      rows += 1;
    }
    break;
  }
  const readMs = performance.now() - t0;
  const data = lines.join('');
  await pipeline(Readable.from([data]), client.query(copyFrom('copy floor_row from stdin')));
  await client.query('commit');
  await client.end();
  return { ms: performance.now() - t0, readMs, rows };
}

async function importPhase() {
  const handle = await openDatabase({ url, poolSize: 2 });
  const admin = await handle.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const actor = (await loadActor(handle.db, admin.id))!;
  const unit = await handle.db.selectFrom('org_unit').select('id').where('code', '=', 'CDCS-A').executeTakeFirstOrThrow();
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let last = t0;
  let lastName = 'Đọc tệp';
  const result = await runMemberImport(handle, actor, {
    unitId: unit.id, source: file, fileName: 'bench.xlsx', mode: 'valid_only',
    onProgress: (_d, _t, phase) => {
      if (phase && phase !== lastName) { const now = performance.now(); phases[lastName] = (phases[lastName] ?? 0) + now - last; last = now; lastName = phase; }
    },
  });
  const ms = performance.now() - t0;
  phases[lastName] = (phases[lastName] ?? 0) + performance.now() - last;
  await handle.close();
  return { ms, summary: result.summary, committed: result.committed, phases };
}

const out = what === 'floor' ? await floor() : await importPhase();
process.stdout.write(JSON.stringify({ ...out, maxRssMb: maxRssMb() }) + '\n');
