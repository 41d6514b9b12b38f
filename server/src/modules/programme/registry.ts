import { sql, type RawBuilder } from 'kysely';
import type { Permission } from '@cds/shared';
import type { Db } from '../../db/connection.ts';

/**
 * The indicator registry: every figure a programme target can name is defined once here, by the
 * module whose records feed it, as SQL over the live records. No nightly job, no typed figure.
 *
 * A module writes its indicators in `modules/<module>/indicators.ts` with `defineIndicator()`,
 * and `modules/programme/indicators.ts` lists them. The programme engine calls `compute()` for a
 * unit subtree and a period, either for the whole subtree (one row per sector, or one row) or
 * grouped by the units directly below the chosen unit (for ranked charts) — one query either way,
 * because the group key comes from `childUnit()` below.
 *
 * Example (members/indicators.ts):
 *   export const memberIndicators = [defineIndicator({
 *     key: 'admissions_count', label: 'Số đoàn viên kết nạp mới', kind: 'count', module: 'members',
 *     description: 'Số lượt kết nạp đoàn viên có ngày kết nạp trong kỳ, tại các đơn vị thuộc phạm vi.',
 *     unitLabel: 'đoàn viên', recordPermission: 'member.read',
 *     async compute(db, q) {
 *       const { rows } = await sql<any>`
 *         select ${childUnit('u.path', q)} as "unitId", null::text as sector, count(*) as numerator, null::int as denominator
 *         from member_event e join org_unit u on u.id = e.unit_id
 *         where ${inSubtree('u.path', q)} and e.kind = 'admission' and e.on_date between ${q.from} and ${q.to}
 *         group by 1`.execute(db);
 *       return toRows(rows);
 *     },
 *   })];
 */

/** A unit subtree and a period [from, to] (dates 'YYYY-MM-DD', both inclusive). */
export interface IndicatorQuery {
  /** ltree path of the unit whose subtree is counted (ids joined by dots). */
  unitPath: string;
  from: string;
  to: string;
  /**
   * When true, group the figures by the unit directly below `unitPath` that holds each record
   * (rows with `unitId` = that child's id; records held by the unit itself come back with
   * `unitId` = null). When false, `unitId` is always null.
   */
  byChild: boolean;
}

export interface IndicatorRow {
  /** The child unit (when `byChild`), else null. */
  unitId: number | null;
  /** The sector ('state', 'non_state', 'fdi', 'administrative', 'public_service') when the indicator is by sector, else null. */
  sector: string | null;
  numerator: number;
  /** Null for counts; 0 means "no denominator": the engine shows "không áp dụng", never 0%. */
  denominator: number | null;
}

export interface DrillQuery extends Omit<IndicatorQuery, 'byChild'> {
  sector?: string | null;
  limit: number;
  offset: number;
}

export interface DrillColumn {
  key: string;
  /** Vietnamese column title. */
  label: string;
  type?: 'text' | 'date' | 'number' | 'boolean';
}

/** The records behind a figure: a page of rows with the columns to show. */
export interface DrillResult {
  columns: DrillColumn[];
  rows: Record<string, unknown>[];
  total: number;
}

export interface IndicatorDefinition {
  /** Stable key named by targets, e.g. 'admissions_count'. */
  key: string;
  /** Vietnamese label, e.g. 'Số đoàn viên kết nạp mới'. */
  label: string;
  /** How it is computed, in Vietnamese; shown in the UI beside the figure. */
  description: string;
  kind: 'ratio' | 'count';
  /** Values come per sector of the unit or enterprise (T2, T3, T11 thresholds differ by sector). */
  bySector?: boolean;
  /** The module that owns the records: 'members', 'enterprises', 'activities', … */
  module: string;
  /** What is counted, for labels: 'đoàn viên', 'doanh nghiệp', 'lượt'… */
  unitLabel?: string;
  /** Permission needed to see the records behind the figure (drill-down); figures themselves need programme.read. */
  recordPermission: Permission;
  /**
   * SQL over the records of the subtree and period. Use `inSubtree()` for the subtree filter and
   * `childUnit()` for the `unitId` column, and group by (unitId, sector).
   */
  compute(db: Db, q: IndicatorQuery): Promise<IndicatorRow[]>;
  /** The records behind the figure (for a unit and period, optionally a sector), paged. */
  drill?(db: Db, q: DrillQuery): Promise<DrillResult>;
}

const KEY = /^[a-z][a-z0-9_]{1,62}$/;

/** Checks a definition once, at import, so a typo fails at start-up rather than on a dashboard. */
export function defineIndicator(def: IndicatorDefinition): IndicatorDefinition {
  if (!KEY.test(def.key)) throw new Error(`Indicator key "${def.key}" must be snake_case`);
  if (!def.label || !def.description) throw new Error(`Indicator "${def.key}" needs a label and a description`);
  return Object.freeze({ ...def });
}

/** `path <@ unitPath`: the record's unit is in the subtree. `pathColumn` is an ltree column, e.g. 'u.path'. */
export function inSubtree(pathColumn: string, q: Pick<IndicatorQuery, 'unitPath'>): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(pathColumn)} <@ ${q.unitPath}::ltree`;
}

/**
 * The group key for `byChild`: the id of the unit directly below `q.unitPath` on the record's
 * unit path (paths are ids joined by dots), or null for records of the unit itself / when not
 * grouping. Use as `${childUnit('u.path', q)} as "unitId"` and group by it.
 */
export function childUnit(pathColumn: string, q: Pick<IndicatorQuery, 'unitPath' | 'byChild'>): RawBuilder<number | null> {
  if (!q.byChild) return sql<number | null>`null::int`;
  const depth = q.unitPath.split('.').length;
  return sql<number | null>`case when nlevel(${sql.ref(pathColumn)}) > ${depth}
    then ltree2text(subpath(${sql.ref(pathColumn)}, ${depth}, 1))::int end`;
}

/** Numbers from SQL (bigint/numeric may arrive as strings on some drivers) as JS numbers. */
export function toRows(rows: { unitId: number | null; sector: string | null; numerator: unknown; denominator: unknown }[]): IndicatorRow[] {
  return rows.map((r) => ({
    unitId: r.unitId === null || r.unitId === undefined ? null : Number(r.unitId),
    sector: r.sector ?? null,
    numerator: Number(r.numerator ?? 0),
    denominator: r.denominator === null || r.denominator === undefined ? null : Number(r.denominator),
  }));
}
