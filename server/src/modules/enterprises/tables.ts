import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EnterpriseTable {
  id: Generated<number>;
  province_id: ColumnType<number | null, never, never>;
  managing_unit_id: number;
  union_id: number | null;
  /** Set by a trigger from the union (or the managing unit). */
  unit_path: ColumnType<string, never, never>;
  tax_code: string;
  name: string;
  short_name: string | null;
  name_folded: ColumnType<string, never, never>;
  ownership: 'state' | 'non_state' | 'fdi';
  fdi_country: string | null;
  business_line: string | null;
  address: string | null;
  ward: string | null;
  industrial_zone: string | null;
  legal_representative: string | null;
  phone: string | null;
  founded_on: string | null;
  status: Generated<'active' | 'suspended' | 'dissolved'>;
  status_on: string | null;
  workers: number | null;
  female_workers: number | null;
  insured_workers: number | null;
  ethnic_minority_workers: number | null;
  headcount_on: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface EnterpriseHeadcountTable {
  id: Generated<number>;
  province_id: number | null;
  enterprise_id: number;
  on_date: string;
  source: 'tax' | 'bhxh' | 'kcn' | 'survey' | 'union' | 'manual';
  workers: number | null;
  female_workers: number | null;
  insured_workers: number | null;
  ethnic_minority_workers: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface EnterprisesTables {
  enterprise: EnterpriseTable;
  enterprise_headcount: EnterpriseHeadcountTable;
}
