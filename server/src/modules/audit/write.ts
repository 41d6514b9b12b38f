import { sql } from 'kysely';
import type { Permission } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { requireAt, type Actor } from '../../auth/actor.ts';
import { redactSensitive } from './redact.ts';

export interface Ctx {
  db: Db;
  actor: Actor;
  ip?: string;
}

export interface WriteSpec {
  permission: Permission;
  unitId: number;
  entity: string;
  action: string;
}

export interface WriteOutcome<T> {
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  result: T;
  /** The unit the audit row belongs to, when the write ends somewhere else (a move). */
  unitId?: number;
}

/**
 * The one door for writes: checks the actor's permission at the unit, runs the change in a
 * transaction, and records who changed what, before and after, with sensitive fields hidden.
 */
export async function audited<T>(
  ctx: Ctx,
  spec: WriteSpec,
  change: (trx: Db, unitPath: string) => Promise<WriteOutcome<T>>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const unitPath = await requireAt(trx, ctx.actor, spec.permission, spec.unitId);
    const outcome = await change(trx, unitPath);
    await recordAudit(trx, ctx, {
      unitId: outcome.unitId ?? spec.unitId,
      entity: spec.entity,
      entityId: outcome.entityId,
      action: spec.action,
      before: outcome.before,
      after: outcome.after,
    });
    return outcome.result;
  });
}

export async function recordAudit(
  db: Db,
  ctx: { actor: Actor | null; ip?: string },
  row: { unitId: number | null; entity: string; entityId: string | number | null; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insertInto('audit_log').values({
    user_id: ctx.actor?.userId ?? null,
    unit_id: row.unitId,
    unit_path: row.unitId === null ? null : sql<string>`(select path from org_unit where id = ${row.unitId})`,
    entity: row.entity,
    entity_id: row.entityId === null ? null : String(row.entityId),
    action: row.action,
    before: row.before == null ? null : JSON.stringify(redactSensitive(row.before)),
    after: row.after == null ? null : JSON.stringify(redactSensitive(row.after)),
    ip: ctx.ip ?? null,
  }).execute();
}
