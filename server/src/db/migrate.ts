import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle, Db } from './connection.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Migrations are plain SQL files, run in name order by Kysely's migrator on both engines. */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(MIGRATIONS_DIR + file, 'utf8');
      migrations[file.replace(/\.sql$/, '')] = { up: (db) => sql.raw(text).execute(db).then(() => undefined) };
    }
    return migrations;
  }
}

function migrator(db: Db) {
  return new Migrator({ db, provider: new SqlFileProvider(), allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function currentMigration(db: Db): Promise<string | null> {
  const all = await migrator(db).getMigrations();
  const done = all.filter((m) => m.executedAt);
  return done.length ? done[done.length - 1].name : null;
}

/**
 * Migrates, then lets PGlite learn the array types the migrations created (ltree[]): it reads
 * them once at start-up, so a fresh database would otherwise send `$1::ltree[]` arrays as text.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<string[]> {
  const applied = await migrateToLatest(handle.db);
  if (applied.length) await handle.pglite?.refreshArrayTypes();
  return applied;
}
