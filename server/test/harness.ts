import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import { createSession, SESSION_COOKIE } from '../src/auth/session.ts';
import { ADMIN_URL, dbUrl } from './global-setup.ts';
import { fixtureIds, type FixtureIds } from './fixture.ts';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** An HTTP client for one user, speaking to the app in-process (no port). */
export class Client {
  constructor(private readonly app: FastifyInstance, readonly cookie: string | null) {}

  async request<T = any>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res = await this.app.inject({
      method: method as never, url,
      payload: payload === undefined ? undefined : (payload as never),
      headers: { ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}), ...headers },
    });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, headers: res.headers, raw: res.rawPayload } as Response<T>;
  }
  get<T = any>(url: string) { return this.request<T>('GET', url); }
  post<T = any>(url: string, body: unknown = {}) { return this.request<T>('POST', url, body); }
  patch<T = any>(url: string, body: unknown = {}) { return this.request<T>('PATCH', url, body); }
  put<T = any>(url: string, body: unknown = {}) { return this.request<T>('PUT', url, body); }
  delete<T = any>(url: string) { return this.request<T>('DELETE', url); }
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  ids: FixtureIds;
  anonymous: Client;
  /** A session for a fixture user without the password round trip (login itself is tested apart). */
  as(username: string): Promise<Client>;
  close(): Promise<void>;
}

/** A fresh database with the fixture (cloned from the run's template) and the app built on it. */
export async function startTestApp(opts: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const pgTemplate = inject('pgTemplate');
  let database: DatabaseHandle;
  let dropDb: (() => Promise<void>) | null = null;
  if (pgTemplate) {
    const name = `cds_test_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplate}`);
    await admin.end();
    database = await openDatabase({ url: dbUrl(name), poolSize: 5 });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    database = await openDatabase({ loadDataDir: dump });
  }
  const app = await buildApp({ database, loginRateLimit: opts.loginRateLimit ?? 1000 });
  await app.ready();
  const ids = await fixtureIds(database.db);
  return {
    app, database, ids,
    anonymous: new Client(app, null),
    async as(username: string) {
      const user = await database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      return new Client(app, await createSession(database.db, user.id, {}));
    },
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
    },
  };
}

export const engineName = () => (inject('pgTemplate') ? 'postgres' : 'pglite');
