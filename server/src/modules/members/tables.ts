import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MemberTable {
  id: Generated<number>;
  province_id: number | null;
  unit_id: number;
  unit_path: string;
  group_id: number | null;
  full_name: string;
  name_sort: string;
  sex: string | null;
  birth_date: string | null;
  birth_precision: string | null;
  citizen_id: string | null;
  ethnicity: string | null;
  religion: string | null;
  education: string | null;
  qualification: string | null;
  vocational_level: string | null;
  job: string | null;
  party_member: Generated<boolean>;
  party_joined_on: string | null;
  phone: string | null;
  address: string | null;
  joined_on: string | null;
  card_number: string | null;
  card_issued_on: string | null;
  card_valid_until: string | null;
  status: Generated<string>;
  left_on: string | null;
  left_reason: string | null;
  search_text: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MemberEventTable {
  id: Generated<number>;
  province_id: number | null;
  member_id: number;
  kind: string;
  on_date: string;
  unit_id: number;
  other_unit_id: number | null;
  decision_no: string | null;
  reason: string | null;
  card_number: string | null;
  other_unit_name: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface MemberAssessmentTable {
  member_id: number;
  province_id: number | null;
  note: string | null;
  year: number;
  rating: string;
  unit_id: number;
  assessed_by: number | null;
  assessed_at: Timestamp;
}

export interface PartyRecommendationTable {
  id: Generated<number>;
  province_id: number | null;
  party_body: string | null;
  outcome_note: string | null;
  member_id: number;
  unit_id: number;
  recommended_on: string;
  decision_no: string | null;
  outcome: Generated<string>;
  admitted_on: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface MemberTransferTable {
  id: Generated<number>;
  province_id: number | null;
  member_id: number;
  from_unit_id: number;
  to_unit_id: number;
  requested_on: string;
  decision_no: string | null;
  reason: string | null;
  status: Generated<string>;
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  effective_on: string | null;
  answer: string | null;
  version: Generated<number>;
}

export interface MembersTables {
  member_transfer: MemberTransferTable;
  member: MemberTable;
  member_event: MemberEventTable;
  member_assessment: MemberAssessmentTable;
  party_recommendation: PartyRecommendationTable;
}
