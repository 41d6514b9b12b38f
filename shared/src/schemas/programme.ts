import { z } from 'zod';
import { SECTORS } from '../units.ts';

/** Programmes, targets and reports: one schema for the browser form and the API request. */
export const COMPARISONS = ['gte', 'eq', 'lte'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const COMPARISON_SIGNS: Record<Comparison, string> = { gte: '≥', eq: '=', lte: '≤' };

export const REPORT_KINDS = ['half_year', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'exempted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Traffic light of a target: met, close, behind, or no figure to judge (not applicable / no data). */
export const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (dd/mm/yyyy).' });
const text = (max: number) => z.string().trim().max(max, { message: `Tối đa ${max} ký tự.` });
const year = z.number().int().min(2000, { message: 'Năm không hợp lệ.' }).max(2100, { message: 'Năm không hợp lệ.' });

export const thresholdSchema = z.object({
  sectors: z.array(z.enum(SECTORS)).min(1, { message: 'Chọn ít nhất một khu vực.' }).nullable(),
  value: z.number({ message: 'Ngưỡng phải là một số.' }).min(0, { message: 'Ngưỡng không được âm.' }),
});
export type ThresholdInput = z.infer<typeof thresholdSchema>;

export const sectionSchema = z.object({
  heading: text(300).min(1, { message: 'Nhập tiêu đề mục.' }),
  body: text(50_000).default(''),
});

export const programmeInputSchema = z.object({
  unitId: z.number().int().positive(),
  issuer: text(255).min(2, { message: 'Nhập cơ quan ban hành.' }),
  number: text(60).nullish(),
  issuedOn: isoDate.nullish(),
  title: text(500).min(5, { message: 'Tên chương trình cần ít nhất 5 ký tự.' }),
  yearFrom: year,
  yearTo: year,
  sections: z.array(sectionSchema).max(50).default([]),
}).refine((p) => p.yearTo >= p.yearFrom, { message: 'Năm kết thúc phải sau hoặc bằng năm bắt đầu.', path: ['yearTo'] });
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export const targetInputSchema = z.object({
  code: text(20).min(1, { message: 'Nhập mã chỉ tiêu (ví dụ T1).' }),
  title: text(500).min(5, { message: 'Nội dung chỉ tiêu cần ít nhất 5 ký tự.' }),
  indicatorKey: text(63).min(2, { message: 'Chọn chỉ số.' }),
  comparison: z.enum(COMPARISONS, { message: 'Chọn phép so sánh (≥, =, ≤).' }),
  thresholds: z.array(thresholdSchema).min(1, { message: 'Nhập ít nhất một ngưỡng.' }).max(10),
  yearFrom: year.nullish(),
  yearTo: year.nullish(),
  position: z.number().int().min(0).optional(),
});
export type TargetInput = z.infer<typeof targetInputSchema>;
export const targetPatchSchema = targetInputSchema.partial().extend({ version: z.number().int(), ended: z.boolean().optional() });
export type TargetPatch = z.infer<typeof targetPatchSchema>;

export const targetSharesSchema = z.object({
  year,
  shares: z.array(z.object({ unitId: z.number().int().positive(), value: z.number().min(0, { message: 'Chỉ tiêu giao không được âm.' }) })).max(10_000),
});

export const manualValueSchema = z.object({
  indicatorKey: text(63).min(2),
  unitId: z.number().int().positive(),
  year,
  half: z.literal(1).nullish(),
  sector: z.enum(SECTORS).nullish(),
  numerator: z.number().min(0, { message: 'Giá trị không được âm.' }),
  denominator: z.number().min(0, { message: 'Mẫu số không được âm.' }).nullish(),
  note: text(1000).nullish(),
});
export type ManualValueInput = z.infer<typeof manualValueSchema>;

export const reportCreateSchema = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(REPORT_KINDS),
  year,
});
export const reportPatchSchema = z.object({
  rowVersion: z.number().int(),
  number: text(60).nullish(),
  narrative: z.array(sectionSchema).max(30),
});
export const reportReviewSchema = z.object({
  rowVersion: z.number().int(),
  comment: text(5000).nullish(),
});
export const reportExemptSchema = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(REPORT_KINDS),
  year,
  comment: text(5000).min(3, { message: 'Ghi rõ lý do miễn báo cáo.' }),
});

/** The narrative sections a new report starts with (the usual headings of a union report). */
export const DEFAULT_REPORT_SECTIONS = [
  { heading: 'Tình hình chung', body: '' },
  { heading: 'Kết quả thực hiện các nhiệm vụ', body: '' },
  { heading: 'Tồn tại, hạn chế và nguyên nhân', body: '' },
  { heading: 'Phương hướng, nhiệm vụ kỳ tới', body: '' },
  { heading: 'Kiến nghị, đề xuất', body: '' },
];
