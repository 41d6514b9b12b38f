import { z } from 'zod';
import { GRASSROOTS_KINDS, SECTORS, UNIT_KINDS } from '../units.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (dd/mm/yyyy).' });
const text = (max: number) => z.string().trim().max(max, { message: `Tối đa ${max} ký tự.` });
const optionalText = (max: number) => text(max).nullish().transform((v) => (v === '' ? null : v));

export const unitFields = {
  code: text(40).min(2, { message: 'Mã đơn vị cần ít nhất 2 ký tự.' })
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'Mã đơn vị chỉ gồm chữ không dấu, số và các dấu . _ -' }),
  name: text(255).min(3, { message: 'Tên đơn vị cần ít nhất 3 ký tự.' }),
  shortName: optionalText(80),
  sector: z.enum(SECTORS).nullish(),
  grassrootsKind: z.enum(GRASSROOTS_KINDS).nullish(),
  ward: optionalText(120),
  industrialZone: optionalText(160),
  address: optionalText(255),
  phone: optionalText(40),
  email: z.string().trim().email({ message: 'Email không hợp lệ.' }).nullish().or(z.literal('').transform(() => null)),
  foundedOn: isoDate.nullish(),
};

export const unitInputSchema = z.object({
  parentId: z.number().int().positive(),
  kind: z.enum(UNIT_KINDS),
  ...unitFields,
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitPatchSchema = z.object({ version: z.number().int(), ...unitFields }).partial({
  code: true, name: true,
}).required({ version: true });
export type UnitPatch = z.infer<typeof unitPatchSchema>;

export const moveUnitSchema = z.object({
  parentId: z.number().int().positive(),
  version: z.number().int(),
  onDate: isoDate.optional(),
  note: optionalText(500).optional(),
});

export const dissolveUnitSchema = z.object({
  onDate: isoDate,
  reason: text(500).min(3, { message: 'Hãy ghi lý do giải thể.' }),
  version: z.number().int(),
});

export const mergeUnitSchema = z.object({
  intoId: z.number().int().positive(),
  onDate: isoDate,
  version: z.number().int(),
});
