import { mkdirSync } from 'node:fs';
import { buildApp } from './app.ts';
import { config } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateDatabase } from './db/migrate.ts';
import { DEMO_PASSWORD, demoLogins, seedIfEmpty } from './db/seed/index.ts';
import { failInterruptedJobs } from './lib/jobs.ts';

const started = Date.now();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
const applied = await migrateDatabase(database);
if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
const seeded = await seedIfEmpty(database.db);
const interrupted = await failInterruptedJobs(database.db);
if (interrupted) console.log(`${interrupted} công việc bị gián đoạn lần chạy trước đã được đánh dấu thất bại (dữ liệu không bị thay đổi).`);

const app = await buildApp({ database, serveWeb: true, secureCookies: config.secureCookies, logger: process.env.LOG === '1' });
await app.listen({ port: config.port, host: config.host });

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng, dữ liệu tại ${config.dataDir}`;
console.log(`
Công Đoàn Số đang chạy: http://localhost:${config.port}   (API: /api/docs)
Cơ sở dữ liệu: ${where}${seeded ? ' — vừa tạo dữ liệu mẫu LĐLĐ thành phố Bảo Lộc' : ''}
Khởi động trong ${((Date.now() - started) / 1000).toFixed(1)} giây.

Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`);
for (const u of await demoLogins(database.db)) {
  console.log(`  ${u.username.padEnd(16)} ${u.roleLabel.padEnd(28)} ${u.unitName}`);
}

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
