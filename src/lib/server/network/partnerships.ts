import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { collaborations, sellerProfiles, users } from '@db/schema';
import type { FieldErrors, MessageKey } from '../../validation';
import { checkPeerLog } from '../../network/partnership-rules';
import { PEER_PARTNER_TEXT, type PartnershipType } from '../../network/vocab';
import { jakartaDate } from '../../wib';
import { SELLER_COLUMNS, sellerView, visibleSeller, visibleSellers, visibleToSql, type SellerView } from './directory';
import type { Viewer } from './viewer';

/**
 * Peer partnerships: a learner logs a collaboration with another Melek seller
 * they can see; the row waits as "pending" (source self) until the named partner confirms it
 * (status confirmed, source peer — a peer-confirmed partnership in the evaluation records) or
 * declines it. Only the named partner may answer, and only while they can still see who asked.
 */
export type ActionResult = { ok: true; id?: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

const refuse = (status: 400 | 403 | 404 | 409, field: string, error: MessageKey): ActionResult => ({ ok: false, status, errors: { [field]: error } });
const str = (v: unknown, max = 64) => (typeof v === 'string' ? v.trim().slice(0, max + 1) : '');

/** A pending or confirmed partnership of this type between the two sellers, whoever logged it. */
const openBetween = (type: PartnershipType, a: string, b: string) =>
  and(
    eq(collaborations.type, type),
    inArray(collaborations.status, ['pending', 'confirmed']),
    or(and(eq(collaborations.userId, a), eq(collaborations.partnerUserId, b)), and(eq(collaborations.userId, b), eq(collaborations.partnerUserId, a))),
  );

export async function logPeerPartnership(viewer: Viewer, input: Record<string, unknown>, now = Date.now()): Promise<ActionResult> {
  if (viewer.role !== 'learner') return refuse(403, '_form', 'netLearnersOnly');
  const partnerId = str(input.partnerId);
  const other = partnerId !== '' && partnerId !== viewer.id && partnerId.length <= 64;
  const [partner, meForThem] = await Promise.all([
    other ? visibleSeller(viewer, partnerId) : undefined,
    // The partner's side: would they see my profile? (They are a learner: only learners have profiles.)
    other ? visibleSeller({ id: partnerId, role: 'learner' }, viewer.id) : undefined,
  ]);
  const check = checkPeerLog({
    loggerId: viewer.id,
    partnerId,
    type: input.type,
    startedOn: input.startedOn,
    partnerVisible: partner !== undefined,
    loggerVisibleToPartner: meForThem !== undefined,
    today: jakartaDate(now),
    enrolledOn: jakartaDate(viewer.enrolledAt),
  });
  if (!check.ok) return refuse(400, check.field, check.error);
  const id = crypto.randomUUID();
  // One statement: the duplicate check and the insert cannot be split by a second request.
  const open = openBetween(check.type, viewer.id, partnerId);
  const inserted = await db().all<{ id: string }>(sql`
    INSERT INTO ${collaborations} (id, user_id, type, partner, partner_user_id, status, started_on, source, created_at)
    SELECT ${id}, ${viewer.id}, ${check.type}, ${PEER_PARTNER_TEXT}, ${partnerId}, 'pending', ${check.startedOn}, 'self', ${now}
    WHERE NOT EXISTS (SELECT 1 FROM ${collaborations} WHERE ${open})
    RETURNING id`);
  if (inserted.length === 0) {
    const [existing] = await db()
      .select({ status: collaborations.status })
      .from(collaborations)
      .where(open)
      .orderBy(sql`${collaborations.status} = 'confirmed' DESC`)
      .limit(1);
    return refuse(409, 'partnerId', existing?.status === 'confirmed' ? 'netDuplicateConfirmed' : 'netDuplicatePending');
  }
  return { ok: true, id };
}

export const DECISIONS = ['confirm', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The named partner confirms or declines. The one who logged it gets 403; anyone else 404. */
export async function answerPartnership(viewer: Viewer, input: Record<string, unknown>, decision: Decision, now = Date.now()): Promise<ActionResult> {
  if (viewer.role !== 'learner') return refuse(403, '_form', 'netLearnersOnly');
  const id = str(input.partnershipId);
  if (!id || id.length > 64) return refuse(404, '_form', 'netRequestUnknown');
  const [row] = await db()
    .select({ userId: collaborations.userId, partnerUserId: collaborations.partnerUserId, status: collaborations.status })
    .from(collaborations)
    .where(eq(collaborations.id, id))
    .limit(1);
  if (!row) return refuse(404, '_form', 'netRequestUnknown');
  if (row.partnerUserId !== viewer.id) {
    return row.userId === viewer.id ? refuse(403, '_form', 'netRequestNotYours') : refuse(404, '_form', 'netRequestUnknown');
  }
  if (row.status !== 'pending') return refuse(409, '_form', 'netRequestAnswered');
  // A request is answered only while the partner can see who sent it (it is not shown otherwise).
  if (!(await visibleSeller(viewer, row.userId))) return refuse(404, '_form', 'netRequestUnknown');
  const answer = decision === 'confirm' ? ({ status: 'confirmed', source: 'peer' } as const) : ({ status: 'declined' } as const);
  const updated = await db()
    .update(collaborations)
    .set({ ...answer, respondedAt: now })
    .where(and(eq(collaborations.id, id), eq(collaborations.partnerUserId, viewer.id), eq(collaborations.status, 'pending')))
    .returning({ id: collaborations.id });
  if (updated.length === 0) return refuse(409, '_form', 'netRequestAnswered');
  return { ok: true, id };
}

export interface Request {
  id: string;
  type: PartnershipType;
  startedOn: string;
  from: SellerView;
}

/** Requests waiting for this learner's answer, from sellers whose profile they can see. */
export async function incomingRequests(viewer: Pick<Viewer, 'id' | 'role'>): Promise<Request[]> {
  if (viewer.role !== 'learner') return [];
  const rows = await db()
    .select({ id: collaborations.id, type: collaborations.type, startedOn: collaborations.startedOn, ...SELLER_COLUMNS })
    .from(collaborations)
    .innerJoin(sellerProfiles, eq(sellerProfiles.userId, collaborations.userId))
    .innerJoin(users, eq(users.id, sellerProfiles.userId))
    .where(waitingFor(viewer))
    .orderBy(asc(collaborations.createdAt))
    .limit(100);
  return rows.map((r) => ({ id: r.id, type: r.type, startedOn: r.startedOn, from: sellerView(r) }));
}

/** Requests to `viewer` still pending, from sellers whose profile they can see. */
const waitingFor = (viewer: Pick<Viewer, 'id' | 'role'>) =>
  and(eq(collaborations.partnerUserId, viewer.id), eq(collaborations.status, 'pending'), visibleToSql(viewer));

export async function incomingRequestCount(viewer: Pick<Viewer, 'id' | 'role'>): Promise<number> {
  if (viewer.role !== 'learner') return 0;
  const [row] = await db()
    .select({ n: count() })
    .from(collaborations)
    .innerJoin(sellerProfiles, eq(sellerProfiles.userId, collaborations.userId))
    .innerJoin(users, eq(users.id, sellerProfiles.userId))
    .where(waitingFor(viewer));
  return row?.n ?? 0;
}

export interface MyPartnership {
  id: string;
  type: PartnershipType;
  startedOn: string;
  status: 'pending' | 'confirmed' | 'declined';
  mine: boolean;
  /** The other seller, only while the viewer may see their profile. */
  other: SellerView | null;
}

/** Peer partnerships the learner logged (any status) and those logged with them that they confirmed. */
export async function myPeerPartnerships(viewer: Pick<Viewer, 'id' | 'role'>): Promise<MyPartnership[]> {
  const rows = await db()
    .select({
      id: collaborations.id,
      userId: collaborations.userId,
      partnerUserId: collaborations.partnerUserId,
      type: collaborations.type,
      startedOn: collaborations.startedOn,
      status: collaborations.status,
    })
    .from(collaborations)
    .where(
      and(
        isNotNull(collaborations.partnerUserId),
        ne(collaborations.status, 'logged'),
        or(eq(collaborations.userId, viewer.id), and(eq(collaborations.partnerUserId, viewer.id), eq(collaborations.status, 'confirmed'))),
      ),
    )
    .orderBy(desc(collaborations.startedOn), desc(collaborations.createdAt))
    .limit(200);
  const otherId = (r: (typeof rows)[number]) => (r.userId === viewer.id ? (r.partnerUserId ?? '') : r.userId);
  const others = new Map((await visibleSellers(viewer, rows.map(otherId))).map((s) => [s.userId, s]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    startedOn: r.startedOn,
    status: r.status as MyPartnership['status'], // the query leaves 'logged' rows out
    mine: r.userId === viewer.id,
    other: others.get(otherId(r)) ?? null,
  }));
}
