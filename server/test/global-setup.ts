import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { REPO_ROOT } from '../src/config.ts';
import { buildFixture } from './fixture.ts';

export const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const dbUrl = (name: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Migrates and loads the fixture once per run: into a PGlite dump that each test file loads, or
 * into a template database that each test file clones. Only databases this run created are dropped.
 */
export default async function setup(project: TestProject) {
  const engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (engine === 'pglite') {
    const handle = await openDatabase({});
    await migrateDatabase(handle);
    await buildFixture(handle.db);
    const dump = await handle.pglite!.dumpDataDir('none');
    mkdirSync(`${REPO_ROOT}.tmp`, { recursive: true });
    const file = `${REPO_ROOT}.tmp/pglite-template-${process.pid}.tar`;
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgTemplate', '');
    return;
  }
  const template = `cds_test_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const handle = await openDatabase({ url: dbUrl(template), poolSize: 2 });
  await migrateDatabase(handle);
  await buildFixture(handle.db);
  await handle.close();
  project.provide('pgTemplate', template);
  project.provide('pgliteTemplate', '');
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
