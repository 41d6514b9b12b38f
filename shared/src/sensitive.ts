/**
 * Personal data the law treats as sensitive: shown and exported only to roles holding the
 * matching `*.sensitive` permission, never logged, hidden in the audit trail. Both spellings
 * (API camelCase, SQL snake_case) are listed because both reach the redactor.
 */
export const SENSITIVE_FIELDS = [
  'citizenId', 'citizen_id', 'ethnicity', 'religion', 'partyMember', 'party_member', 'partyJoinedOn',
  'party_joined_on', 'health', 'hardship', 'circumstances', 'passwordHash', 'password_hash', 'password',
  'newPassword', 'currentPassword', 'setupCode', 'setup_code',
  // Legal advice and support cases (activities module): the member's situation and the advice given.
  'caseDetails', 'case_details', 'adviceGiven', 'advice_given', 'caseOutcome', 'case_outcome', 'requesterPhone', 'requester_phone',
] as const;
