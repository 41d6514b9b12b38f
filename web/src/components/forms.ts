import type { FormInstance } from 'antd';
import type { ZodObject, ZodRawShape, ZodType } from 'zod';
import { ApiError, errorText } from '../api/client';

/** Puts an API error next to its field when it names one; returns the message for the rest. */
export function applyApiError(form: FormInstance, err: unknown): string | null {
  if (err instanceof ApiError) {
    const fieldErrors = err.body.errors?.filter((e) => e.field) ?? (err.field ? [{ field: err.field, message: err.message }] : []);
    const known = fieldErrors.filter((e) => form.getFieldInstance(e.field.split('.')) !== undefined || form.getFieldsValue(true)[e.field] !== undefined);
    if (known.length) {
      form.setFields(known.map((e) => ({ name: e.field.split('.'), errors: [e.message] })));
      return known.length === fieldErrors.length ? null : errorText(err);
    }
  }
  return errorText(err);
}

/** An antd rule that validates a field with the same zod schema the API uses. */
export function zodRule<T extends ZodRawShape>(schema: ZodObject<T>, field: keyof T & string) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const result = (schema.shape[field] as unknown as ZodType).safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}
