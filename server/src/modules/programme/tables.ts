import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<number, number | string, number | string>;

export interface Threshold {
  /** The sectors the threshold covers; null: every sector (or an indicator not by sector). */
  sectors: string[] | null;
  value: number;
}

export interface ProgrammeTable {
  id: Generated<number>;
  unit_id: number;
  issuer: string;
  number: string | null;
  issued_on: string | null;
  title: string;
  year_from: number;
  year_to: number;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProgrammeSectionTable {
  id: Generated<number>;
  programme_id: number;
  position: number;
  heading: string;
  body: Generated<string>;
}

export interface TargetTable {
  id: Generated<number>;
  programme_id: number;
  code: string;
  position: Generated<number>;
  title: string;
  indicator_key: string;
  comparison: 'gte' | 'eq' | 'lte';
  thresholds: Json<Threshold[]>;
  year_from: number | null;
  year_to: number | null;
  ended: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TargetShareTable {
  target_id: number;
  unit_id: number;
  year: number;
  value: Numeric;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface ManualValueTable {
  id: Generated<number>;
  indicator_key: string;
  unit_id: number;
  year: number;
  half: number | null;
  sector: string | null;
  numerator: Numeric;
  denominator: Numeric | null;
  note: string | null;
  entered_by: number;
  entered_at: Generated<Timestamp>;
}

export interface ReportTable {
  id: Generated<number>;
  unit_id: number;
  kind: 'half_year' | 'year';
  year: number;
  version: Generated<number>;
  status: 'draft' | 'submitted' | 'returned' | 'accepted' | 'exempted';
  narrative: Json<{ heading: string; body: string }[]>;
  snapshot: Json<unknown> | null;
  number: string | null;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  row_version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  at: Generated<Timestamp>;
  user_id: number | null;
  action: string;
  comment: string | null;
}

export interface ProgrammeTables {
  programme: ProgrammeTable;
  programme_section: ProgrammeSectionTable;
  target: TargetTable;
  target_share: TargetShareTable;
  manual_value: ManualValueTable;
  report: ReportTable;
  report_event: ReportEventTable;
}
