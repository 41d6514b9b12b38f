import { z } from 'zod';
import { normalizeCitizenId, normalizePhone } from '../vn/ids.ts';

export const MEMBER_STATUSES = ['active', 'transferred_out', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];
export const RECOMMENDATION_OUTCOMES = ['pending', 'admitted', 'not_admitted'] as const;
export const MEMBER_EVENT_KINDS = ['admission', 'register', 'transfer_out', 'transfer_in', 'leave', 'death', 'restore', 'card_issue', 'card_reissue'] as const;
export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'cancelled'] as const;

/** Age bands of the list filter and of reports (inclusive years). */
export const AGE_BANDS = [
  { key: 'u30', from: 0, to: 30 }, { key: '31_35', from: 31, to: 35 }, { key: '36_45', from: 36, to: 45 },
  { key: '46_55', from: 46, to: 55 }, { key: 'o55', from: 56, to: 120 },
] as const;

/** Suggestions of the member form (the fields stay free text: lists in the field are not always these). */
export const EDUCATION_LEVELS = ['12/12', '11/12', '10/12', '9/12', '8/12', '7/12', '6/12', '5/12', 'Chưa tốt nghiệp tiểu học'] as const;
export const QUALIFICATIONS = ['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học', 'Thạc sĩ', 'Tiến sĩ'] as const;
export const VOCATIONAL_LEVELS = ['Chứng chỉ nghề', 'Sơ cấp nghề', 'Trung cấp nghề', 'Cao đẳng nghề', 'Bậc 1/7', 'Bậc 2/7', 'Bậc 3/7', 'Bậc 4/7', 'Bậc 5/7', 'Bậc 6/7', 'Bậc 7/7'] as const;
export const RELIGIONS = ['Không', 'Phật giáo', 'Công giáo', 'Tin Lành', 'Cao Đài', 'Phật giáo Hòa Hảo', 'Hồi giáo', 'Khác'] as const;
/** The 54 peoples of Vietnam (General Statistics Office list), the majority first. */
export const ETHNICITIES = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Xơ Đăng', 'Sán Chay', 'Cơ Ho',
  'Chăm', 'Sán Dìu', 'Hrê', 'Mnông', 'Ra Glai', 'Xtiêng', 'Bru-Vân Kiều', 'Thổ', 'Giáy', 'Cơ Tu', 'Gié Triêng', 'Mạ', 'Khơ Mú',
  'Co', 'Tà Ôi', 'Chơ Ro', 'Kháng', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'La Ha', 'Phù Lá', 'La Hủ', 'Lự', 'Lô Lô',
  'Chứt', 'Mảng', 'Pà Thẻn', 'Cơ Lao', 'Cống', 'Bố Y', 'Si La', 'Pu Péo', 'Brâu', 'Ơ Đu', 'Rơ Măm', 'Ngái',
] as const;
export const MAJORITY_ETHNICITY = 'Kinh';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (dd/mm/yyyy).' });
const optionalText = (max: number) => z.string().trim().max(max, { message: `Tối đa ${max} ký tự.` }).nullish()
  .transform((v) => (v ? v.normalize('NFC') : null));
const requiredText = (min: number, max: number, message: string) =>
  z.string().trim().min(min, { message }).max(max, { message: `Tối đa ${max} ký tự.` }).transform((v) => v.normalize('NFC'));

const citizenId = z.string().trim().nullish().transform((v, ctx) => {
  if (!v) return null;
  const r = normalizeCitizenId(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: 'Số CCCD phải có 12 chữ số (hoặc CMND 9 chữ số).' });
    return z.NEVER;
  }
  return r.value;
});
const phone = z.string().trim().nullish().transform((v, ctx) => {
  if (!v) return null;
  const r = normalizePhone(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ.' });
    return z.NEVER;
  }
  return r.value;
});

/**
 * Every field of the member form (lý lịch đoàn viên), shared by the browser and the API; ID and
 * phone come back normalised, text in NFC. No defaults here: a patch sends only what it changes.
 */
const memberFields = {
  fullName: requiredText(2, 120, 'Hãy nhập họ và tên.'),
  sex: z.enum(['male', 'female'], { message: 'Hãy chọn giới tính.' }),
  birthDate: isoDate.nullish(),
  /** 'year' when only the year of birth is known (old lists): the date is then 1 January of it, shown as the year only. */
  birthPrecision: z.enum(['day', 'month', 'year']).nullish(),
  citizenId,
  ethnicity: optionalText(60),
  religion: optionalText(60),
  education: optionalText(40),
  qualification: optionalText(120),
  vocationalLevel: optionalText(120),
  job: optionalText(120),
  partyMember: z.boolean(),
  partyJoinedOn: isoDate.nullish(),
  phone,
  address: optionalText(255),
  groupId: z.number().int().positive().nullish(),
  joinedOn: isoDate,
};

function partyDateNeedsParty(v: { partyMember?: boolean; partyJoinedOn?: string | null }, ctx: z.RefinementCtx) {
  if (v.partyJoinedOn && v.partyMember === false) {
    ctx.addIssue({ code: 'custom', path: ['partyJoinedOn'], message: 'Chỉ ghi ngày vào Đảng cho đảng viên.' });
  }
}

export const memberFieldsSchema = z.object({ ...memberFields, partyMember: memberFields.partyMember.default(false) });

/**
 * Kết nạp (a new member, or one who left coming back), or a member arriving from a union outside
 * the system (chuyển đến): the second is not an admission and does not count toward T9.
 */
export const admissionSchema = memberFieldsSchema.extend({
  unitId: z.number().int().positive(),
  decisionNo: optionalText(60),
  arrival: z.enum(['admission', 'transfer_in']).default('admission'),
  /** For an arrival: the union they come from, and the date they arrive. */
  originName: optionalText(255),
  arrivedOn: isoDate.nullish(),
}).superRefine((v, ctx) => {
  partyDateNeedsParty(v, ctx);
  if (v.arrival === 'transfer_in') {
    if (!v.originName) ctx.addIssue({ code: 'custom', path: ['originName'], message: 'Hãy ghi công đoàn nơi chuyển đi.' });
    if (!v.arrivedOn) ctx.addIssue({ code: 'custom', path: ['arrivedOn'], message: 'Hãy nhập ngày chuyển đến.' });
  }
});
export type AdmissionInput = z.infer<typeof admissionSchema>;

export const memberPatchSchema = z.object(memberFields).partial().extend({ version: z.number().int() }).superRefine(partyDateNeedsParty);
export type MemberPatch = z.infer<typeof memberPatchSchema>;

/** Chuyển sinh hoạt: to a union in the system (toUnitId), or out of it (destinationName). */
export const transferSchema = z.object({
  toUnitId: z.number().int().positive().nullish(),
  destinationName: optionalText(255),
  onDate: isoDate,
  decisionNo: optionalText(60),
  reason: optionalText(500),
  version: z.number().int(),
}).superRefine((v, ctx) => {
  if (!v.toUnitId && !v.destinationName) ctx.addIssue({ code: 'custom', path: ['toUnitId'], message: 'Hãy chọn công đoàn cơ sở nhận, hoặc ghi nơi chuyển đến ngoài hệ thống.' });
  if (v.toUnitId && v.destinationName) ctx.addIssue({ code: 'custom', path: ['destinationName'], message: 'Chọn một trong hai: công đoàn trong hệ thống hoặc nơi ngoài hệ thống.' });
});
export type TransferInput = z.infer<typeof transferSchema>;

export const transferAcceptSchema = z.object({
  /** The union group at the receiving union, if the receiver places the member in one. */
  groupId: z.number().int().positive().nullish(),
  answer: optionalText(500),
  version: z.number().int(),
});
export const transferRejectSchema = z.object({
  answer: requiredText(2, 500, 'Hãy ghi lý do không tiếp nhận.'),
  version: z.number().int(),
});
export const transferCancelSchema = z.object({ version: z.number().int() });

export const leaveSchema = z.object({
  kind: z.enum(['leave', 'death']),
  onDate: isoDate,
  reason: requiredText(2, 500, 'Hãy ghi lý do.'),
  version: z.number().int(),
});

export const cardIssueSchema = z.object({
  /** Why a card is re-issued (lost, damaged, changed details); empty for a first card. */
  reason: optionalText(200),
});

export const assessmentSchema = z.object({
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  ratings: z.array(z.object({
    memberId: z.number().int().positive(),
    rating: z.enum(RATINGS),
    note: optionalText(200),
  })).min(1, { message: 'Chưa có đoàn viên nào được xếp loại.' }).max(20000),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const recommendationSchema = z.object({
  recommendedOn: isoDate,
  decisionNo: optionalText(60),
  /** The Party body the member is recommended to (chi bộ, đảng ủy). */
  partyBody: optionalText(255),
  note: optionalText(500),
});

export const recommendationOutcomeSchema = z.object({
  outcome: z.enum(RECOMMENDATION_OUTCOMES),
  admittedOn: isoDate.nullish(),
  outcomeNote: optionalText(500),
  version: z.number().int(),
}).superRefine((v, ctx) => {
  if (v.outcome === 'admitted' && !v.admittedOn) ctx.addIssue({ code: 'custom', path: ['admittedOn'], message: 'Hãy nhập ngày kết nạp Đảng.' });
  if (v.outcome !== 'admitted' && v.admittedOn) ctx.addIssue({ code: 'custom', path: ['admittedOn'], message: 'Chỉ ghi ngày kết nạp khi đã được kết nạp Đảng.' });
});
