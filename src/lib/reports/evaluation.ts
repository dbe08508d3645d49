/**
 * The evaluation records' vocabularies, in display order. The rules own them; db/schema/indicator.ts
 * takes its column values from here, so a value is added in one place.
 */
export const ADOPTION_ITEMS = ['wa_business_profile', 'catalog_5_items', 'qris_active', 'bookkeeping_4_weeks', 'two_step_verification'] as const;
export type AdoptionItem = (typeof ADOPTION_ITEMS)[number];
export const PARTNERSHIP_TYPES = ['supplier', 'reseller', 'marketplace', 'lender', 'community', 'shared_delivery', 'joint_promotion', 'pooled_buying'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
/** A partnership counts once it stands: self-logged, or confirmed by the other Melek seller (not pending or declined). */
export const COUNTED_PARTNERSHIP_STATUSES = ['logged', 'confirmed'] as const;
export const SALES_BANDS = ['lt1', '1to3', '3to5', '5to10', '10to25', 'gt25'] as const;
export type SalesBand = (typeof SALES_BANDS)[number];
export const SOURCES = ['self', 'mentor', 'peer'] as const;
export type Source = (typeof SOURCES)[number];

export const isAdoptionItem = (v: unknown): v is AdoptionItem => typeof v === 'string' && (ADOPTION_ITEMS as readonly string[]).includes(v);
