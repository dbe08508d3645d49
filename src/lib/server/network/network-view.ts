import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { cohortMembers, cohorts, jointPromotions, sellerProfiles } from '@db/schema';
import type { SessionUser } from '../auth/session';
import { layoutNetwork, type Layout } from '../../network/layout';
import { monthlyTable, type MonthlyTable } from '../../network/timeline';
import { mayLabel } from '../../network/visibility';
import type { PartnershipType, Visibility } from '../../network/vocab';
import { visibleLearnerIds, visibleLearners } from '../access/learner-scope';

/**
 * The network view for mentors and trainers. Per cohort: learners, visible profiles,
 * partnerships; for one cohort: partnerships by type per month and the map of confirmed peer
 * partnerships (d3-force on the server, SVG on the page).
 *
 * Scope is visibleLearners() (access/learner-scope.ts): a mentor's current learners, every
 * learner for a trainer, never deleted accounts. Labels follow mayLabel(): a mentor names only
 * their own learners (and only those whose profile is not hidden), a trainer every profile that is
 * not hidden. The data handed to the page carries no user ids and no name it may not show.
 */
type Actor = Pick<SessionUser, 'id' | 'role'>;

export interface CohortSummary {
  id: string;
  name: string;
  learners: number;
  visible: number;
  confirmed: number;
  pending: number;
  promos: number;
}

/** One row per cohort in scope: a trainer's every cohort, a mentor's learners' cohorts. A few grouped queries, never one per cohort. */
export async function cohortSummaries(actor: Actor): Promise<CohortSummary[]> {
  if (actor.role !== 'trainer' && actor.role !== 'mentor') return [];
  const scope = visibleLearners(actor);
  const [cohortRows, people, links, promos] = await Promise.all([
    db()
      .select({ id: cohorts.id, name: cohorts.name })
      .from(cohorts)
      .orderBy(sql`${cohorts.name} COLLATE NOCASE`, asc(cohorts.id)),
    db()
      .select({
        cohortId: cohortMembers.cohortId,
        learners: count(),
        visible: sql<number>`sum(CASE WHEN ${sellerProfiles.visibility} IN ('cohort', 'all') THEN 1 ELSE 0 END)`.mapWith(Number),
      })
      .from(cohortMembers)
      .leftJoin(sellerProfiles, eq(sellerProfiles.userId, cohortMembers.userId))
      .where(inArray(cohortMembers.userId, scope))
      .groupBy(cohortMembers.cohortId),
    // A partnership counts once in each cohort one of its two sellers (in scope) belongs to.
    db().all<{ cohort_id: string; status: 'confirmed' | 'pending'; n: number }>(sql`
      SELECT cohort_id, status, count(DISTINCT id) AS n FROM (
        SELECT cm.cohort_id, k.status, k.id FROM collaborations k JOIN cohort_members cm ON cm.user_id = k.user_id
          WHERE k.partner_user_id IS NOT NULL AND k.status IN ('confirmed', 'pending') AND cm.user_id IN ${scope}
        UNION ALL
        SELECT cm.cohort_id, k.status, k.id FROM collaborations k JOIN cohort_members cm ON cm.user_id = k.partner_user_id
          WHERE k.status IN ('confirmed', 'pending') AND cm.user_id IN ${scope}
      ) GROUP BY cohort_id, status`),
    db()
      .select({ cohortId: cohortMembers.cohortId, n: count() })
      .from(jointPromotions)
      .innerJoin(cohortMembers, eq(cohortMembers.userId, jointPromotions.userId))
      .where(inArray(cohortMembers.userId, scope))
      .groupBy(cohortMembers.cohortId),
  ]);
  const peopleBy = new Map(people.map((r) => [r.cohortId, { learners: r.learners, visible: r.visible ?? 0 }]));
  const linksBy = new Map<string, { confirmed: number; pending: number }>();
  for (const r of links) {
    const entry = linksBy.get(r.cohort_id) ?? { confirmed: 0, pending: 0 };
    if (r.status === 'confirmed') entry.confirmed = r.n;
    else entry.pending = r.n;
    linksBy.set(r.cohort_id, entry);
  }
  const promosBy = new Map(promos.map((r) => [r.cohortId, r.n]));
  return cohortRows
    .filter((c) => actor.role === 'trainer' || peopleBy.has(c.id))
    .map((c) => ({
      ...c,
      learners: peopleBy.get(c.id)?.learners ?? 0,
      visible: peopleBy.get(c.id)?.visible ?? 0,
      confirmed: linksBy.get(c.id)?.confirmed ?? 0,
      pending: linksBy.get(c.id)?.pending ?? 0,
      promos: promosBy.get(c.id) ?? 0,
    }));
}

/** May this actor open this cohort's view? Trainer: any existing cohort (else 404). Mentor: only their learners' cohorts (else 403, existing or not). */
export function cohortAccess(actor: Actor, cohorts: readonly CohortSummary[], cohortId: string, exists: boolean): 'ok' | 'forbidden' | 'unknown' {
  if (cohorts.some((c) => c.id === cohortId)) return 'ok';
  if (actor.role === 'trainer') return exists ? 'ok' : 'unknown';
  return 'forbidden';
}

export interface GraphNode {
  x: number;
  y: number;
  /** Business name, only where mayLabel() allows. */
  label: string | null;
  /** In the view's scope (the cohort's learners this actor follows) or a partner outside it. */
  inScope: boolean;
}
export interface GraphEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  a: string | null;
  b: string | null;
  types: PartnershipType[];
}
export interface NetworkGraph {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Sellers before the size cap (the picture keeps the best-connected MAX_NODES). */
  allNodes: number;
}

export interface CohortNetwork {
  months: MonthlyTable;
  graph: NetworkGraph;
  layoutMs: number;
}

export const MAX_NODES = 250;

export async function cohortNetwork(actor: Actor, cohortId: string): Promise<CohortNetwork> {
  const scope = visibleLearners(actor, { cohortId });
  const [monthly, edgeRows, own] = await Promise.all([
    db().all<{ type: PartnershipType; month: string; n: number }>(sql`
      SELECT k.type, substr(k.started_on, 1, 7) AS month, count(*) AS n FROM collaborations k
       WHERE k.status IN ('logged', 'confirmed')
         AND (k.user_id IN ${scope} OR (k.status = 'confirmed' AND k.partner_user_id IN ${scope}))
       GROUP BY k.type, month`),
    db().all<{ a: string; b: string; type: PartnershipType }>(sql`
      SELECT k.user_id AS a, k.partner_user_id AS b, k.type FROM collaborations k
        JOIN users ua ON ua.id = k.user_id JOIN users ub ON ub.id = k.partner_user_id
       WHERE k.status = 'confirmed' AND ua.deleted_at IS NULL AND ub.deleted_at IS NULL
         AND (k.user_id IN ${scope} OR k.partner_user_id IN ${scope})`),
    actor.role === 'mentor' ? visibleLearnerIds(actor) : Promise.resolve(new Set<string>()),
  ]);
  const months = monthlyTable(monthly.map((r) => ({ type: r.type, startedOn: `${r.month}-01`, n: r.n })));

  // Pairs: one line per pair of sellers, whatever the number of partnerships between them.
  const pairs = new Map<string, { a: string; b: string; types: Set<PartnershipType> }>();
  for (const r of edgeRows) {
    const [a, b] = [r.a, r.b].sort();
    if (a === b) continue;
    const key = `${a} ${b}`;
    const pair = pairs.get(key) ?? { a, b, types: new Set<PartnershipType>() };
    pair.types.add(r.type);
    pairs.set(key, pair);
  }
  const endpoints = [...new Set([...pairs.values()].flatMap((p) => [p.a, p.b]))];
  // Profiles of the scope's learners (visible ones become dots even without partners) and of every endpoint.
  const scoped = scope.as('scoped');
  const profiles = await db()
    .select({ uid: scoped.id, visibility: sellerProfiles.visibility, businessName: sellerProfiles.businessName })
    .from(scoped)
    .leftJoin(sellerProfiles, eq(sellerProfiles.userId, scoped.id));
  const inScope = new Set<string>();
  const profileOf = new Map<string, { visibility: Visibility | null; businessName: string | null }>();
  for (const r of profiles) {
    inScope.add(r.uid);
    profileOf.set(r.uid, { visibility: r.visibility ?? null, businessName: r.businessName ?? null });
  }
  const outside = endpoints.filter((id) => !inScope.has(id));
  for (let i = 0; i < outside.length; i += 500) {
    const rows = await db()
      .select({ userId: sellerProfiles.userId, visibility: sellerProfiles.visibility, businessName: sellerProfiles.businessName })
      .from(sellerProfiles)
      .where(inArray(sellerProfiles.userId, outside.slice(i, i + 500)));
    for (const r of rows) profileOf.set(r.userId, { visibility: r.visibility, businessName: r.businessName });
  }

  const degree = new Map<string, number>();
  for (const p of pairs.values()) {
    degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
    degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
  }
  const visibleInScope = [...inScope].filter((id) => {
    const v = profileOf.get(id)?.visibility;
    return v !== undefined && v !== null && v !== 'hidden';
  });
  const allNodes = new Set<string>([...endpoints, ...visibleInScope]).size;
  // Too many for a phone: keep whole lines first (best-connected pairs), then lone visible sellers.
  const weight = (p: { a: string; b: string }) => (degree.get(p.a) ?? 0) + (degree.get(p.b) ?? 0);
  const byWeight = [...pairs.values()].sort((x, y) => weight(y) - weight(x) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const kept = new Set<string>();
  const keptPairs: typeof byWeight = [];
  for (const p of byWeight) {
    const extra = (kept.has(p.a) ? 0 : 1) + (kept.has(p.b) ? 0 : 1);
    if (kept.size + extra > MAX_NODES) continue;
    kept.add(p.a);
    kept.add(p.b);
    keptPairs.push(p);
  }
  for (const id of visibleInScope.sort()) {
    if (kept.size >= MAX_NODES) break;
    kept.add(id);
  }
  const keep = [...kept];

  const labeller = { id: actor.id, role: actor.role, ownLearners: own };
  const labelOf = (id: string): string | null => {
    const p = profileOf.get(id);
    if (!p || !p.businessName) return null;
    return mayLabel(labeller, { userId: id, visibility: p.visibility }) ? p.businessName : null;
  };

  const started = performance.now();
  const size = keep.length > 40 ? 480 : 360;
  const layout: Layout = layoutNetwork(
    keep.map((key) => ({ key })),
    keptPairs.map((p) => ({ a: p.a, b: p.b })),
    { width: 360, height: size },
  );
  const layoutMs = performance.now() - started;
  const pos = new Map(layout.nodes.map((n) => [n.key, n]));
  const graph: NetworkGraph = {
    width: layout.width,
    height: layout.height,
    allNodes,
    // Ids stay on the server: the page gets positions, allowed labels and whether a dot is in scope.
    nodes: layout.nodes.map((n) => ({ x: n.x, y: n.y, label: labelOf(n.key), inScope: inScope.has(n.key) })),
    edges: keptPairs
      .map((p) => {
        const a = pos.get(p.a)!;
        const b = pos.get(p.b)!;
        return { x1: a.x, y1: a.y, x2: b.x, y2: b.y, a: labelOf(p.a), b: labelOf(p.b), types: [...p.types].sort() };
      })
      .sort((e, f) => (e.a ?? '\uffff').localeCompare(f.a ?? '\uffff') || (e.b ?? '\uffff').localeCompare(f.b ?? '\uffff') || e.x1 - f.x1),
  };
  return { months, graph, layoutMs };
}

export async function cohortExists(cohortId: string): Promise<boolean> {
  const rows = await db().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).limit(1);
  return rows.length > 0;
}

/**
 * Everything a network page shows: the cohort table, and the chosen cohort's detail (`?kelas=`,
 * else the first cohort with learners). 'forbidden'/'unknown' for a cohort the actor may not
 * open or that does not exist — the page answers 403/404 and shows nothing about it.
 */
export async function networkPage(
  actor: Actor,
  url: URL,
): Promise<{ access: 'ok' | 'forbidden' | 'unknown'; cohorts: CohortSummary[]; selected?: CohortSummary; network?: CohortNetwork }> {
  const asked = url.searchParams.get('kelas')?.trim().slice(0, 64) || undefined;
  const cohorts = await cohortSummaries(actor);
  if (asked) {
    const access = cohortAccess(actor, cohorts, asked, actor.role === 'trainer' ? await cohortExists(asked) : false);
    if (access !== 'ok') return { access, cohorts: [] };
  }
  const selected = asked ? cohorts.find((c) => c.id === asked) : (cohorts.find((c) => c.learners > 0) ?? cohorts[0]);
  if (!selected) return { access: 'ok', cohorts };
  return { access: 'ok', cohorts, selected, network: await cohortNetwork(actor, selected.id) };
}
