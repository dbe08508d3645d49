import { id_whatsapp as w } from '../../i18n/id.whatsapp';
import { oneLine } from './profile-form';

/**
 * The WhatsApp texts of the collaboration network, put together from the words in
 * src/i18n/id.whatsapp.ts (Bahasa Indonesia whatever the interface language). Plain text: wa.me
 * carries it URL-encoded, WhatsApp shows it as typed, so nothing here is HTML.
 */

/** The polite first message to a seller found in the directory: who I am, and that we met through Melek. */
export function introMessage(p: { fromName: string; fromBusiness?: string | null; toBusiness: string }): string {
  const me = oneLine(p.fromName);
  const biz = p.fromBusiness ? oneLine(p.fromBusiness) : '';
  return [w.introGreeting(me, biz), w.introFound(oneLine(p.toBusiness)), w.introAsk].join('\n');
}

export interface PromoSeller {
  businessName: string;
  /** What they sell: the category in words. */
  productLine: string;
  /** The first line of their description, if any (shortened). */
  detail?: string | null;
  catalogLink?: string | null;
}

export const PROMO_DETAIL_MAX = 90;

/** "Kerupuk udang renyah…" — the first line of a description, at most PROMO_DETAIL_MAX characters. */
export function promoDetail(description: string | null | undefined): string {
  const first = oneLine((description ?? '').split('\n')[0] ?? '');
  if (first.length <= PROMO_DETAIL_MAX) return first;
  const cut = first.slice(0, PROMO_DETAIL_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > PROMO_DETAIL_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * One message for a selling group with every chosen seller: name, product line and catalog link.
 * Sellers without a catalog link are listed without one (no phone numbers: a group reaches far
 * beyond the people a seller chose to show their number to).
 */
export function promoMessage(sellers: readonly PromoSeller[]): string {
  const lines = [w.promoTitle, w.promoLead, ''];
  sellers.forEach((s, i) => {
    lines.push(`${i + 1}. *${oneLine(s.businessName)}* — ${oneLine(s.productLine)}`);
    const detail = promoDetail(s.detail);
    if (detail) lines.push(`   ${detail}`);
    if (s.catalogLink) lines.push(`   ${w.promoCatalog(s.catalogLink)}`);
  });
  lines.push('', w.promoClose);
  return lines.join('\n');
}
