/**
 * Admin commands: `npm run cli -- <lệnh> [tham số]`. Each command opens the same database as the
 * server (DATABASE_URL, else the PGlite data in DATA_DIR; stop the server first when it uses
 * PGlite, which allows one process at a time) and applies pending migrations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'kysely';
import { config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import { migrateDatabase } from './db/migrate.ts';
import { loadActor, type Actor } from './auth/actor.ts';
import { AppError } from './lib/errors.ts';
import { runMemberImport } from './modules/members/import/service.ts';
import { buildResultFile } from './modules/members/import/result-file.ts';

interface Command {
  usage: string;
  help: string;
  run(args: Args, handle: DatabaseHandle): Promise<number>;
}

type Args = { positional: string[]; flags: Record<string, string | true> };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) flags[key] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && !['json', 'dry-run', 'help', 'progress'].includes(key)) flags[key] = argv[++i];
      else flags[key] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

/** The account a command acts as: --user, else the first system administrator. */
async function cliActor(handle: DatabaseHandle, username: string | undefined): Promise<Actor> {
  const user = username
    ? await handle.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()
    : await handle.db.selectFrom('app_user as u').innerJoin('role_grant as g', 'g.user_id', 'u.id').select('u.id')
      .where('g.role', '=', 'admin').where('g.revoked_at', 'is', null).where('u.active', '=', true).orderBy('u.id').executeTakeFirst();
  const actor = user ? await loadActor(handle.db, user.id) : null;
  if (!actor) throw new AppError(400, 'no_user', username ? `Không có tài khoản "${username}" đang hoạt động.` : 'Chưa có tài khoản quản trị hệ thống nào.');
  return actor;
}

const COMMANDS: Record<string, Command> = {
  'import-members': {
    usage: 'import-members --unit <mã CĐCS> <tệp.xlsx> [--json] [--mode valid_only|all_or_nothing] [--user <tên đăng nhập>] [--result <tệp kết quả.xlsx>] [--dry-run] [--progress]',
    help: 'Nhập danh sách đoàn viên từ Excel vào một công đoàn cơ sở: tự tìm dòng tiêu đề và cột, làm sạch, bỏ trùng; in kết quả từng dòng.',
    async run({ positional, flags }, handle) {
      const code = flags.unit;
      const file = positional[0];
      if (typeof code !== 'string' || !file) throw new AppError(400, 'usage', `Cách dùng: npm run cli -- ${this.usage}`);
      const unit = await handle.db.selectFrom('org_unit').select('id').where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
      if (!unit) throw new AppError(404, 'unit_not_found', `Không có đơn vị mã "${code}".`);
      const mode = flags.mode === 'all_or_nothing' ? 'all_or_nothing' : 'valid_only';
      const actor = await cliActor(handle, typeof flags.user === 'string' ? flags.user : undefined);
      const source = readFileSync(file);
      const started = Date.now();
      let lastPhase = '';
      const onProgress = flags.progress ? (done: number, total: number | null, phase?: string) => {
        if (phase && phase !== lastPhase) { lastPhase = phase; process.stderr.write(`tiến độ: ${phase} (${done}${total ? `/${total}` : ''} dòng)\n`); }
      } : undefined;
      const result = await runMemberImport(handle, actor, { unitId: unit.id, source, fileName: basename(file), mode, dryRun: flags['dry-run'] === true, onProgress });
      if (typeof flags.result === 'string') writeFileSync(flags.result, await buildResultFile(source, result.layout, result.rows, result.committed));
      if (flags.json) {
        const rows = result.rows.map((r) => ({ row: r.row, status: r.status, ...(r.memberId ? { memberId: r.memberId } : {}), ...(r.errors?.length ? { errors: r.errors } : {}) }));
        process.stdout.write(JSON.stringify({ summary: result.summary, rows }) + '\n');
      } else {
        const s = result.summary;
        console.log(`${result.committed ? 'Đã nhập' : 'Chưa ghi gì'} "${basename(file)}" trong ${((Date.now() - started) / 1000).toFixed(1)} giây: ` +
          `${s.rows} dòng — ${s.created} thêm mới, ${s.updated} cập nhật, ${s.duplicate} trùng, ${s.invalid} lỗi, ${s.skipped} bỏ qua.`);
        for (const r of result.rows.filter((x) => x.status === 'invalid').slice(0, 20)) {
          console.log(`  Dòng ${r.row}: ${(r.errors ?? []).map((e) => e.message).join('; ')}`);
        }
      }
      return result.committed || flags['dry-run'] ? 0 : 2;
    },
  },
};

function printHelp() {
  console.log('Công Đoàn Số — lệnh quản trị\n\nCách dùng: npm run cli -- <lệnh> [tham số]\n');
  for (const [name, c] of Object.entries(COMMANDS)) console.log(`  ${name}\n    ${c.help}\n    npm run cli -- ${c.usage}\n`);
}

async function main() {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command || name === 'help' || rest.includes('--help')) {
    printHelp();
    return name && !command && name !== 'help' && name !== '--help' ? 1 : 0;
  }
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, poolSize: 2 });
  try {
    await migrateDatabase(handle);
    return await command.run(parseArgs(rest), handle);
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`Lỗi: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
