import { aliasedTable, and, asc, count, eq, exists, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, sellerProfiles, users } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { COLLAB_OFFERS, isCategory, isKecamatan, isOffer, type CollabOffer, type Kecamatan, type SellerCategory, type Visibility } from '../../network/vocab';

/** A seller as another learner sees them. `phone` is set only when the seller ticked "show phone". */
export interface SellerView {
  userId: string;
  businessName: string;
  category: SellerCategory;
  kecamatan: string;
  description: string;
  catalogLink: string | null;
  offers: CollabOffer[];
  seeks: CollabOffer[];
  visibility: Visibility;
  phone: string | null;
}

type Actor = Pick<SessionUser, 'id' | 'role'>;

const mine = aliasedTable(cohortMembers, 'mine');
const theirs = aliasedTable(cohortMembers, 'theirs');

/**
 * "Profile (`seller_profiles`, joined with its owner in `users`) is one `viewer` may see" as a
 * drizzle condition — the same rule as maySeeProfile() in src/lib/network/visibility.ts (tests
 * check they agree): never hidden, never a deleted account, never the viewer's own; "all" for
 * every learner, "cohort" only for learners who share a cohort with the seller; a trainer's
 * preview sees every profile that is not hidden; anyone else sees nothing.
 */
export function visibleToSql(viewer: Actor): SQL {
  if (viewer.role !== 'trainer' && viewer.role !== 'learner') return sql`0`;
  const base = and(isNull(users.deletedAt), eq(users.role, 'learner'), ne(sellerProfiles.userId, viewer.id));
  if (viewer.role === 'trainer') return and(base, inArray(sellerProfiles.visibility, ['cohort', 'all']))!;
  const sharesCohort = db()
    .select({ one: sql`1` })
    .from(mine)
    .innerJoin(theirs, eq(theirs.cohortId, mine.cohortId))
    .where(and(eq(mine.userId, viewer.id), eq(theirs.userId, sellerProfiles.userId)));
  return and(base, or(eq(sellerProfiles.visibility, 'all'), and(eq(sellerProfiles.visibility, 'cohort'), exists(sharesCohort))))!;
}

/** What a seller query selects: the profile and its owner's phone (shown only if they ticked it). */
export const SELLER_COLUMNS = { profile: sellerProfiles, phone: users.phone };
type SellerRow = { profile: typeof sellerProfiles.$inferSelect; phone: string | null };

const offers = (v: readonly string[] | null): CollabOffer[] => (Array.isArray(v) ? COLLAB_OFFERS.filter((o) => v.includes(o)) : []);

/** A profile row as others see it: `phone` only when the seller ticked "show phone". */
export function sellerView({ profile: p, phone }: SellerRow): SellerView {
  return {
    userId: p.userId,
    businessName: p.businessName,
    category: isCategory(p.category) ? p.category : 'lainnya',
    kecamatan: p.kecamatan,
    description: p.description,
    catalogLink: p.catalogLink || null,
    offers: offers(p.offers),
    seeks: offers(p.seeks),
    visibility: p.visibility,
    phone: p.showPhone && phone ? phone : null,
  };
}

/** Profiles with their owners, where `where` holds (`visibleToSql(viewer)` and more). */
export const sellerRows = (where: SQL | undefined) =>
  db().select(SELLER_COLUMNS).from(sellerProfiles).innerJoin(users, eq(users.id, sellerProfiles.userId)).where(where);
const byName = [sql`${sellerProfiles.businessName} COLLATE NOCASE`, asc(sellerProfiles.userId)];

export interface DirectoryFilters {
  category?: SellerCategory;
  kecamatan?: Kecamatan;
  offer?: CollabOffer;
  seek?: CollabOffer;
  /** Part of a business name (case-insensitive). */
  name?: string;
}

/** Filters from the query string; anything not in the lists is ignored (no filter). */
export function filtersFrom(url: URL): DirectoryFilters {
  const q = (k: string) => url.searchParams.get(k)?.trim() ?? '';
  const f: DirectoryFilters = {};
  if (isCategory(q('kategori'))) f.category = q('kategori') as SellerCategory;
  if (isKecamatan(q('kecamatan'))) f.kecamatan = q('kecamatan') as Kecamatan;
  if (isOffer(q('tawar'))) f.offer = q('tawar') as CollabOffer;
  if (isOffer(q('cari'))) f.seek = q('cari') as CollabOffer;
  const name = q('nama').replace(/\s+/g, ' ').slice(0, 80);
  if (name) f.name = name;
  return f;
}

/** "The JSON list in `column` holds `value`." */
const listHas = (column: typeof sellerProfiles.offers | typeof sellerProfiles.seeks, value: CollabOffer) =>
  sql`EXISTS (SELECT 1 FROM json_each(${column}) item WHERE item.value = ${value})`;

export const PAGE_SIZE = 20;

/** The directory: profiles the viewer may see, filtered, by business name, a page at a time. */
export async function directory(
  viewer: Actor,
  filters: DirectoryFilters = {},
  page = 1,
): Promise<{ sellers: SellerView[]; total: number; page: number; pages: number }> {
  const where = and(
    visibleToSql(viewer),
    filters.category ? eq(sellerProfiles.category, filters.category) : undefined,
    filters.kecamatan ? eq(sellerProfiles.kecamatan, filters.kecamatan) : undefined,
    filters.offer ? listHas(sellerProfiles.offers, filters.offer) : undefined,
    filters.seek ? listHas(sellerProfiles.seeks, filters.seek) : undefined,
    // A literal substring: LIKE's wildcards in what the learner typed are escaped.
    filters.name ? sql`${sellerProfiles.businessName} LIKE ${`%${filters.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'` : undefined,
  );
  const current = Math.max(1, page);
  const [[counted], rows] = await Promise.all([
    db().select({ n: count() }).from(sellerProfiles).innerJoin(users, eq(users.id, sellerProfiles.userId)).where(where),
    sellerRows(where)
      .orderBy(...byName)
      .limit(PAGE_SIZE)
      .offset((current - 1) * PAGE_SIZE),
  ]);
  const total = counted?.n ?? 0;
  return { sellers: rows.map(sellerView), total, page: current, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One seller, only if the viewer may see them (the pickers' and the actions' check). */
export async function visibleSeller(viewer: Actor, sellerId: string): Promise<SellerView | undefined> {
  if (!sellerId || sellerId.length > 64) return undefined;
  const [row] = await sellerRows(and(visibleToSql(viewer), eq(sellerProfiles.userId, sellerId))).limit(1);
  return row ? sellerView(row) : undefined;
}

/** Several sellers at once, keeping only those the viewer may see (and, if given, `extra` holds). */
export async function visibleSellers(viewer: Actor, sellerIds: readonly string[], extra?: SQL): Promise<SellerView[]> {
  const ids = [...new Set(sellerIds)].filter((id) => id && id.length <= 64).slice(0, 200);
  if (ids.length === 0) return [];
  const rows = await sellerRows(and(visibleToSql(viewer), extra, inArray(sellerProfiles.userId, ids)));
  return rows.map(sellerView);
}

/** The partnership picker: every seller the viewer may see, by name (the same set as the directory). */
export async function pickableSellers(viewer: Actor, extra?: SQL, limit = 500): Promise<SellerView[]> {
  const rows = await sellerRows(and(visibleToSql(viewer), extra))
    .orderBy(...byName)
    .limit(limit);
  return rows.map(sellerView);
}

/** Sellers who offer joint promotion (the Promo Bersama opt-in). */
export const OFFERS_JOINT_PROMOTION: SQL = listHas(sellerProfiles.offers, 'joint_promotion');
