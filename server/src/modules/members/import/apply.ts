/**
 * The heart of the member import, in one transaction: the cleaned rows are COPied into a
 * staging table, then set-based SQL resolves union groups, finds duplicates inside the file
 * and against the registry (by CCCD, then by name + birth date), decides created / updated /
 * unchanged, writes members and their admission events, and one audit row with the counts.
 */
import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../../db/connection.ts';
import { scopePaths, type Actor } from '../../../auth/actor.ts';
import { inBulkTransaction, Rollback } from '../../../lib/bulk.ts';
import { recordAudit } from '../../audit/write.ts';
import { STAGING_COLUMNS, type CellError } from './parse.ts';

export type RowStatus = 'created' | 'updated' | 'duplicate' | 'invalid' | 'skipped';
export interface RowOutcome { row: number; status: RowStatus; memberId?: number; errors?: CellError[] }
export interface ImportSummary { rows: number; created: number; updated: number; duplicate: number; invalid: number; skipped: number }
export type ImportMode = 'valid_only' | 'all_or_nothing';

export interface ApplyInput {
  unit: { id: number; path: string; provinceId: number | null };
  actor: Actor;
  ip?: string;
  fileName: string;
  mode: ImportMode;
  /** COPY text of the staged rows (see `stagingLine`), in chunks. */
  staged: string[];
  skipped: RowOutcome[];
  jobId?: number | null;
  /** Work out what would happen, then undo it (the preview). */
  dryRun?: boolean;
  onPhase?: (phase: string) => void;
}

export interface ApplyResult { summary: ImportSummary; rows: RowOutcome[]; committed: boolean; importId: number | null }

const STAGING = `
  create temp table member_import_row (
    row_no integer primary key, full_name text, name_sort text collate "C", sex text, birth_date date, birth_precision text,
    citizen_id text, ethnicity text, religion text, education text, qualification text, job text, party_member boolean,
    party_joined_on date, phone text, address text, joined_on date, card_number text, group_name text, errors jsonb,
    group_id integer, member_id bigint, status text
  ) on commit drop`;

const addError = (field: string, message: ReturnType<typeof sql>) =>
  sql`errors = coalesce(s.errors, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('field', ${field}::text, 'message', ${message}))`;

export async function applyMemberImport(handle: DatabaseHandle, input: ApplyInput): Promise<ApplyResult> {
  const { unit, actor } = input;
  const phase = input.onPhase ?? (() => {});
  return inBulkTransaction(handle, async ({ db, copy }) => {
    await sql.raw(STAGING).execute(db);
    phase('Đang nạp dữ liệu vào bảng tạm');
    if (input.staged.length) await copy('member_import_row', STAGING_COLUMNS, input.staged);
    await sql`analyze member_import_row`.execute(db);
    phase('Đang kiểm tra tổ công đoàn và trùng lặp');
    await resolveGroups(db, unit.id);
    await sql`update member_import_row set status = 'invalid' where errors is not null`.execute(db);
    await findDuplicatesInFile(db);
    await matchRegistry(db, unit.id, scopePaths(actor, 'member.read'));
    await checkCardNumbers(db);
    await decideChanges(db);

    const counts = await summary(db, input.skipped.length);
    const committed = !input.dryRun && !(input.mode === 'all_or_nothing' && counts.invalid > 0);
    let importId: number | null = null;
    if (committed) {
      phase('Đang ghi đoàn viên');
      await writeMembers(db, input);
      const row = await db.insertInto('member_import').values({
        province_id: unit.provinceId, unit_id: unit.id, job_id: input.jobId ?? null, file_name: input.fileName, mode: input.mode,
        ...counts, created_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      importId = Number(row.id);
      await recordAudit(db, { actor, ip: input.ip }, {
        unitId: unit.id, entity: 'member_import', entityId: importId, action: 'import',
        after: { fileName: input.fileName, mode: input.mode, ...counts },
      });
    }
    const { rows } = await sql<{ row_no: number; status: RowStatus; member_id: number | null; errors: CellError[] | null }>`
      select row_no, status, member_id, errors from member_import_row order by row_no`.execute(db);
    const outcomes: RowOutcome[] = [...input.skipped];
    for (const r of rows) {
      const o: RowOutcome = { row: r.row_no, status: r.status };
      if (r.member_id !== null && r.status !== 'invalid' && (r.status !== 'created' || committed)) o.memberId = Number(r.member_id);
      if (r.errors) o.errors = typeof r.errors === 'string' ? JSON.parse(r.errors) : r.errors;
      outcomes.push(o);
    }
    outcomes.sort((a, b) => a.row - b.row);
    const result: ApplyResult = { summary: counts, rows: outcomes, committed, importId };
    if (!committed) throw new Rollback(result);
    return result;
  });
}

/** "Tổ công đoàn" cells name a union group of this grassroots union, by name (with or without "Tổ công đoàn") or code. */
async function resolveGroups(db: Db, unitId: number) {
  await sql`
    update member_import_row s set group_id = g.id
    from org_unit g
    where s.group_name is not null and g.parent_id = ${unitId} and g.kind = 'union_group' and g.dissolved_on is null
      and (vn_fold(g.name) = vn_fold(s.group_name) or vn_fold(g.name) = 'to cong doan ' || vn_fold(s.group_name)
           or vn_fold(g.name) = vn_fold(regexp_replace(s.group_name, '^(Tổ CĐ|Tổ)\\s+', 'Tổ công đoàn ', 'i'))
           or lower(g.code) = lower(s.group_name))`.execute(db);
  await sql`
    update member_import_row s set ${addError('group', sql`'Không có tổ công đoàn "' || s.group_name || '" trong công đoàn cơ sở này.'`)}
    where s.group_name is not null and s.group_id is null`.execute(db);
}

/** The first row of a person wins; later rows with the same CCCD, or the same name and birth date without a CCCD to tell them apart, are duplicates. */
async function findDuplicatesInFile(db: Db) {
  await sql`
    update member_import_row s set status = 'duplicate',
      ${addError('citizenId', sql`'Trùng số CCCD với dòng ' || f.first_row || ' trong tệp.'`)}
    from (select citizen_id, min(row_no) as first_row from member_import_row
          where status is null and citizen_id is not null group by citizen_id having count(*) > 1) f
    where s.status is null and s.citizen_id = f.citizen_id and s.row_no > f.first_row`.execute(db);
  await sql`
    update member_import_row s set status = 'duplicate',
      ${addError('fullName', sql`'Trùng họ tên và ngày sinh với dòng ' || o.row_no || ' trong tệp.'`)}
    from member_import_row o
    where s.status is null and s.citizen_id is null and o.status is null and o.row_no <> s.row_no
      and o.name_sort = s.name_sort and o.birth_date is not distinct from s.birth_date
      and (o.citizen_id is not null or o.row_no < s.row_no)`.execute(db);
}

/**
 * Finds each remaining row's member in the registry: by CCCD anywhere (one person, one record),
 * else by name and birth date inside this union. A person registered in another union is not
 * taken over by an import (that is a transfer); the message names the union only if the
 * officer may see it.
 */
async function matchRegistry(db: Db, unitId: number, readPaths: string[]) {
  await sql`
    update member_import_row s set member_id = m.id
    from member m where s.status is null and s.citizen_id is not null and m.citizen_id = s.citizen_id and m.unit_id = ${unitId}`.execute(db);
  await sql`
    update member_import_row s set status = 'duplicate', member_id = null,
      ${addError('citizenId', sql`case when m.unit_path <@ any(${readPaths}::ltree[])
        then 'Số CCCD này đã có hồ sơ đoàn viên tại ' || u.name || '. Muốn đưa về đơn vị này, hãy làm thủ tục chuyển sinh hoạt.'
        else 'Số CCCD này đã có hồ sơ đoàn viên ở đơn vị khác. Muốn đưa về đơn vị này, hãy làm thủ tục chuyển sinh hoạt.' end`)}
    from member m join org_unit u on u.id = m.unit_id
    where s.status is null and s.member_id is null and s.citizen_id is not null and m.citizen_id = s.citizen_id`.execute(db);
  await sql`
    update member_import_row s set member_id = m.id
    from (select distinct on (name_sort, birth_date) id, name_sort, birth_date, citizen_id
          from member where unit_id = ${unitId} order by name_sort, birth_date, id) m
    where s.status is null and s.member_id is null and m.name_sort = s.name_sort
      and m.birth_date is not distinct from s.birth_date and (s.citizen_id is null or m.citizen_id is null)`.execute(db);
  // Two rows of the file may not land on one member (a row without CCCD matching a member another row names by CCCD).
  await sql`
    update member_import_row s set status = 'duplicate', member_id = null,
      ${addError('fullName', sql`'Cùng một đoàn viên với dòng ' || o.row_no || ' trong tệp.'`)}
    from member_import_row o
    where s.status is null and o.status is null and s.member_id is not null and o.member_id = s.member_id and o.row_no < s.row_no`.execute(db);
}

/** Card numbers are unique: in the file and across the registry. */
async function checkCardNumbers(db: Db) {
  await sql`
    update member_import_row s set status = 'invalid',
      ${addError('cardNumber', sql`'Số thẻ đoàn viên trùng với dòng ' || f.first_row || ' trong tệp.'`)}
    from (select card_number, min(row_no) as first_row from member_import_row
          where status is null and card_number is not null group by card_number having count(*) > 1) f
    where s.status is null and s.card_number = f.card_number and s.row_no > f.first_row`.execute(db);
  await sql`
    update member_import_row s set status = 'invalid', ${addError('cardNumber', sql`'Số thẻ đoàn viên này đã cấp cho người khác.'`)}
    from member m
    where s.status is null and s.card_number is not null and m.card_number = s.card_number and m.id is distinct from s.member_id`.execute(db);
}

/** New people are created; known people are updated where the file says something new, else left unchanged. */
async function decideChanges(db: Db) {
  await sql`update member_import_row set status = 'created' where status is null and member_id is null`.execute(db);
  await sql`
    update member_import_row s set status = case when
      (coalesce(s.full_name, m.full_name), coalesce(s.sex, m.sex), coalesce(s.birth_date, m.birth_date),
       coalesce(s.birth_precision, m.birth_precision), coalesce(s.citizen_id, m.citizen_id), coalesce(s.ethnicity, m.ethnicity),
       coalesce(s.religion, m.religion), coalesce(s.education, m.education), coalesce(s.qualification, m.qualification),
       coalesce(s.job, m.job), coalesce(s.party_member, m.party_member), coalesce(s.party_joined_on, m.party_joined_on),
       coalesce(s.phone, m.phone), coalesce(s.address, m.address), coalesce(s.joined_on, m.joined_on),
       coalesce(s.card_number, m.card_number), coalesce(s.group_id, m.group_id))
      is distinct from
      (m.full_name, m.sex, m.birth_date, m.birth_precision, m.citizen_id, m.ethnicity, m.religion, m.education, m.qualification,
       m.job, m.party_member, m.party_joined_on, m.phone, m.address, m.joined_on, m.card_number, m.group_id)
      then 'updated' else 'duplicate' end
    from member m where s.status is null and s.member_id = m.id`.execute(db);
}

async function summary(db: Db, skipped: number): Promise<ImportSummary> {
  const { rows: [c] } = await sql<Record<string, number>>`
    select count(*)::int as rows,
      count(*) filter (where status = 'created')::int as created, count(*) filter (where status = 'updated')::int as updated,
      count(*) filter (where status = 'duplicate')::int as duplicate, count(*) filter (where status = 'invalid')::int as invalid
    from member_import_row`.execute(db);
  return { rows: c.rows + skipped, created: c.created, updated: c.updated, duplicate: c.duplicate, invalid: c.invalid, skipped };
}

async function writeMembers(db: Db, input: ApplyInput) {
  const { unit, actor } = input;
  await sql`update member_import_row set member_id = nextval(pg_get_serial_sequence('member', 'id')) where status = 'created'`.execute(db);
  await sql`
    insert into member (id, province_id, unit_id, unit_path, group_id, full_name, name_sort, sex, birth_date, birth_precision, citizen_id,
      ethnicity, religion, education, qualification, job, party_member, party_joined_on, phone, address, joined_on, card_number)
    select member_id, ${unit.provinceId}, ${unit.id}, ${unit.path}::ltree, group_id, full_name, name_sort, sex, birth_date, birth_precision,
      citizen_id, ethnicity, religion, education, qualification, job, coalesce(party_member, false), party_joined_on, phone, address,
      joined_on, card_number
    from member_import_row where status = 'created'`.execute(db);
  const reason = `Nhập từ tệp Excel "${input.fileName.slice(0, 200)}"`;
  await sql`
    insert into member_event (member_id, province_id, kind, on_date, unit_id, reason, created_by)
    select member_id, ${unit.provinceId}, case when joined_on is null then 'register' else 'admission' end,
      coalesce(joined_on, (now() at time zone 'Asia/Ho_Chi_Minh')::date), ${unit.id},
      case when joined_on is null then ${reason + ' — chưa rõ ngày vào Công đoàn, lấy ngày nhập'} else ${reason} end, ${actor.userId}
    from member_import_row where status = 'created'`.execute(db);
  await sql`
    update member m set full_name = coalesce(s.full_name, m.full_name), name_sort = coalesce(s.name_sort, m.name_sort),
      sex = coalesce(s.sex, m.sex), birth_date = coalesce(s.birth_date, m.birth_date), birth_precision = coalesce(s.birth_precision, m.birth_precision),
      citizen_id = coalesce(s.citizen_id, m.citizen_id), ethnicity = coalesce(s.ethnicity, m.ethnicity), religion = coalesce(s.religion, m.religion),
      education = coalesce(s.education, m.education), qualification = coalesce(s.qualification, m.qualification), job = coalesce(s.job, m.job),
      party_member = coalesce(s.party_member, m.party_member), party_joined_on = coalesce(s.party_joined_on, m.party_joined_on),
      phone = coalesce(s.phone, m.phone), address = coalesce(s.address, m.address), joined_on = coalesce(s.joined_on, m.joined_on),
      card_number = coalesce(s.card_number, m.card_number), group_id = coalesce(s.group_id, m.group_id),
      version = m.version + 1, updated_at = now()
    from member_import_row s where s.status = 'updated' and s.member_id = m.id`.execute(db);
  // A corrected joining date moves the admission it dates; a first one turns the registration into that admission.
  await sql`
    update member_event e set on_date = s.joined_on, kind = 'admission'
    from member_import_row s
    where s.status = 'updated' and s.joined_on is not null and e.member_id = s.member_id and e.kind in ('admission', 'register')
      and (e.on_date <> s.joined_on or e.kind = 'register')`.execute(db);
}
