import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type Ltree = ColumnType<string, string | undefined, string>;

export interface ActivityKindTable {
  id: Generated<number>;
  code: string;
  name: string;
  category: string;
  record_form: string | null;
  unit_id: number | null;
  position: Generated<number>;
  active: Generated<boolean>;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface ActivityTable {
  id: Generated<number>;
  province_id: Generated<number | null>;
  unit_id: number;
  unit_path: Ltree;
  grassroots_id: Generated<number | null>;
  kind_id: number;
  category: string;
  title: string;
  title_folded: ColumnType<string, never, never>;
  starts_on: string;
  ends_on: string;
  status: string;
  organiser: string | null;
  place: string | null;
  co_organisers: Json;
  enterprise_id: number | null;
  description: string | null;
  result: string | null;
  attendance_mode: string;
  count_total: number | null;
  count_female: number | null;
  count_members: number | null;
  cancel_reason: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityUnitTable { activity_id: number; unit_id: number }

export interface AttendanceTable {
  province_id: number | null;
  activity_id: number;
  member_id: number;
  category: string;
  held_on: string;
  member_unit_id: number;
  method: string;
  counted: Generated<boolean>;
  recorded_by: number | null;
  recorded_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: number | null;
  removed_reason: string | null;
}

export interface MemberParticipationTable {
  province_id: number | null;
  member_id: number;
  category: string;
  year: number;
  first_on: string;
  sessions: number;
  unit_id: number;
  member_active: boolean;
  left_on: string | null;
}

export interface LabourMeetingTable {
  activity_id: number;
  period_year: number;
  period_part: string;
  employer_participants: Json;
  worker_participants: Json;
  issues: Json;
  agreements: Json;
  unresolved: string | null;
  resolution_no: string | null;
  resolution_on: string | null;
  resolutions: Json;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface MeetingFollowupTable {
  id: Generated<number>;
  province_id: number | null;
  activity_id: number;
  content: string;
  owner: string;
  due_on: string;
  status: Generated<string>;
  done_on: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface ActivityDocumentTable {
  id: Generated<number>;
  province_id: number | null;
  owner_type: string;
  owner_id: number;
  unit_id: number;
  kind: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: number | null;
  removed_reason: string | null;
}

export interface LabourSettingTable { key: string; value: unknown; description: string }

export interface CollectiveAgreementTable {
  id: Generated<number>;
  province_id: number | null;
  unit_id: number;
  unit_path: Ltree;
  level: string;
  enterprise_id: number | null;
  title: string;
  number: string | null;
  signed_on: string;
  effective_on: string;
  expires_on: string;
  employer_party: string;
  union_party: string;
  workers_covered: number | null;
  members_covered: number | null;
  registered_on: string | null;
  registration_authority: string | null;
  registration_no: string | null;
  quality_grade: string | null;
  ended_on: string | null;
  end_reason: string | null;
  replaces_id: number | null;
  note: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementEnterpriseTable { agreement_id: number; enterprise_id: number }

export interface AgreementClauseTable {
  id: Generated<number>;
  agreement_id: number;
  topic: string;
  title: string;
  content: string | null;
  value: ColumnType<string | null, number | string | null, number | string | null>;
  value_unit: string | null;
  legal_value: ColumnType<string | null, number | string | null, number | string | null>;
  position: number;
}

export interface LabourDisputeTable {
  id: Generated<number>;
  province_id: number | null;
  unit_id: number;
  unit_path: Ltree;
  enterprise_id: number;
  kind: string;
  started_on: string;
  ended_on: string | null;
  workers_involved: number | null;
  causes: string[];
  cause_note: string | null;
  demands: string | null;
  union_role: string | null;
  union_role_note: string | null;
  resolution_method: string | null;
  resolution: string | null;
  outcome: string;
  outcome_note: string | null;
  lawful: boolean | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LegalCaseTable {
  id: Generated<number>;
  province_id: number | null;
  unit_id: number;
  unit_path: Ltree;
  member_id: number | null;
  requester_name: string;
  requester_phone: string | null;
  enterprise_id: number | null;
  kind: string;
  channel: string;
  topic: string;
  opened_on: string;
  case_details: string | null;
  advice_given: string | null;
  case_outcome: string | null;
  handler_user_id: number;
  status: Generated<string>;
  closed_on: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivitiesTables {
  activity_kind: ActivityKindTable;
  activity: ActivityTable;
  activity_unit: ActivityUnitTable;
  attendance: AttendanceTable;
  member_participation: MemberParticipationTable;
  labour_meeting: LabourMeetingTable;
  meeting_followup: MeetingFollowupTable;
  activity_document: ActivityDocumentTable;
  labour_setting: LabourSettingTable;
  collective_agreement: CollectiveAgreementTable;
  agreement_enterprise: AgreementEnterpriseTable;
  agreement_clause: AgreementClauseTable;
  labour_dispute: LabourDisputeTable;
  legal_case: LegalCaseTable;
}
