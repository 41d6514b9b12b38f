import type { Db } from '../../db/connection.ts';
import { settingAt } from '../../lib/settings.ts';

/**
 * The member module's tunables, read from the `setting` table at the nearest unit up the tree.
 * The numbers below are only the fallbacks used when no federation has set its own.
 */

/** Years a card is valid (members.card_valid_years). */
export async function cardYears(db: Db, unitPath: string): Promise<number> {
  const v = await settingAt<number>(db, unitPath, 'members.card_valid_years');
  return typeof v === 'number' && v > 0 && v <= 20 ? v : 5;
}

/** Days before expiry a card shows as due for renewal (members.card_renewal_days). */
export async function renewalDays(db: Db, unitPath: string): Promise<number> {
  const v = await settingAt<number>(db, unitPath, 'members.card_renewal_days');
  return typeof v === 'number' && v >= 0 && v <= 365 ? v : 60;
}

/**
 * The year being assessed on a date: the current one from the month the assessment season opens
 * (members.assessment_from_month, November by default), the previous one before that month.
 */
export async function assessmentYear(db: Db, unitPath: string, on: string): Promise<number> {
  const v = await settingAt<number>(db, unitPath, 'members.assessment_from_month');
  const from = typeof v === 'number' && v >= 1 && v <= 12 ? v : 11;
  const year = Number(on.slice(0, 4));
  return Number(on.slice(5, 7)) >= from ? year : year - 1;
}
