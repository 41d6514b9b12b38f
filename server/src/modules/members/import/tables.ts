import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MemberImportTable {
  id: Generated<number>;
  province_id: number | null;
  unit_id: number;
  job_id: number | null;
  file_name: string;
  mode: string;
  rows: number;
  created: number;
  updated: number;
  duplicate: number;
  invalid: number;
  skipped: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface MemberImportMappingTable {
  unit_id: number;
  mapping: ColumnType<unknown, string, string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface MemberImportTables {
  member_import: MemberImportTable;
  member_import_mapping: MemberImportMappingTable;
}
