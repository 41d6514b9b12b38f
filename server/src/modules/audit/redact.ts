import { SENSITIVE_FIELDS } from '@cds/shared';

const HIDDEN = '•••';
const sensitive = new Set<string>(SENSITIVE_FIELDS);

/** A copy with sensitive values replaced, so the audit trail shows that they changed, never what to. */
export function redactSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSensitive);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = sensitive.has(key) ? (v == null || v === '' ? v : HIDDEN) : redactSensitive(v);
  }
  return out;
}
