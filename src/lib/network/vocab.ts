import type {
  COLLAB_OFFERS as SCHEMA_OFFERS,
  PROFILE_VISIBILITY as SCHEMA_VISIBILITY,
  SELLER_CATEGORIES as SCHEMA_CATEGORIES,
} from '../../../db/schema/network';
import type { PARTNERSHIP_TYPES as SCHEMA_PARTNERSHIP_TYPES } from '../../../db/schema/indicator';

/**
 * The collaboration network's vocabularies (issue 10). Only types come from db/schema (src/lib
 * stays free of the database); the checks below make a value added there a build error here.
 */
export type SellerCategory = (typeof SCHEMA_CATEGORIES)[number];
export type CollabOffer = (typeof SCHEMA_OFFERS)[number];
export type Visibility = (typeof SCHEMA_VISIBILITY)[number];
export type PartnershipType = (typeof SCHEMA_PARTNERSHIP_TYPES)[number];

export const SELLER_CATEGORIES = ['makanan_minuman', 'kerajinan', 'fesyen', 'pertanian_perikanan', 'jasa', 'lainnya'] as const satisfies readonly SellerCategory[];
export const COLLAB_OFFERS = ['supplier', 'reseller', 'shared_delivery', 'joint_promotion', 'pooled_buying'] as const satisfies readonly CollabOffer[];
export const VISIBILITIES = ['hidden', 'cohort', 'all'] as const satisfies readonly Visibility[];
/** Every partnership type of the evaluation records, in display order. */
export const ALL_PARTNERSHIP_TYPES = ['supplier', 'reseller', 'marketplace', 'lender', 'community', 'shared_delivery', 'joint_promotion', 'pooled_buying'] as const satisfies readonly PartnershipType[];
/** What two Melek sellers can do together: the same five things a profile offers or looks for. */
export const PEER_TYPES = COLLAB_OFFERS;
export type PeerType = CollabOffer;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const complete: [
  Same<SellerCategory, (typeof SELLER_CATEGORIES)[number]>,
  Same<CollabOffer, (typeof COLLAB_OFFERS)[number]>,
  Same<Visibility, (typeof VISIBILITIES)[number]>,
  Same<PartnershipType, (typeof ALL_PARTNERSHIP_TYPES)[number]>,
] = [true, true, true, true];
void complete;

/** The 18 kecamatan of Kabupaten Sidoarjo, and one choice for sellers just outside it. */
export const KECAMATAN = [
  'Balongbendo', 'Buduran', 'Candi', 'Gedangan', 'Jabon', 'Krembung', 'Krian', 'Porong', 'Prambon',
  'Sedati', 'Sidoarjo', 'Sukodono', 'Taman', 'Tanggulangin', 'Tarik', 'Tulangan', 'Waru', 'Wonoayu',
  'Luar Sidoarjo',
] as const;
export type Kecamatan = (typeof KECAMATAN)[number];

/** At most this many sellers in one Promo Bersama message. */
export const PROMO_MAX = 5;
export const BUSINESS_NAME_MAX = 80;
export const DESCRIPTION_MAX = 500;
export const LINK_MAX = 300;

/**
 * What a peer partnership row keeps in `collaborations.partner`. Deliberately not the partner's
 * name: a copy would outlive their choice to hide the profile or delete the account. Who the
 * partner is lives in `partner_user_id`; pages show their profile only while the viewer may see it.
 */
export const PEER_PARTNER_TEXT = 'Penjual Melek';

const member = <T extends string>(list: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
export const isCategory = member(SELLER_CATEGORIES);
export const isOffer = member(COLLAB_OFFERS);
export const isVisibility = member(VISIBILITIES);
export const isPeerType = member(PEER_TYPES);
export const isPartnershipType = member(ALL_PARTNERSHIP_TYPES);
export const isKecamatan = member(KECAMATAN);
