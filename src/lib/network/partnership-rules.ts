import type { MessageKey } from '../validation';
import { isPeerType, type PeerType } from './vocab';

/**
 * The rules of a peer partnership a learner logs with another Melek seller,
 * as a pure check over what the server looked up. The order is the order a learner would fix
 * things in; the first problem is reported.
 */
export interface PeerLogFacts {
  loggerId: string;
  partnerId: string;
  type: unknown;
  startedOn: unknown;
  /** The partner's profile is one the logger may see (visible, not hidden, account not deleted). */
  partnerVisible: boolean;
  /** The logger has a profile the partner may see: otherwise they could not recognise the request. */
  loggerVisibleToPartner: boolean;
  /** Today and the day of enrolment, YYYY-MM-DD in WIB. */
  today: string;
  enrolledOn: string;
}

export type PeerLogCheck =
  { ok: true; type: PeerType; startedOn: string } | { ok: false; field: 'partnerId' | 'type' | 'startedOn' | '_form'; error: MessageKey };

export const isIsoDay = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v;

export function checkPeerLog(f: PeerLogFacts): PeerLogCheck {
  if (!f.partnerId) return { ok: false, field: 'partnerId', error: 'netPartnerPick' };
  if (f.partnerId === f.loggerId) return { ok: false, field: 'partnerId', error: 'netPartnerSelf' };
  // Hidden, unknown, deleted and not-for-my-eyes sellers get the same answer: no oracle.
  if (!f.partnerVisible) return { ok: false, field: 'partnerId', error: 'netPartnerUnknown' };
  if (!isPeerType(f.type)) return { ok: false, field: 'type', error: 'cpPartnerType' };
  const day = typeof f.startedOn === 'string' ? f.startedOn.trim() : '';
  if (day === '') return { ok: false, field: 'startedOn', error: 'cpPartnerDateEmpty' };
  if (!isIsoDay(day)) return { ok: false, field: 'startedOn', error: 'dateInvalid' };
  if (day > f.today) return { ok: false, field: 'startedOn', error: 'cpPartnerDateFuture' };
  if (day < f.enrolledOn) return { ok: false, field: 'startedOn', error: 'cpPartnerDateEarly' };
  if (!f.loggerVisibleToPartner) return { ok: false, field: '_form', error: 'netOwnProfileNeeded' };
  return { ok: true, type: f.type, startedOn: day };
}

/** Promo Bersama: 1 to PROMO_MAX distinct sellers, each visible to me and opted in to joint promotion. */
export function checkPromoPick(
  picked: readonly string[],
  eligible: ReadonlySet<string>,
  max: number,
): { ok: true; ids: string[] } | { ok: false; error: MessageKey } {
  const ids = [...new Set(picked.filter((v) => typeof v === 'string' && v.length > 0 && v.length <= 64))];
  if (picked.length > 0 && ids.length !== new Set(picked).size) return { ok: false, error: 'netPromoUnknown' };
  if (ids.length === 0) return { ok: false, error: 'netPromoEmpty' };
  if (ids.length > max) return { ok: false, error: 'netPromoTooMany' };
  if (ids.some((id) => !eligible.has(id))) return { ok: false, error: 'netPromoNotOptedIn' };
  return { ok: true, ids };
}
