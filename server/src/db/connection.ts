import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes, type PGliteOptions } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The embedded instance, when the engine is PGlite (dumps, COPY from blobs). */
  pglite?: PGlite;
  /** The server connection string, when the engine is PostgreSQL (COPY through pg). */
  url?: string;
  close(): Promise<void>;
}

/** The same JavaScript values on both engines: dates stay 'YYYY-MM-DD', bigint money is a number. */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const parseInt8 = (v: string) => Number(v);
const parseNumeric = (v: string) => Number(v);
const keepDate = (v: string) => v;

pg.types.setTypeParser(OID.int8, parseInt8);
pg.types.setTypeParser(OID.numeric, parseNumeric);
pg.types.setTypeParser(OID.date, keepDate);

export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  loadDataDir?: Blob | File;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', url: opts.url, close: () => db.destroy() };
  }
  const pglite = await openPGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  return {
    db,
    engine: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function openPGlite(opts: Pick<PGliteOptions, 'dataDir' | 'loadDataDir'>): Promise<PGlite> {
  return PGlite.create({
    ...opts,
    extensions: { ltree, pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.INT8]: parseInt8,
      [pgliteTypes.NUMERIC]: parseNumeric,
      [pgliteTypes.DATE]: keepDate,
    },
  });
}

/**
 * PGlite is one connection. Kysely asks a pool for a connection per query or per transaction,
 * so handing out the single connection under a lock keeps concurrent requests from interleaving
 * inside each other's transactions.
 */
class PGlitePool implements PostgresPool {
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#queue;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const pglite = this.pglite;
    const client = {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const command = sql.trimStart().split(/\s/, 1)[0].toUpperCase() as PostgresQueryResult<R>['command'];
        if (parameters.length === 0 && sql.includes(';')) {
          // Several statements (migrations): the simple protocol, as pg does without parameters.
          const results = await pglite.exec(sql);
          const last = results[results.length - 1];
          return { command, rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
        }
        const result = await pglite.query<R>(sql, parameters as unknown[]);
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release() {
        release();
      },
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {}
}
