import { z } from 'zod';
import { normalizeCitizenId, normalizePhone } from '../vn/ids.ts';

export const MEMBER_STATUSES = ['active', 'transferred_out', 'left', 'deceased'] as const;
export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (dd/mm/yyyy).' });
const optionalText = (max: number) => z.string().trim().max(max, { message: `Tối đa ${max} ký tự.` }).nullish()
  .transform((v) => (v ? v : null));

/** The member form, shared by the browser and the API; ID and phone come back normalised. */
export const memberFieldsSchema = z.object({
  fullName: z.string().trim().min(2, { message: 'Hãy nhập họ và tên.' }).max(120),
  sex: z.enum(['male', 'female'], { message: 'Hãy chọn giới tính.' }),
  birthDate: isoDate.nullish(),
  citizenId: z.string().trim().nullish().transform((v, ctx) => {
    if (!v) return null;
    const r = normalizeCitizenId(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: 'Số CCCD phải có 12 chữ số (hoặc CMND 9 chữ số).' });
      return z.NEVER;
    }
    return r.value;
  }),
  ethnicity: optionalText(60),
  religion: optionalText(60),
  education: optionalText(40),
  qualification: optionalText(120),
  job: optionalText(120),
  partyMember: z.boolean().default(false),
  partyJoinedOn: isoDate.nullish(),
  phone: z.string().trim().nullish().transform((v, ctx) => {
    if (!v) return null;
    const r = normalizePhone(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ.' });
      return z.NEVER;
    }
    return r.value;
  }),
  address: optionalText(255),
  groupId: z.number().int().positive().nullish(),
});

export const admissionSchema = memberFieldsSchema.extend({
  unitId: z.number().int().positive(),
  joinedOn: isoDate,
  decisionNo: optionalText(60),
});

export const memberPatchSchema = memberFieldsSchema.partial().extend({ version: z.number().int() });

export const transferSchema = z.object({
  toUnitId: z.number().int().positive(),
  onDate: isoDate,
  decisionNo: optionalText(60),
  reason: optionalText(500),
  version: z.number().int(),
});

export const leaveSchema = z.object({
  kind: z.enum(['leave', 'death']),
  onDate: isoDate,
  reason: z.string().trim().min(2, { message: 'Hãy ghi lý do.' }).max(500),
  version: z.number().int(),
});

export const assessmentSchema = z.object({
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  ratings: z.array(z.object({ memberId: z.number().int().positive(), rating: z.enum(RATINGS) })).min(1).max(5000),
});

export const recommendationSchema = z.object({
  recommendedOn: isoDate,
  decisionNo: optionalText(60),
  note: optionalText(500),
});

export const recommendationOutcomeSchema = z.object({
  outcome: z.enum(['pending', 'admitted', 'not_admitted']),
  admittedOn: isoDate.nullish(),
  version: z.number().int(),
});
