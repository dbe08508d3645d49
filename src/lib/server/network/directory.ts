import type { InValue } from '@libsql/client';
import { db } from '@db/client';
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
export interface SqlPart {
  sql: string;
  args: InValue[];
}

/**
 * "Profile `p` (joined with its owner `u`) is one `viewer` may see" as SQL — the same rule as
 * maySeeProfile() in src/lib/network/visibility.ts (tests check they agree): never hidden, never
 * a deleted account, never the viewer's own; "all" for every learner, "cohort" only for learners
 * who share a cohort with the seller; a trainer's preview sees every profile that is not hidden;
 * anyone else sees nothing.
 */
export function visibleToSql(viewer: Actor): SqlPart {
  const base = `u.deleted_at IS NULL AND u.role = 'learner' AND p.user_id <> ?`;
  if (viewer.role === 'trainer') return { sql: `${base} AND p.visibility IN ('cohort', 'all')`, args: [viewer.id] };
  if (viewer.role !== 'learner') return { sql: '0', args: [] };
  return {
    sql: `${base} AND (p.visibility = 'all' OR (p.visibility = 'cohort' AND EXISTS (
            SELECT 1 FROM cohort_members mine JOIN cohort_members theirs ON theirs.cohort_id = mine.cohort_id
            WHERE mine.user_id = ? AND theirs.user_id = p.user_id)))`,
    args: [viewer.id, viewer.id],
  };
}

const COLUMNS = `p.user_id, p.business_name, p.category, p.kecamatan, p.description, p.catalog_link, p.offers, p.seeks, p.visibility,
  CASE WHEN p.show_phone = 1 THEN u.phone END AS phone`;

const list = (v: unknown): CollabOffer[] => {
  try {
    const parsed = typeof v === 'string' ? JSON.parse(v) : [];
    return Array.isArray(parsed) ? COLLAB_OFFERS.filter((o) => parsed.includes(o)) : [];
  } catch {
    return [];
  }
};

export function sellerFromRow(r: Record<string, unknown>): SellerView {
  return {
    userId: String(r.user_id),
    businessName: String(r.business_name),
    category: (isCategory(r.category) ? r.category : 'lainnya') as SellerCategory,
    kecamatan: String(r.kecamatan),
    description: String(r.description ?? ''),
    catalogLink: r.catalog_link ? String(r.catalog_link) : null,
    offers: list(r.offers),
    seeks: list(r.seeks),
    visibility: r.visibility as Visibility,
    phone: r.phone ? String(r.phone) : null,
  };
}

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

export const PAGE_SIZE = 20;

/** The directory: profiles the viewer may see, filtered, by business name, a page at a time. */
export async function directory(
  viewer: Actor,
  filters: DirectoryFilters = {},
  page = 1,
): Promise<{ sellers: SellerView[]; total: number; page: number; pages: number }> {
  const visible = visibleToSql(viewer);
  const where = [visible.sql];
  const args: InValue[] = [...visible.args];
  if (filters.category) {
    where.push('p.category = ?');
    args.push(filters.category);
  }
  if (filters.kecamatan) {
    where.push('p.kecamatan = ?');
    args.push(filters.kecamatan);
  }
  if (filters.offer) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.offers) o WHERE o.value = ?)');
    args.push(filters.offer);
  }
  if (filters.seek) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.seeks) s WHERE s.value = ?)');
    args.push(filters.seek);
  }
  if (filters.name) {
    // A literal substring: LIKE's wildcards in what the learner typed are escaped.
    where.push("p.business_name LIKE ? ESCAPE '\\'");
    args.push(`%${filters.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const from = `FROM seller_profiles p JOIN users u ON u.id = p.user_id WHERE ${where.map((w) => `(${w})`).join(' AND ')}`;
  const [counted, rows] = await Promise.all([
    db().$client.execute({ sql: `SELECT count(*) AS n ${from}`, args }),
    db().$client.execute({
      sql: `SELECT ${COLUMNS} ${from} ORDER BY p.business_name COLLATE NOCASE, p.user_id LIMIT ? OFFSET ?`,
      args: [...args, PAGE_SIZE, (Math.max(1, page) - 1) * PAGE_SIZE],
    }),
  ]);
  const total = Number(counted.rows[0]?.n ?? 0);
  return {
    sellers: rows.rows.map((r) => sellerFromRow(r)),
    total,
    page: Math.max(1, page),
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** One seller, only if the viewer may see them (the pickers' and the actions' check). */
export async function visibleSeller(viewer: Actor, sellerId: string): Promise<SellerView | undefined> {
  if (!sellerId || sellerId.length > 64) return undefined;
  const visible = visibleToSql(viewer);
  const rs = await db().$client.execute({
    sql: `SELECT ${COLUMNS} FROM seller_profiles p JOIN users u ON u.id = p.user_id WHERE (${visible.sql}) AND p.user_id = ?`,
    args: [...visible.args, sellerId],
  });
  return rs.rows[0] ? sellerFromRow(rs.rows[0]) : undefined;
}

/** Several sellers at once, keeping only those the viewer may see. */
export async function visibleSellers(viewer: Actor, sellerIds: readonly string[], extra: SqlPart = { sql: '1', args: [] }): Promise<SellerView[]> {
  const ids = [...new Set(sellerIds)].filter((id) => id && id.length <= 64).slice(0, 200);
  if (ids.length === 0) return [];
  const visible = visibleToSql(viewer);
  const rs = await db().$client.execute({
    sql: `SELECT ${COLUMNS} FROM seller_profiles p JOIN users u ON u.id = p.user_id
          WHERE (${visible.sql}) AND (${extra.sql}) AND p.user_id IN (${ids.map(() => '?').join(', ')})`,
    args: [...visible.args, ...extra.args, ...ids],
  });
  return rs.rows.map((r) => sellerFromRow(r));
}

/** The partnership picker: every seller the viewer may see, by name (the same set as the directory). */
export async function pickableSellers(viewer: Actor, extra: SqlPart = { sql: '1', args: [] }, limit = 500): Promise<SellerView[]> {
  const visible = visibleToSql(viewer);
  const rs = await db().$client.execute({
    sql: `SELECT ${COLUMNS} FROM seller_profiles p JOIN users u ON u.id = p.user_id WHERE (${visible.sql}) AND (${extra.sql})
          ORDER BY p.business_name COLLATE NOCASE, p.user_id LIMIT ?`,
    args: [...visible.args, ...extra.args, limit],
  });
  return rs.rows.map((r) => sellerFromRow(r));
}

/** Sellers who offer joint promotion (the Promo Bersama opt-in). */
export const OFFERS_JOINT_PROMOTION: SqlPart = { sql: `EXISTS (SELECT 1 FROM json_each(p.offers) o WHERE o.value = 'joint_promotion')`, args: [] };
