import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.ts';

/**
 * The e-card's QR carries the member id, card number and validity, signed with the server's
 * secret: editing any part of the URL breaks the signature, so a forged card does not verify.
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
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [memberId, cardNumber, validUntil] = Buffer.from(payload, 'base64url').toString().split('|');
  if (!memberId || !cardNumber || !validUntil) return null;
  return { memberId: Number(memberId), cardNumber, validUntil };
}
