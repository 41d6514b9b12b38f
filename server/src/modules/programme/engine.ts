import { sql } from 'kysely';
import type { Comparison, Light } from '@cds/shared';
import type { Db } from '../../db/connection.ts';
import { indicatorByKey } from './indicators.ts';
import type { IndicatorDefinition, IndicatorRow } from './registry.ts';
import type { Threshold } from './tables.ts';

/**
 * The indicator engine: evaluates targets for a unit subtree and a period, live, from the
 * indicator definitions. No figure is stored except hand-entered ones and report snapshots.
 */

export interface Period {
  year: number;
  /** 1: the first half (Jan–Jun); absent: the whole year. */
  half?: 1 | null;
}

export function periodRange(p: Period): { from: string; to: string } {
  return { from: `${p.year}-01-01`, to: p.half === 1 ? `${p.year}-06-30` : `${p.year}-12-31` };
}

export interface TargetRow {
  id: number;
  programmeId: number;
  programmeUnitId: number;
  code: string;
  title: string;
  indicatorKey: string;
  comparison: Comparison;
  thresholds: Threshold[];
}

export interface GroupValue {
  /** Sectors this line covers (null: all). */
  sectors: string[] | null;
  /** The threshold that applies at this unit, or null when none is assigned (a count target without a share). */
  threshold: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Percentage for ratios, the count for counts; null when not applicable (no denominator) or no data. */
  value: number | null;
  /** value − threshold (positive is ahead for ≥, behind for ≤). */
  gap: number | null;
  light: Light;
  /** 'na': the unit has nothing to count (no denominator); 'no_data': no indicator and no manual value. */
  status: 'ok' | 'na' | 'no_data' | 'no_threshold';
}

export interface TargetValue {
  targetId: number;
  code: string;
  title: string;
  indicatorKey: string;
  indicator: { label: string; description: string; kind: 'ratio' | 'count'; unitLabel: string | null; module: string; bySector: boolean; drill: boolean } | null;
  comparison: Comparison;
  source: 'computed' | 'manual' | 'none';
  manual: { enteredBy: string; enteredAt: string; note: string | null } | null;
  groups: GroupValue[];
  light: Light;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function ratioOrCount(kind: 'ratio' | 'count', num: number, den: number | null): number | null {
  if (kind === 'count') return num;
  if (den === null || den === 0) return null;
  return round((100 * num) / den);
}

/** Met → green; within 20% of the threshold → yellow; further → red; nothing to judge → grey. */
export function lightOf(comparison: Comparison, value: number | null, threshold: number | null): Light {
  if (value === null || threshold === null) return 'grey';
  if (comparison === 'gte') return value >= threshold ? 'green' : value >= threshold * 0.8 ? 'yellow' : 'red';
  if (comparison === 'lte') return value <= threshold ? 'green' : value <= threshold * 1.2 ? 'yellow' : 'red';
  return Math.abs(value - threshold) < 1e-9 ? 'green' : 'red';
}

const LIGHT_ORDER: Light[] = ['red', 'yellow', 'green', 'grey'];
export function worstLight(lights: Light[]): Light {
  for (const l of LIGHT_ORDER) if (lights.includes(l)) return l;
  return 'grey';
}

/** Sums the rows of the sectors a threshold covers. */
export function sumRows(rows: IndicatorRow[], sectors: string[] | null): { numerator: number; denominator: number | null; any: boolean } {
  let numerator = 0;
  let denominator: number | null = null;
  let any = false;
  for (const r of rows) {
    if (sectors && (r.sector === null || !sectors.includes(r.sector))) continue;
    any = true;
    numerator += r.numerator;
    if (r.denominator !== null) denominator = (denominator ?? 0) + r.denominator;
  }
  return { numerator, denominator, any };
}

/** One line per threshold: its value, gap and light. */
export function judge(
  def: Pick<IndicatorDefinition, 'kind' | 'bySector'>, comparison: Comparison, thresholds: { sectors: string[] | null; value: number | null }[], rows: IndicatorRow[],
): GroupValue[] {
  return thresholds.map((t) => {
    const sectors = def.bySector ? t.sectors : null;
    const s = sumRows(rows, sectors);
    const denominator = def.kind === 'ratio' ? (s.denominator ?? 0) : null;
    const value = ratioOrCount(def.kind, s.numerator, denominator);
    const status: GroupValue['status'] = def.kind === 'ratio' && !denominator ? 'na' : t.value === null ? 'no_threshold' : 'ok';
    const gap = value === null || t.value === null ? null : round(value - t.value);
    return {
      sectors: t.sectors, threshold: t.value, numerator: s.numerator, denominator, value, gap,
      light: lightOf(comparison, value, t.value), status,
    };
  });
}

type ComputeCache = Map<string, Promise<IndicatorRow[]>>;

function computeOnce(db: Db, cache: ComputeCache, def: IndicatorDefinition, q: { unitPath: string; from: string; to: string; byChild: boolean }) {
  const k = `${def.key}|${q.unitPath}|${q.from}|${q.to}|${q.byChild}`;
  let p = cache.get(k);
  if (!p) {
    p = def.compute(db, q);
    cache.set(k, p);
  }
  return p;
}

export function describeIndicator(def: IndicatorDefinition | undefined): TargetValue['indicator'] {
  if (!def) return null;
  return {
    label: def.label, description: def.description, kind: def.kind, unitLabel: def.unitLabel ?? null,
    module: def.module, bySector: !!def.bySector, drill: !!def.drill,
  };
}

/**
 * The thresholds that apply at a unit: ratios apply as they are at every level; counts are the
 * programme unit's own figure, or the share cascaded to the unit below.
 */
async function thresholdsAt(db: Db, targets: TargetRow[], unitId: number, year: number) {
  const countTargets = targets.filter((t) => indicatorByKey(t.indicatorKey)?.kind !== 'ratio' && t.programmeUnitId !== unitId);
  const shares = countTargets.length === 0 ? [] : await db.selectFrom('target_share').select(['target_id', 'value'])
    .where('unit_id', '=', unitId).where('year', '=', year).where('target_id', 'in', countTargets.map((t) => t.id)).execute();
  const shareOf = new Map(shares.map((s) => [s.target_id, Number(s.value)]));
  return (t: TargetRow): { sectors: string[] | null; value: number | null }[] => {
    const def = indicatorByKey(t.indicatorKey);
    // An indicator not (yet) registered: its kind is unknown, so its thresholds apply as written.
    if (!def || def.kind === 'ratio' || t.programmeUnitId === unitId) return t.thresholds;
    return [{ sectors: null, value: shareOf.get(t.id) ?? null }];
  };
}

/** Every target's value at a unit for a period, computed live (one query per distinct indicator). */
export async function evaluateTargets(db: Db, unit: { id: number; path: string }, period: Period, targets: TargetRow[]): Promise<TargetValue[]> {
  const { from, to } = periodRange(period);
  const cache: ComputeCache = new Map();
  const thresholdsFor = await thresholdsAt(db, targets, unit.id, period.year);
  const manualKeys = targets.filter((t) => !indicatorByKey(t.indicatorKey)).map((t) => t.indicatorKey);
  const manual = manualKeys.length === 0 ? [] : (await sql<{ indicator_key: string; sector: string | null; numerator: number; denominator: number | null; note: string | null; entered_by: string; entered_at: Date }>`
    select m.indicator_key, m.sector, m.numerator, m.denominator, m.note, u.full_name as entered_by, m.entered_at
    from manual_value m join app_user u on u.id = m.entered_by
    where m.unit_id = ${unit.id} and m.year = ${period.year} and coalesce(m.half, 0) = ${period.half ?? 0}
      and m.indicator_key = any(${manualKeys}::text[])`.execute(db)).rows;

  return Promise.all(targets.map(async (t): Promise<TargetValue> => {
    const def = indicatorByKey(t.indicatorKey);
    const thresholds = thresholdsFor(t);
    const base = { targetId: t.id, code: t.code, title: t.title, indicatorKey: t.indicatorKey, indicator: describeIndicator(def), comparison: t.comparison };
    if (def) {
      const rows = await computeOnce(db, cache, def, { unitPath: unit.path, from, to, byChild: false });
      const groups = judge(def, t.comparison, thresholds, rows);
      return { ...base, source: 'computed', manual: null, groups, light: worstLight(groups.map((g) => g.light)) };
    }
    const entered = manual.filter((m) => m.indicator_key === t.indicatorKey);
    if (entered.length === 0) {
      const groups = thresholds.map((th) => ({ sectors: th.sectors, threshold: th.value, numerator: null, denominator: null, value: null, gap: null, light: 'grey' as Light, status: 'no_data' as const }));
      return { ...base, source: 'none', manual: null, groups, light: 'grey' };
    }
    // A hand-entered figure: a ratio when it has a denominator, else a count.
    const kind = entered.some((m) => m.denominator !== null) ? 'ratio' : 'count';
    const rows: IndicatorRow[] = entered.map((m) => ({ unitId: null, sector: m.sector, numerator: Number(m.numerator), denominator: m.denominator === null ? null : Number(m.denominator) }));
    const groups = judge({ kind, bySector: entered.some((m) => m.sector !== null) }, t.comparison, thresholds, rows);
    const last = entered[0];
    return {
      ...base, source: 'manual', groups, light: worstLight(groups.map((g) => g.light)),
      indicator: { label: t.title, description: 'Số liệu nhập tay (hệ thống chưa có nguồn dữ liệu cho chỉ số này).', kind, unitLabel: null, module: 'manual', bySector: false, drill: false },
      manual: { enteredBy: last.entered_by, enteredAt: new Date(last.entered_at).toISOString(), note: last.note },
    };
  }));
}

export interface ChildValue {
  unitId: number;
  name: string;
  kind: string;
  sector: string | null;
  numerator: number;
  denominator: number | null;
  value: number | null;
  threshold: number | null;
  light: Light;
}

/** A target's value for each unit directly below a unit, ranked best first (one grouped query). */
export async function evaluateByChild(db: Db, unit: { id: number; path: string }, period: Period, t: TargetRow): Promise<{ rows: ChildValue[]; average: number | null }> {
  const def = indicatorByKey(t.indicatorKey);
  const children = await db.selectFrom('org_unit').select(['id', 'name', 'kind', 'sector'])
    .where('parent_id', '=', unit.id).where('dissolved_on', 'is', null).where('kind', '!=', 'union_group').orderBy('name').execute();
  if (!def) {
    return { rows: children.map((c) => ({ unitId: c.id, name: c.name, kind: c.kind, sector: c.sector, numerator: 0, denominator: null, value: null, threshold: null, light: 'grey' })), average: null };
  }
  const { from, to } = periodRange(period);
  const rows = await def.compute(db, { unitPath: unit.path, from, to, byChild: true });
  const shares = def.kind === 'count' ? await db.selectFrom('target_share').select(['unit_id', 'value'])
    .where('target_id', '=', t.id).where('year', '=', period.year).execute() : [];
  const shareOf = new Map(shares.map((s) => [s.unit_id, Number(s.value)]));
  const result = children.map((c): ChildValue => {
    const mine = rows.filter((r) => r.unitId === c.id);
    const s = sumRows(mine, null);
    const denominator = def.kind === 'ratio' ? (s.denominator ?? 0) : null;
    const value = ratioOrCount(def.kind, s.numerator, denominator);
    const threshold = def.kind === 'count' ? (shareOf.get(c.id) ?? null)
      : (t.thresholds.find((x) => !def.bySector || x.sectors === null || (c.sector !== null && x.sectors.includes(c.sector)))?.value ?? null);
    return { unitId: c.id, name: c.name, kind: c.kind, sector: c.sector, numerator: s.numerator, denominator, value, threshold, light: lightOf(t.comparison, value, threshold) };
  });
  result.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'));
  const applicable = result.filter((r) => r.value !== null);
  const average = applicable.length ? round(applicable.reduce((s, r) => s + r.value!, 0) / applicable.length) : null;
  return { rows: result, average };
}
