import { PARTNERSHIP_TYPES, type PartnershipType } from '../reports/evaluation';

/**
 * The collaboration network's vocabularies. The rules own them; db/schema/network.ts takes its
 * column values from here, so a value is added in one place.
 */
export const SELLER_CATEGORIES = ['makanan_minuman', 'kerajinan', 'fesyen', 'pertanian_perikanan', 'jasa', 'lainnya'] as const;
export type SellerCategory = (typeof SELLER_CATEGORIES)[number];
export const COLLAB_OFFERS = ['supplier', 'reseller', 'shared_delivery', 'joint_promotion', 'pooled_buying'] as const;
export type CollabOffer = (typeof COLLAB_OFFERS)[number];
export const VISIBILITIES = ['hidden', 'cohort', 'all'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** Every partnership type of the evaluation records, in display order. */
export const ALL_PARTNERSHIP_TYPES = PARTNERSHIP_TYPES;
export type { PartnershipType };
/** What two Melek sellers can do together: the same five things a profile offers or looks for. */
export const PEER_TYPES = COLLAB_OFFERS;
export type PeerType = CollabOffer;

/** The 18 kecamatan of Kabupaten Sidoarjo, and one choice for sellers just outside it. */
export const KECAMATAN = [
  'Balongbendo',
  'Buduran',
  'Candi',
  'Gedangan',
  'Jabon',
  'Krembung',
  'Krian',
  'Porong',
  'Prambon',
  'Sedati',
  'Sidoarjo',
  'Sukodono',
  'Taman',
  'Tanggulangin',
  'Tarik',
  'Tulangan',
  'Waru',
  'Wonoayu',
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

const member =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);
export const isCategory = member(SELLER_CATEGORIES);
export const isOffer = member(COLLAB_OFFERS);
export const isPeerType = member(PEER_TYPES);
export const isKecamatan = member(KECAMATAN);
