import { z } from 'zod';

export const MEMBER_IMPORT_MODES = ['valid_only', 'all_or_nothing'] as const;
export type MemberImportMode = (typeof MEMBER_IMPORT_MODES)[number];

/** field key → 0-based column index, or null when the file has no such column. */
export const columnMappingSchema = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());

/** Preview and commit of a member import: the uploaded file, the target union, the mapping the officer confirmed. */
export const memberImportSchema = z.object({
  uploadId: z.number().int().positive(),
  unitId: z.number().int().positive({ message: 'Hãy chọn công đoàn cơ sở.' }),
  mapping: columnMappingSchema,
  mode: z.enum(MEMBER_IMPORT_MODES, { message: 'Hãy chọn cách nhập.' }).default('valid_only'),
});
export type MemberImportInput = z.infer<typeof memberImportSchema>;
