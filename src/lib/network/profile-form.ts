import { z } from 'astro/zod';
import type { MessageKey } from '../validation';
import {
  BUSINESS_NAME_MAX,
  COLLAB_OFFERS,
  DESCRIPTION_MAX,
  KECAMATAN,
  LINK_MAX,
  SELLER_CATEGORIES,
  VISIBILITIES,
  type CollabOffer,
  type Kecamatan,
  type SellerCategory,
  type Visibility,
} from './vocab';

/**
 * The seller profile form: what is stored is exactly what other sellers may
 * see, so every field is cleaned and bounded here. HTML is not stripped — it is stored as typed
 * and escaped wherever it is shown (Astro escapes every expression; tests check it).
 */
export interface ProfileInput {
  businessName: string;
  category: SellerCategory;
  kecamatan: Kecamatan;
  description: string;
  catalogLink: string | null;
  offers: CollabOffer[];
  seeks: CollabOffer[];
  visibility: Visibility;
  showPhone: boolean;
}

// Control characters (but not newline) never belong in a profile; they can also break a WhatsApp text.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

const HAS_CONTROL = new RegExp(CONTROL.source);

/** One line: every run of whitespace (newlines included) becomes one space. */
export const oneLine = (v: string) => v.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

/** A few short paragraphs: \r\n → \n, no control characters, at most one empty line in a row. */
export const paragraphs = (v: string) =>
  v
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export type LinkResult = { ok: true; url: string | null } | { ok: false; error: MessageKey };

/**
 * A catalog link must be an http(s) web address: `javascript:`, `data:`, `whatsapp:`, `file:`
 * and every other scheme are refused, and so are addresses with a user name or password in them
 * (they hide where a link really goes). "wa.me/c/62812…" typed without a scheme gets https://.
 */
export function catalogLink(input: unknown): LinkResult {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (raw === '') return { ok: true, url: null };
  if (raw.length > LINK_MAX) return { ok: false, error: 'netLinkLong' };
  if (/[\s<>"'`\\]/.test(raw) || HAS_CONTROL.test(raw)) return { ok: false, error: 'netLinkInvalid' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  const candidate = hasScheme ? raw : /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|\?|#|$)/i.test(raw) ? `https://${raw}` : raw;
  if (!/^https?:\/\//i.test(candidate)) return { ok: false, error: 'netLinkInvalid' };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: 'netLinkInvalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname.includes('.')) {
    return { ok: false, error: 'netLinkInvalid' };
  }
  if (url.href.length > LINK_MAX) return { ok: false, error: 'netLinkLong' };
  return { ok: true, url: url.href };
}

/** Output guard: a stored link is used as an href only if it still is an http(s) address. */
export function safeHref(link: string | null | undefined): string | null {
  if (!link) return null;
  const checked = catalogLink(link);
  return checked.ok && checked.url === link ? link : null;
}

/** The host a link goes to, shown beside it ("wa.me"), so a seller sees where they are sent. */
export function linkHost(link: string): string {
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const choice = <T extends string>(list: readonly [T, ...T[]], message: MessageKey) => z.enum(list, { errorMap: () => ({ message }) });
const checklist = z
  .array(z.string())
  .default([])
  .transform((values, ctx) => {
    const picked = [...new Set(values)];
    if (picked.some((v) => !(COLLAB_OFFERS as readonly string[]).includes(v))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'netOfferInvalid' });
      return z.NEVER;
    }
    // Stored in the list's order, whatever order the form sent.
    return COLLAB_OFFERS.filter((o) => picked.includes(o));
  });

export const profileSchema = z.object({
  businessName: z
    .string({ required_error: 'netBusinessEmpty', invalid_type_error: 'netBusinessEmpty' })
    .transform(oneLine)
    .pipe(z.string().min(1, 'netBusinessEmpty').max(BUSINESS_NAME_MAX, 'netBusinessLong')),
  category: choice(SELLER_CATEGORIES, 'netCategoryInvalid'),
  kecamatan: choice(KECAMATAN, 'netKecamatanInvalid'),
  description: z
    .string({ invalid_type_error: 'netDescriptionLong' })
    .optional()
    .transform((v) => paragraphs(v ?? ''))
    .pipe(z.string().max(DESCRIPTION_MAX, 'netDescriptionLong')),
  catalogLink: z.unknown().transform((v, ctx) => {
    const result = catalogLink(v);
    if (!result.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.error });
      return z.NEVER;
    }
    return result.url;
  }),
  offers: checklist,
  seeks: checklist,
  visibility: choice(VISIBILITIES, 'netVisibilityInvalid'),
  showPhone: z.unknown().transform((v) => v === 'on' || v === '1' || v === 'true'),
});

/** FormData → the object profileSchema takes: checkbox groups keep every value, other fields the first. */
export function profileFormValues(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (key === 'offers' || key === 'seeks') out[key] = [...((out[key] as string[] | undefined) ?? []), value];
    else if (!(key in out)) out[key] = value;
  }
  return out;
}
