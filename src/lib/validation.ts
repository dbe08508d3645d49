import { z } from 'astro/zod';
import { normalizePhone } from './phone';
import type { Dictionary } from '../i18n/id';

/** Password length rules; the argon2 hashing itself lives in src/lib/server/auth/password.ts. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Message keys of the dictionary that take no arguments: what a zod issue may carry. */
export type MessageKey = { [K in keyof Dictionary]: Dictionary[K] extends string ? K : never }[keyof Dictionary];

/** Form fields arrive as strings (or are missing); everything is trimmed and length-capped. */
export const text = (max: number, emptyKey: MessageKey = 'fieldEmpty') =>
  z.string({ required_error: emptyKey, invalid_type_error: emptyKey }).trim().min(1, emptyKey).max(max, 'textLong');

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'textLong')
    .optional()
    .transform((v) => (v ? v : null));

export const phone = z.string({ required_error: 'phoneEmpty', invalid_type_error: 'phoneEmpty' }).transform((value, ctx) => {
  const result = normalizePhone(value);
  if (!result.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.error });
    return z.NEVER;
  }
  return result.e164;
});

export const password = z
  .string({ required_error: 'passwordEmpty', invalid_type_error: 'passwordEmpty' })
  .min(1, 'passwordEmpty')
  .min(PASSWORD_MIN, 'passwordShort')
  .max(PASSWORD_MAX, 'passwordLong');

export const personName = z.string({ required_error: 'nameEmpty', invalid_type_error: 'nameEmpty' }).trim().min(1, 'nameEmpty').max(80, 'nameLong');

export const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  // Date.parse rolls 2026-02-30 over to 2 March, so the date must read back unchanged.
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v), 'dateInvalid');

export const httpsLink = z
  .string()
  .trim()
  .max(300, 'textLong')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https:\/\/[^\s<>"']+$/i.test(v), 'linkInvalid');

/** Field name → message key of the first problem with it, for re-rendering a form. */
export type FieldErrors = Record<string, MessageKey>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** C0 control characters other than tab and line breaks (a NUL byte among them): never stored. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const hasControlChars = (value: string) => CONTROL_CHARS.test(value);

export function parseForm<S extends z.ZodTypeAny>(schema: S, input: unknown): Parsed<z.output<S>> {
  // A form field holding a NUL or another control character is refused whatever the schema says.
  if (input && typeof input === 'object') {
    const errors: FieldErrors = {};
    for (const [field, value] of Object.entries(input)) if (typeof value === 'string' && CONTROL_CHARS.test(value)) errors[field] = 'textControl';
    if (Object.keys(errors).length) return { ok: false, errors };
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false, errors };
}

/** FormData → plain object of strings (files and repeated keys ignored; the first value wins). */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !(key in out)) out[key] = value;
  }
  return out;
}
