import type { Db } from '../../db/connection.ts';
import { requireAt, type Actor } from '../../auth/actor.ts';
import { ratioOrCount } from '../programme/engine.ts';
import { activityIndicators, participation } from './indicators.ts';
import { yearGrid } from './service.ts';

const PARTICIPATION: Record<string, { category: string; enterpriseOnly: boolean }> = {
  study_participation: { category: 'study', enterpriseOnly: false },
  culture_sports_participation: { category: 'culture_sports', enterpriseOnly: false },
  skills_training_participation: { category: 'skills_training', enterpriseOnly: true },
};

/**
 * This module's indicators for one unit and period, computed by the same definitions the
 * programme dashboard uses; participation figures say how much of the numerator is named
 * members and how much comes from headcount-only sessions.
 */
export async function unitIndicators(db: Db, actor: Actor, unitId: number, from: string, to: string) {
  const unitPath = await requireAt(db, actor, 'activity.read', unitId);
  const q = { unitPath, from, to, byChild: false };
  return Promise.all(activityIndicators.filter((d) => d.recordPermission !== 'legal.sensitive').map(async (def) => {
    const p = PARTICIPATION[def.key];
    const rows = p ? await participation(db, q, p.category, p.enterpriseOnly) : await def.compute(db, q);
    const bySector = def.bySector ? rows.map((r) => ({ sector: r.sector, numerator: r.numerator, denominator: r.denominator, value: ratioOrCount(def.kind, r.numerator, r.denominator) })) : [];
    const numerator = rows.reduce((s, r) => s + r.numerator, 0);
    const denominator = def.kind === 'ratio' ? rows.reduce((s, r) => s + (r.denominator ?? 0), 0) : null;
    const named = p ? rows.reduce((s, r) => s + ((r as { named?: number }).named ?? 0), 0) : null;
    const fromCounts = p ? rows.reduce((s, r) => s + ((r as { fromCounts?: number }).fromCounts ?? 0), 0) : null;
    return {
      key: def.key, label: def.label, description: def.description, kind: def.kind, unitLabel: def.unitLabel ?? null,
      numerator, denominator, value: ratioOrCount(def.kind, numerator, denominator), named, fromCounts, bySector,
    };
  }));
}

export async function yearOverview(db: Db, actor: Actor, unitId: number, year: number) {
  const [grid, indicators] = await Promise.all([
    yearGrid(db, actor, unitId, year),
    unitIndicators(db, actor, unitId, `${year}-01-01`, `${year}-12-31`),
  ]);
  return { year, grid, indicators };
}
