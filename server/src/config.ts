import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Settings from the environment, with the defaults that make `npm start` work on a laptop. */
export const config = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || `${REPO_ROOT}data/pglite`,
  port: Number(process.env.PORT || 3000),
  host: process.env.HOST || '0.0.0.0',
  secureCookies: process.env.SECURE_COOKIES === '1',
  /** Signs member e-card QR codes; set it on a server so cards survive a restart of another machine. */
  cardSecret: process.env.CARD_SECRET || 'cong-doan-so-demo-secret-change-me',
  /** The address the public reaches the app at (QR codes point here); without it, the request's own host. */
  publicUrl: process.env.PUBLIC_URL?.replace(/\/$/, '') || undefined,
};
