import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

export const SESSION_COOKIE = 'cds_session';
export const SESSION_DAYS = 7;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A random token goes to the browser; only its hash is stored, so a leaked table opens no session. */
export async function createSession(db: Db, userId: number, meta: { ip?: string; userAgent?: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('user_session').values({
    id_hash: digest(token),
    user_id: userId,
    expires_at: new Date(Date.now() + SESSION_DAYS * 86400_000),
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return token;
}

export async function sessionUser(db: Db, token: string): Promise<number | null> {
  const row = await db.selectFrom('user_session').select('user_id')
    .where('id_hash', '=', digest(token)).where('expires_at', '>', new Date()).executeTakeFirst();
  return row?.user_id ?? null;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', digest(token)).execute();
}

export async function endOtherSessions(db: Db, userId: number, keepToken: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).where('id_hash', '!=', digest(keepToken)).execute();
}
