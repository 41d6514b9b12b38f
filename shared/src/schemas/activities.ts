import { z } from 'zod';

/**
 * Activities and labour relations: one schema for the browser form and the API request.
 * Categories are what the indicators read; kinds (data) map onto them.
 */
export const ACTIVITY_CATEGORIES = ['study', 'dialogue', 'workers_conference', 'skills_training', 'culture_sports', 'osh',
  'legal_advice', 'training_policy', 'women', 'other'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ATTENDANCE_MODES = ['members', 'counts'] as const;
export const CO_ORGANISER_KINDS = ['state_body', 'employer', 'other'] as const;
export const MEETING_PARTS = ['year', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4', 'adhoc'] as const;
export const DOCUMENT_KINDS = ['minutes', 'resolution', 'agreement_text', 'attendance_sheet', 'photo', 'decision', 'other'] as const;

export const AGREEMENT_LEVELS = ['enterprise', 'sector', 'multi_enterprise'] as const;
export const CLAUSE_TOPICS = ['wage', 'wage_raise', 'allowance', 'bonus', 'meals', 'working_hours', 'overtime', 'leave', 'holiday',
  'insurance', 'health_check', 'osh', 'women', 'union_activity', 'transport_housing', 'other'] as const;
export const CLAUSE_UNITS = ['vnd', 'vnd_month', 'vnd_meal', 'percent', 'days', 'hours', 'months_wage', 'times'] as const;
export const QUALITY_GRADES = ['A', 'B', 'C', 'D'] as const;

export const DISPUTE_KINDS = ['individual', 'collective_rights', 'collective_interests', 'work_stoppage', 'strike'] as const;
export const DISPUTE_CAUSES = ['wage', 'wage_arrears', 'working_time', 'overtime', 'social_insurance', 'meals', 'bonus', 'dismissal',
  'working_conditions', 'osh', 'contract', 'management', 'other'] as const;
export const UNION_ROLES = ['led', 'represented', 'mediated', 'supported', 'informed', 'not_involved'] as const;
export const RESOLUTION_METHODS = ['negotiation', 'mediator', 'arbitration', 'court', 'authority', 'self_resolved'] as const;
export const DISPUTE_OUTCOMES = ['pending', 'demands_met', 'partly_met', 'not_met', 'withdrawn'] as const;

export const LEGAL_KINDS = ['advice', 'support', 'representation'] as const;
export const LEGAL_CHANNELS = ['in_person', 'phone', 'online', 'hotline', 'mobile_session'] as const;
export const LEGAL_TOPICS = ['contract', 'wage', 'social_insurance', 'dismissal', 'working_time', 'accident', 'discipline', 'union_rights', 'other'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (dd/mm/yyyy).' });
const text = (max: number) => z.string().trim().max(max, { message: `Tối đa ${max} ký tự.` });
const optionalText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));
const count = z.number().int().min(0, { message: 'Số lượng không được âm.' }).max(10_000_000).nullish();
const id = z.number().int().positive();

export const coOrganiserSchema = z.object({ kind: z.enum(CO_ORGANISER_KINDS), name: text(255).min(2, { message: 'Nhập tên đơn vị phối hợp.' }) });

const activityFields = z.object({
  unitId: id,
  kindId: id,
  title: text(500).min(3, { message: 'Nhập chủ đề, nội dung hoạt động.' }),
  startsOn: isoDate,
  endsOn: isoDate.nullish(),
  status: z.enum(['planned', 'held'], { message: 'Chọn trạng thái.' }),
  organiser: optionalText(255),
  place: optionalText(255),
  coOrganisers: z.array(coOrganiserSchema).max(20).default([]),
  enterpriseId: id.nullish(),
  participantUnitIds: z.array(id).max(5000).default([]),
  description: optionalText(10_000),
  result: optionalText(10_000),
  attendanceMode: z.enum(ATTENDANCE_MODES).default('members'),
  countTotal: count,
  countFemale: count,
  countMembers: count,
});

type Counts = { startsOn?: string; endsOn?: string | null; countTotal?: number | null; countFemale?: number | null; countMembers?: number | null };
function checkActivity(a: Counts, ctx: z.RefinementCtx) {
  if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' });
  if (a.countTotal != null && a.countFemale != null && a.countFemale > a.countTotal) ctx.addIssue({ code: 'custom', path: ['countFemale'], message: 'Số nữ không thể lớn hơn tổng số người tham dự.' });
  if (a.countTotal != null && a.countMembers != null && a.countMembers > a.countTotal) ctx.addIssue({ code: 'custom', path: ['countMembers'], message: 'Số đoàn viên không thể lớn hơn tổng số người tham dự.' });
}

export const activityInputSchema = activityFields.superRefine(checkActivity);
export type ActivityInput = z.infer<typeof activityInputSchema>;
export const activityPatchSchema = activityFields.omit({ unitId: true }).partial().extend({ version: z.number().int() }).superRefine(checkActivity);
export type ActivityPatch = z.infer<typeof activityPatchSchema>;
export const activityCancelSchema = z.object({ reason: text(500).min(3, { message: 'Ghi lý do hủy.' }), version: z.number().int() });

export const attendanceAddSchema = z.object({ memberIds: z.array(id).min(1, { message: 'Chọn ít nhất một đoàn viên.' }).max(5000) });
export const attendanceRemoveSchema = z.object({
  memberIds: z.array(id).min(1).max(5000),
  reason: text(500).min(3, { message: 'Ghi lý do bỏ điểm danh.' }),
});
export const attendanceScanSchema = z.object({
  token: text(400).nullish(),
  cardNumber: text(40).nullish(),
}).refine((s) => Boolean(s.token || s.cardNumber), { message: 'Quét mã QR hoặc nhập số thẻ.', path: ['cardNumber'] });

export const kindInputSchema = z.object({
  unitId: id,
  name: text(200).min(3, { message: 'Nhập tên loại hoạt động.' }),
  category: z.enum(ACTIVITY_CATEGORIES, { message: 'Chọn nhóm chỉ tiêu.' }),
  recordForm: z.enum(['dialogue', 'conference']).nullish(),
  description: optionalText(1000),
});
export const kindPatchSchema = z.object({ name: text(200).min(3).optional(), description: optionalText(1000).optional(), active: z.boolean().optional(), version: z.number().int() });

const person = z.object({ name: text(120).min(2, { message: 'Nhập họ tên.' }), position: optionalText(120) });
export const meetingRecordSchema = z.object({
  periodYear: z.number().int().min(2000).max(2100),
  periodPart: z.enum(MEETING_PARTS).default('year'),
  employerParticipants: z.array(person).max(100).default([]),
  workerParticipants: z.array(person).max(200).default([]),
  issues: z.array(z.object({ raisedBy: z.enum(['workers', 'employer', 'union']), topic: text(200).min(2), content: optionalText(4000) })).max(100).default([]),
  agreements: z.array(z.object({ content: text(4000).min(2) })).max(100).default([]),
  unresolved: optionalText(4000),
  resolutionNo: optionalText(60),
  resolutionOn: isoDate.nullish(),
  resolutions: z.array(z.object({ content: text(4000).min(2) })).max(100).default([]),
  version: z.number().int().nullish(),
});
export type MeetingRecordInput = z.infer<typeof meetingRecordSchema>;

export const followupInputSchema = z.object({
  content: text(2000).min(3, { message: 'Nhập nội dung cần thực hiện.' }),
  owner: text(200).min(2, { message: 'Nhập người hoặc bộ phận chịu trách nhiệm.' }),
  dueOn: isoDate,
});
export const followupPatchSchema = z.object({
  status: z.enum(['open', 'done', 'dropped']),
  doneOn: isoDate.nullish(),
  note: optionalText(1000),
  version: z.number().int(),
});

export const clauseSchema = z.object({
  topic: z.enum(CLAUSE_TOPICS),
  title: text(300).min(2, { message: 'Nhập nội dung điều khoản.' }),
  content: optionalText(4000),
  value: z.number().min(0).nullish(),
  valueUnit: z.enum(CLAUSE_UNITS).nullish(),
  legalValue: z.number().min(0).nullish(),
});

const agreementFields = z.object({
  unitId: id,
  level: z.enum(AGREEMENT_LEVELS),
  enterpriseId: id.nullish(),
  enterpriseIds: z.array(id).max(1000).default([]),
  title: text(500).min(5, { message: 'Nhập tên thỏa ước.' }),
  number: optionalText(60),
  signedOn: isoDate,
  effectiveOn: isoDate.nullish(),
  expiresOn: isoDate,
  employerParty: text(300).min(2, { message: 'Nhập đại diện người sử dụng lao động.' }),
  unionParty: text(300).min(2, { message: 'Nhập đại diện tổ chức công đoàn.' }),
  workersCovered: count,
  membersCovered: count,
  registeredOn: isoDate.nullish(),
  registrationAuthority: optionalText(300),
  registrationNo: optionalText(60),
  qualityGrade: z.enum(QUALITY_GRADES).nullish(),
  replacesId: id.nullish(),
  note: optionalText(4000),
  clauses: z.array(clauseSchema).max(200).default([]),
});
type AgreementDates = { signedOn?: string; effectiveOn?: string | null; expiresOn?: string; registeredOn?: string | null; level?: string; enterpriseId?: number | null };
function checkAgreement(a: AgreementDates, ctx: z.RefinementCtx) {
  if (a.signedOn && a.expiresOn && a.expiresOn <= a.signedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Ngày hết hạn phải sau ngày ký thỏa ước.' });
  if (a.signedOn && a.effectiveOn && a.effectiveOn < a.signedOn) ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'Ngày có hiệu lực không thể trước ngày ký.' });
  if (a.signedOn && a.registeredOn && a.registeredOn < a.signedOn) ctx.addIssue({ code: 'custom', path: ['registeredOn'], message: 'Ngày gửi đăng ký không thể trước ngày ký.' });
  if (a.level === 'enterprise' && !a.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: 'Thỏa ước doanh nghiệp phải gắn với một doanh nghiệp.' });
}
export const agreementInputSchema = agreementFields.superRefine(checkAgreement);
export type AgreementInput = z.infer<typeof agreementInputSchema>;
export const agreementPatchSchema = agreementFields.omit({ unitId: true }).partial().extend({ version: z.number().int() }).superRefine(checkAgreement);
export const agreementEndSchema = z.object({ endedOn: isoDate, reason: text(500).min(3, { message: 'Ghi lý do chấm dứt.' }), version: z.number().int() });

const disputeFields = z.object({
  enterpriseId: z.number({ message: 'Hãy chọn doanh nghiệp nơi xảy ra vụ việc.' }).int().positive({ message: 'Hãy chọn doanh nghiệp nơi xảy ra vụ việc.' }),
  kind: z.enum(DISPUTE_KINDS, { message: 'Chọn loại vụ việc.' }),
  startedOn: isoDate,
  endedOn: isoDate.nullish(),
  workersInvolved: count,
  causes: z.array(z.enum(DISPUTE_CAUSES)).max(20).default([]),
  causeNote: optionalText(4000),
  demands: optionalText(4000),
  unionRole: z.enum(UNION_ROLES).nullish(),
  unionRoleNote: optionalText(4000),
  resolutionMethod: z.enum(RESOLUTION_METHODS).nullish(),
  resolution: optionalText(4000),
  outcome: z.enum(DISPUTE_OUTCOMES).default('pending'),
  outcomeNote: optionalText(4000),
  lawful: z.boolean().nullish(),
});
function checkDispute(d: { startedOn?: string; endedOn?: string | null }, ctx: z.RefinementCtx) {
  if (d.startedOn && d.endedOn && d.endedOn < d.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'Ngày kết thúc phải sau ngày bắt đầu.' });
}
export const disputeInputSchema = disputeFields.superRefine(checkDispute);
export type DisputeInput = z.infer<typeof disputeInputSchema>;
export const disputePatchSchema = disputeFields.omit({ enterpriseId: true }).partial().extend({ version: z.number().int() }).superRefine(checkDispute);

const legalFields = z.object({
  unitId: id,
  memberId: id.nullish(),
  requesterName: text(120).nullish(),
  requesterPhone: optionalText(20),
  enterpriseId: id.nullish(),
  kind: z.enum(LEGAL_KINDS),
  channel: z.enum(LEGAL_CHANNELS),
  topic: z.enum(LEGAL_TOPICS),
  openedOn: isoDate,
  caseDetails: optionalText(10_000),
  adviceGiven: optionalText(10_000),
  caseOutcome: optionalText(10_000),
  handlerUserId: id.nullish(),
});
export const legalCaseInputSchema = legalFields.refine((c) => Boolean(c.memberId || c.requesterName), { message: 'Chọn đoàn viên hoặc nhập tên người đề nghị.', path: ['requesterName'] });
export type LegalCaseInput = z.infer<typeof legalCaseInputSchema>;
export const legalCasePatchSchema = legalFields.omit({ unitId: true, memberId: true }).partial().extend({
  status: z.enum(['open', 'closed']).optional(),
  closedOn: isoDate.nullish(),
  version: z.number().int(),
});
