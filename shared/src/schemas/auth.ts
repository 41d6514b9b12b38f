import { z } from 'zod';
import { ROLES } from '../auth.ts';

export const loginSchema = z.object({
  username: z.string().trim().min(1, { message: 'Hãy nhập tên đăng nhập.' }).max(100),
  password: z.string().min(1, { message: 'Hãy nhập mật khẩu.' }).max(200),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { message: 'Hãy nhập mật khẩu hiện tại.' }),
  newPassword: z.string().min(8, { message: 'Mật khẩu phải có ít nhất 8 ký tự.' }).max(200),
});

export const grantSchema = z.object({
  role: z.enum(ROLES),
  unitId: z.number().int().positive(),
});

export const userInputSchema = z.object({
  username: z.string().trim().min(3, { message: 'Tên đăng nhập cần ít nhất 3 ký tự.' }).max(60)
    .regex(/^[A-Za-z0-9._@-]+$/, { message: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ @ -' }),
  fullName: z.string().trim().min(2, { message: 'Hãy nhập họ và tên.' }).max(120),
  email: z.string().trim().email({ message: 'Email không hợp lệ.' }).nullish().or(z.literal('').transform(() => null)),
  phone: z.string().trim().max(20).nullish(),
  ...grantSchema.shape,
});
