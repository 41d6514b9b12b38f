import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { REPO_ROOT } from '../../../config.ts';
import { openDatabase, type DatabaseHandle } from '../../../db/connection.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { buildFixture } from '../../../../test/fixture.ts';
import { engineName, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { writeMessyMemberFile } from '../../../../test/messy-members.ts';

/**
 * The import is one transaction: a CLI import killed with SIGKILL while it writes members leaves
 * the registry exactly as before. On PostgreSQL against the test database; on PGlite against a
 * data directory the child process opens.
 */
let t: TestApp | null = null;
let dataDir: string | null = null;
const file = join(REPO_ROOT, '.tmp', `kill-import-${process.pid}.xlsx`);

beforeAll(async () => {
  await writeMessyMemberFile({ rows: 8_000, seed: 99, idBase: 300000, path: file });
  if (engineName() === 'postgres') t = await startTestApp();
  else {
    dataDir = mkdtempSync(join(tmpdir(), 'cds-kill-'));
    const h = await openDatabase({ dataDir });
    await migrateDatabase(h);
    await buildFixture(h.db);
    await h.close();
  }
}, 300_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  rmSync(file, { force: true });
});

async function withDb<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  if (t) return fn(t.database);
  const h = await openDatabase({ dataDir: dataDir! });
  try { return await fn(h); } finally { await h.close(); }
}

const counts = (h: DatabaseHandle) => sql<{ members: number; events: number; imports: number }>`
  select (select count(*)::int from member) as members, (select count(*)::int from member_event) as events,
         (select count(*)::int from member_import) as imports`.execute(h.db).then((r) => r.rows[0]);

describe('an import killed mid-way', () => {
  it('leaves the member count as it was before', async () => {
    const before = await withDb(counts);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t ? t.database.url : '', DATA_DIR: dataDir ?? '' };
    const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', join(REPO_ROOT, 'server/src/cli.ts'), 'import-members', '--unit', 'CDCS-A', file, '--progress'],
      { env, cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Inside the transaction, while members are being written.
      if (stderr.includes('Đang ghi đoàn viên')) child.kill('SIGKILL');
    });
    const { signal } = await exited;
    expect(stderr).toContain('Đang ghi đoàn viên');
    expect(signal).toBe('SIGKILL');
    const after = await withDb(counts);
    expect(after).toEqual(before);
  }, 300_000);
});
