import type { ColumnType, Generated } from 'kysely';
import type { MembersTables } from '../modules/members/tables.ts';
import type { ProgrammeTables } from '../modules/programme/tables.ts';
import type { EnterprisesTables } from '../modules/enterprises/tables.ts';
import type { JobsTables } from '../modules/jobs/tables.ts';

/**
 * Table types for Kysely. Each module adds its own tables in its `tables.ts` and they are joined
 * here, so a module's queries are typed without one file that everybody edits.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = string;
type LtreeText = ColumnType<string, string, string>;

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  path: LtreeText;
  kind: string;
  grassroots_kind: string | null;
  sector: string | null;
  code: string;
  name: string;
  short_name: string | null;
  name_folded: ColumnType<string, never, never>;
  province_id: number | null;
  ward: string | null;
  industrial_zone: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  founded_on: DateOnly | null;
  dissolved_on: DateOnly | null;
  dissolution_reason: string | null;
  merged_into_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitEventTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  on_date: DateOnly;
  old_parent_id: number | null;
  new_parent_id: number | null;
  old_name: string | null;
  new_name: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  member_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  granted_by: number | null;
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  unit_id: number | null;
  unit_path: unknown;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface SettingTable {
  unit_id: number;
  key: string;
  value: unknown;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface FoundationTables {
  org_unit: OrgUnitTable;
  org_unit_event: OrgUnitEventTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
}

export type Database = FoundationTables & MembersTables & EnterprisesTables & ProgrammeTables & JobsTables;
