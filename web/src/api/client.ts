import type { ErrorBody } from '@cds/shared';
import i18n from '../i18n';

/** An error the API answered with: a stable code, a Vietnamese message, the field it concerns. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.message);
  }
  get code() { return this.body.code; }
  get field() { return this.body.field; }
}

/** The message in the current language: our translation of the code if we have one, else the server's text. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    return i18n.language !== 'vi' && i18n.exists(key) ? i18n.t(key) : err.message;
  }
  return i18n.t('errors.network');
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network') });
  }
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const errorBody = typeof data === 'object' && data ? (data as ErrorBody) : { code: 'http_' + res.status, message: String(data) };
    if (res.status === 401 && !url.includes('/auth/')) window.dispatchEvent(new Event('cds:unauthenticated'));
    throw new ApiError(res.status, errorBody);
  }
  return data as T;
}

export const api = {
  get: <T = any>(url: string) => request<T>('GET', url),
  post: <T = any>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T = any>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T = any>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T = any>(url: string) => request<T>('DELETE', url),
};

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, unknown>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  // %20 rather than URLSearchParams' '+', which Fastify's query parser keeps as a plus sign.
  return entries.length ? '?' + entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&') : '';
}

/** Downloads a file the server generates (Excel, Word) under the name it gives. */
export async function download(url: string, fallbackName: string, body?: unknown): Promise<void> {
  const res = await fetch(url, body === undefined ? { credentials: 'same-origin' } : {
    method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) {
    const data = await res.json().catch(() => ({ code: 'http_' + res.status, message: res.statusText }));
    throw new ApiError(res.status, data);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition) ?? /filename="?([^";]+)"?/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const blob = await res.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
