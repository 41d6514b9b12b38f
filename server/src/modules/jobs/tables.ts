import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: Generated<string>;
  user_id: number;
  unit_id: number | null;
  unit_path: string | null;
  permission: string | null;
  title: string;
  params: Json;
  rows_done: Generated<number>;
  rows_total: number | null;
  phase: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  result_file_name: string | null;
  result_file: Buffer | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobUploadTable {
  id: Generated<number>;
  user_id: number;
  file_name: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

export interface JobsTables {
  job: JobTable;
  job_upload: JobUploadTable;
}
