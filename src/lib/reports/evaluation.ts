import type {
  ADOPTION_ITEMS as SCHEMA_ADOPTION_ITEMS,
  PARTNERSHIP_TYPES as SCHEMA_PARTNERSHIP_TYPES,
  SALES_BANDS as SCHEMA_SALES_BANDS,
  SOURCES as SCHEMA_SOURCES,
} from '../../../db/schema/indicator';

/**
 * The evaluation records' vocabularies, in display order. Only types come from db/schema (src/lib
 * stays free of the database); the checks below make a value added there a build error here.
 */
export type AdoptionItem = (typeof SCHEMA_ADOPTION_ITEMS)[number];
export type PartnershipType = (typeof SCHEMA_PARTNERSHIP_TYPES)[number];
export type SalesBand = (typeof SCHEMA_SALES_BANDS)[number];
export type Source = (typeof SCHEMA_SOURCES)[number];

export const ADOPTION_ITEMS = ['wa_business_profile', 'catalog_5_items', 'qris_active', 'bookkeeping_4_weeks', 'two_step_verification'] as const satisfies readonly AdoptionItem[];
export const PARTNERSHIP_TYPES = ['supplier', 'reseller', 'marketplace', 'lender', 'community', 'shared_delivery', 'joint_promotion', 'pooled_buying'] as const satisfies readonly PartnershipType[];
/** A partnership counts once it stands: self-logged, or confirmed by the other Melek seller (not pending or declined). */
export const COUNTED_PARTNERSHIP_STATUSES = ['logged', 'confirmed'] as const;
export const SALES_BANDS = ['lt1', '1to3', '3to5', '5to10', '10to25', 'gt25'] as const satisfies readonly SalesBand[];
export const SOURCES = ['self', 'mentor', 'peer'] as const satisfies readonly Source[];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const complete: [
  Same<AdoptionItem, (typeof ADOPTION_ITEMS)[number]>,
  Same<PartnershipType, (typeof PARTNERSHIP_TYPES)[number]>,
  Same<SalesBand, (typeof SALES_BANDS)[number]>,
  Same<Source, (typeof SOURCES)[number]>,
] = [true, true, true, true];
void complete;

export const isAdoptionItem = (v: unknown): v is AdoptionItem => typeof v === 'string' && (ADOPTION_ITEMS as readonly string[]).includes(v);
