import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../../auth/actor.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { audited, type Ctx } from '../audit/write.ts';

export type OwnerType = 'activity' | 'agreement' | 'dispute' | 'legal_case';
const OWNER_TABLE: Record<OwnerType, string> = { activity: 'activity', agreement: 'collective_agreement', dispute: 'labour_dispute', legal_case: 'legal_case' };
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** What the file really is, by its first bytes: minutes come as PDF, Word or photos, nothing else. */
export function sniffMime(buf: Buffer): string | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && buf.includes(Buffer.from('word/'))) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** The owner record's unit, for the scope check; legal cases also need the handler or legal.sensitive. */
export async function ownerUnit(db: Db, actor: Actor, type: OwnerType, id: number, write: boolean) {
  const { rows: [row] } = await sql<{ unit_id: number; unit_path: string; province_id: number | null; handler: number | null }>`
    select unit_id, unit_path::text as unit_path, province_id, ${type === 'legal_case' ? sql`handler_user_id` : sql`null::int`} as handler
    from ${sql.table(OWNER_TABLE[type])} where id = ${id}`.execute(db);
  const perm = write ? 'activity.write' : 'activity.read';
  if (!row || !can(actor, 'activity.read', row.unit_path)) throw notFound();
  if (!can(actor, perm, row.unit_path)) throw forbidden();
  if (type === 'legal_case' && row.handler !== actor.userId && !can(actor, 'legal.sensitive', row.unit_path)) {
    throw forbidden('Hồ sơ tư vấn, hỗ trợ pháp lý chỉ cán bộ thụ lý và công đoàn cấp trên được xem.');
  }
  return row;
}

export async function listDocuments(db: Db, actor: Actor, type: OwnerType, ownerId: number) {
  await ownerUnit(db, actor, type, ownerId, false);
  const rows = await db.selectFrom('activity_document as d').leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select(['d.id', 'd.kind', 'd.file_name as fileName', 'd.mime', 'd.size_bytes as size', 'd.uploaded_at as uploadedAt', 'u.full_name as uploadedBy'])
    .where('d.owner_type', '=', type).where('d.owner_id', '=', ownerId).where('d.removed_at', 'is', null).orderBy('d.uploaded_at', 'desc').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function addDocument(ctx: Ctx, type: OwnerType, ownerId: number, file: { fileName: string; content: Buffer; kind: string }) {
  const owner = await ownerUnit(ctx.db, ctx.actor, type, ownerId, true);
  if (!file.content.length) throw badRequest('file_empty', 'Tệp rỗng.', 'file');
  if (file.content.length > MAX_DOCUMENT_BYTES) throw badRequest('file_too_large', 'Tệp lớn hơn 20 MB.', 'file');
  const mime = sniffMime(file.content);
  if (!mime) throw badRequest('file_type', 'Chỉ nhận biên bản dạng PDF, Word (.docx) hoặc ảnh (JPG, PNG, WEBP).', 'file');
  return audited(ctx, { permission: 'activity.write', unitId: owner.unit_id, entity: 'document', action: 'upload' }, async (trx) => {
    const row = await trx.insertInto('activity_document').values({
      province_id: owner.province_id, owner_type: type, owner_id: ownerId, unit_id: owner.unit_id, kind: file.kind,
      file_name: file.fileName.normalize('NFC').slice(0, 255), mime, size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, uploaded_by: ctx.actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return { entityId: row.id, after: { ownerType: type, ownerId, fileName: file.fileName, size: file.content.length }, result: { id: Number(row.id), mime } };
  });
}

async function documentRow(db: Db, id: number) {
  const d = await db.selectFrom('activity_document').select(['id', 'owner_type', 'owner_id', 'file_name', 'mime', 'removed_at']).where('id', '=', id).executeTakeFirst();
  if (!d || d.removed_at) throw notFound('Không tìm thấy tài liệu.');
  return d;
}

export async function readDocument(db: Db, actor: Actor, id: number) {
  const d = await documentRow(db, id);
  await ownerUnit(db, actor, d.owner_type as OwnerType, d.owner_id, false);
  const { content } = await db.selectFrom('activity_document').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  return { fileName: d.file_name, mime: d.mime, content: Buffer.from(content) };
}

/** Removed documents stay in the database with who removed them and why. */
export async function removeDocument(ctx: Ctx, id: number, reason: string) {
  const d = await documentRow(ctx.db, id);
  const owner = await ownerUnit(ctx.db, ctx.actor, d.owner_type as OwnerType, d.owner_id, true);
  await audited(ctx, { permission: 'activity.write', unitId: owner.unit_id, entity: 'document', action: 'remove' }, async (trx) => {
    await trx.updateTable('activity_document').set({ removed_at: new Date(), removed_by: ctx.actor.userId, removed_reason: reason }).where('id', '=', id).execute();
    return { entityId: id, after: { fileName: d.file_name, reason }, result: null };
  });
  return { ok: true as const };
}
