/**
 * One transaction on one connection for bulk work, with COPY into it, on both engines: a
 * dedicated pg client for the PostgreSQL server (COPY … FROM STDIN through pg-copy-streams),
 * PGlite's single connection held for the whole transaction (COPY … FROM '/dev/blob').
 * Everything the callback does commits together or not at all; a killed process leaves nothing.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle, Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

export interface BulkSession {
  /** Queries inside the transaction. */
  db: Db;
  /** COPY text-format rows (see `copyLine`), given as chunks of lines, into a table of this transaction. */
  copy(table: string, columns: string[], data: string[]): Promise<void>;
}

export class Rollback extends Error {
  constructor(readonly value: unknown) { super('rollback'); }
}

/** Runs `fn` in one transaction. Throw `new Rollback(value)` to undo everything and still return a value. */
export async function inBulkTransaction<T>(handle: DatabaseHandle, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  if (handle.engine === 'postgres') {
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    const pool: PostgresPool = {
      connect: async () => Object.assign(client, { release() {} }) as never,
      end: async () => {},
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await client.query('begin');
      const session: BulkSession = {
        db,
        async copy(table, columns, data) {
          const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
          await pipeline(Readable.from(data), stream);
        },
      };
      try {
        const result = await fn(session);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        if (err instanceof Rollback) return err.value as T;
        throw err;
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const pglite = handle.pglite!;
  return handle.db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    const session: BulkSession = {
      db: conn,
      async copy(table, columns, data) {
        await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob(data) });
      },
    };
    try {
      const result = await fn(session);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      if (err instanceof Rollback) return err.value as T;
      throw err;
    }
  });
}

/**
 * Collects COPY lines into flat chunks. Cell strings from the XML parser are slices of its large
 * buffers; keeping them (or strings built from them) would keep every buffer alive, so lines
 * are joined into fresh flat strings every few thousand rows.
 */
export class CopyBuffer {
  readonly chunks: string[] = [];
  private pending: string[] = [];
  push(line: string) {
    this.pending.push(line);
    if (this.pending.length >= 2000) this.flush();
  }
  flush(): string[] {
    if (this.pending.length) { this.chunks.push(this.pending.join('')); this.pending = []; }
    return this.chunks;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One line of COPY text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(values: (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
    else line += String(v);
  }
  return line + '\n';
}
