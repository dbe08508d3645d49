import type { z } from 'astro/zod';
import { t, type Locale } from '../../../i18n';
import { bodyLimitFor } from '../../body-limits';
import { formToObject, parseForm, type FieldErrors } from '../../validation';

/**
 * Reads a form post (multipart or urlencoded) without ever holding more than `maxBytes` of it:
 * a declared Content-Length over the cap is refused before reading, and a body that turns out
 * bigger while streaming is cut off.
 */
export type LimitedForm = { ok: true; form: FormData } | { ok: false; reason: 'tooLarge' | 'malformed' };

export async function readFormLimited(request: Request, maxBytes: number): Promise<LimitedForm> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'tooLarge' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (next.done) break;
      total += next.value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'tooLarge' };
      }
      chunks.push(next.value);
    }
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** Why a form was refused: 413 over the route's cap, 415 not a form at all, 400 unreadable, unknown intent or invalid fields. */
export type FormRefusal = {
  ok: false;
  status: 400 | 413 | 415;
  reason: 'tooLarge' | 'contentType' | 'malformed' | 'unknownIntent' | 'invalid';
  /** In the user's language, from the dictionary. */
  message: string;
  /** Field → message key (only for reason 'invalid', from the intent's zod schema). */
  errors: FieldErrors;
};

export type FormRead<D = Record<string, string>> = { ok: true; form: FormData; values: Record<string, string>; intent: string; data: D } | FormRefusal;

export interface ReadFormOptions<S extends Record<string, z.ZodTypeAny>> {
  locale?: Locale;
  /** Defaults to the route's cap in body-limits.ts (the one table of the numbers). */
  maxBytes?: number;
  /** The `intent` values the page knows; anything else is refused with 400. Defaults to the keys of `schemas`. */
  intents?: readonly string[];
  /** A zod schema per intent: the fields are validated with parseForm and `data` is its output. */
  schemas?: S;
  /**
   * A body that is not a readable form (wrong content type, broken multipart) reads as an empty
   * form instead of a refusal, so the page's own validation names what is missing in place: the
   * behaviour the pages' tests pin (e.g. JSON to /login → "Nomor HP belum diisi"). Too large is
   * still refused.
   */
  unreadableAsEmpty?: boolean;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The one way a page reads a form post: the size cap (the route's own from body-limits.ts unless
 * given), the content type, the `intent` field and, where a schema is given, zod — with a refusal
 * carrying a status and a message in the user's language instead of a thrown error.
 */
export async function readForm<S extends Record<string, z.ZodTypeAny> = Record<string, never>>(
  request: Request,
  options: ReadFormOptions<S> = {},
): Promise<FormRead<keyof S extends never ? Record<string, string> : z.output<S[keyof S]>>> {
  const d = t(options.locale ?? 'id');
  const refuse = (status: FormRefusal['status'], reason: FormRefusal['reason'], message: string, errors: FieldErrors = {}): FormRefusal => ({
    ok: false,
    status,
    reason,
    message,
    errors,
  });
  const maxBytes = options.maxBytes ?? bodyLimitFor(new URL(request.url).pathname).bytes;
  let form: FormData;
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    // Still drain at most the cap: an oversized body is "too large" whatever its type.
    const read = await readFormLimited(request, maxBytes);
    if (!read.ok && read.reason === 'tooLarge') return refuse(413, 'tooLarge', d.bodyTooLarge);
    if (!options.unreadableAsEmpty) return refuse(415, 'contentType', d.formNotAForm);
    form = new FormData();
  } else {
    const read = await readFormLimited(request, maxBytes);
    if (!read.ok && read.reason === 'tooLarge') return refuse(413, 'tooLarge', d.bodyTooLarge);
    if (!read.ok && !options.unreadableAsEmpty) return refuse(400, 'malformed', d.formUnreadable);
    form = read.ok ? read.form : new FormData();
  }
  const values = formToObject(form);
  const intent = values.intent ?? '';
  const schemas = options.schemas;
  const known = options.intents ?? (schemas ? Object.keys(schemas) : undefined);
  if (known && !known.includes(intent)) return refuse(400, 'unknownIntent', d.formIntentUnknown);
  const schema = schemas?.[intent];
  if (!schema) return { ok: true, form, values, intent, data: values as never };
  const parsed = parseForm(schema, values);
  if (!parsed.ok) return refuse(400, 'invalid', d.formInvalid, parsed.errors);
  return { ok: true, form, values, intent, data: parsed.data };
}

/** A page's form, read the pages' way: capped, and an unreadable body reads as an empty form. */
export function readPageForm(request: Request, locale: Locale): Promise<FormRead> {
  return readForm(request, { locale, unreadableAsEmpty: true });
}

/** A refusal as a plain-text answer in the user's language (as the server's own 413 is). */
export function formRefusal(refusal: FormRefusal): Response {
  return new Response(refusal.message, { status: refusal.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
