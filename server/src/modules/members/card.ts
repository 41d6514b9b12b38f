import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { getMember, today } from './service.ts';

/**
 * The e-card's QR carries the member id, card number and validity, signed with the server's
 * secret (HMAC-SHA256): editing any part of the URL breaks the signature, so a forged card does
 * not verify. Whether the card still holds (member active, card not replaced) is read live.
 */
export interface CardClaims {
  memberId: number;
  cardNumber: string;
  validUntil: string;
}

const sign = (payload: string) => createHmac('sha256', config.cardSecret).update(payload).digest('base64url');

export function cardToken(c: CardClaims): string {
  const payload = Buffer.from(`${c.memberId}|${c.cardNumber}|${c.validUntil}`).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function readCardToken(token: string): CardClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [memberId, cardNumber, validUntil] = Buffer.from(payload, 'base64url').toString().split('|');
  if (!/^\d+$/.test(memberId ?? '') || !cardNumber || !/^\d{4}-\d{2}-\d{2}$/.test(validUntil ?? '')) return null;
  return { memberId: Number(memberId), cardNumber, validUntil };
}

/** The public page a QR opens: `/the/<token>` on the app's public address. */
export const verifyUrl = (origin: string, token: string) => `${config.publicUrl ?? origin}/the/${token}`;

export async function cardQr(url: string) {
  return {
    qr: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
    qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

export interface CardView {
  fullName: string;
  unitName: string | undefined;
  cardNumber: string;
  issuedOn: string;
  validUntil: string;
  active: boolean;
  token: string;
  verifyUrl: string;
  qr: string;
  qrSvg: string;
}

/** What the e-card shows its holder or an officer, with the signed QR code. */
export async function cardOf(m: { id: number; fullName: string; unitName?: string; cardNumber: string | null; cardIssuedOn: string | null; cardValidUntil: string | null; status: string }, origin: string): Promise<CardView> {
  if (!m.cardNumber || !m.cardIssuedOn || !m.cardValidUntil) throw badRequest('no_card', 'Đoàn viên chưa được cấp thẻ.');
  const token = cardToken({ memberId: m.id, cardNumber: m.cardNumber, validUntil: m.cardValidUntil });
  const url = verifyUrl(origin, token);
  return {
    fullName: m.fullName, unitName: m.unitName, cardNumber: m.cardNumber, issuedOn: m.cardIssuedOn, validUntil: m.cardValidUntil,
    active: m.status === 'active', token, verifyUrl: url, ...(await cardQr(url)),
  };
}

export async function memberCard(db: Db, actor: Actor, id: number, origin: string) {
  return cardOf(await getMember(db, actor, id), origin);
}

/**
 * Public verification: only the name, the union and the validity (nothing sensitive, not even the
 * card number a stranger could copy). A bad signature is refused outright.
 */
export async function verifyCard(db: Db, token: string) {
  const claims = readCardToken(token);
  if (!claims) throw badRequest('card_invalid', 'Thẻ không hợp lệ: mã QR không do hệ thống cấp hoặc đã bị sửa.');
  const m = await db.selectFrom('member as m').innerJoin('org_unit as u', 'u.id', 'm.unit_id')
    .select(['m.full_name', 'm.card_number', 'm.card_valid_until', 'm.status', 'u.name as unit_name'])
    .where('m.id', '=', claims.memberId).executeTakeFirst();
  if (!m) throw notFound('Không tìm thấy thẻ.');
  const replaced = m.card_number !== claims.cardNumber;
  const active = m.status === 'active';
  const expired = claims.validUntil < today();
  const valid = !replaced && active && !expired;
  return {
    valid, fullName: m.full_name, unitName: m.unit_name, validUntil: claims.validUntil,
    reason: valid ? null : replaced ? 'Thẻ đã được thay bằng thẻ khác.' : !active ? 'Người này không còn là đoàn viên công đoàn.' : 'Thẻ đã hết hạn.',
  };
}
