import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/**
 * A tunable from the `setting` table as it applies at a unit: the value set at the nearest unit
 * up the tree (the unit itself first), or undefined when no unit on the way sets it. Targets,
 * thresholds and periods are data; code reads them here and keeps only a documented fallback.
 */
export async function settingAt<T = unknown>(db: Db, unitPath: string, key: string): Promise<T | undefined> {
  const { rows } = await sql<{ value: T }>`
    select s.value from setting s join org_unit u on u.id = s.unit_id
    where s.key = ${key} and u.path @> ${unitPath}::ltree
    order by nlevel(u.path) desc limit 1`.execute(db);
  return rows[0]?.value;
}
