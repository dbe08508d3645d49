import type { InValue } from '@libsql/client';
import { db } from '@db/client';
import type { FieldErrors, MessageKey } from '../../validation';
import { checkPeerLog } from '../../network/partnership-rules';
import { PEER_PARTNER_TEXT, type PartnershipType } from '../../network/vocab';
import { jakartaDate } from '../../wib';
import { sellerFromRow, visibleSeller, visibleSellers, visibleToSql, type SellerView } from './directory';
import type { Viewer } from './viewer';

/**
 * Peer partnerships (issue 10, part 3): a learner logs a collaboration with another Melek seller
 * they can see; the row waits as "pending" (source self) until the named partner confirms it
 * (status confirmed, source peer — a peer-confirmed partnership in the evaluation records) or
 * declines it. Only the named partner may answer, and only while they can still see who asked.
 */
export type ActionResult = { ok: true; id?: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

const refuse = (status: 400 | 403 | 404 | 409, field: string, error: MessageKey): ActionResult => ({ ok: false, status, errors: { [field]: error } });
const str = (v: unknown, max = 64) => (typeof v === 'string' ? v.trim().slice(0, max + 1) : '');

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
  const rs = await db().$client.execute({
    sql: `INSERT INTO collaborations (id, user_id, type, partner, partner_user_id, status, started_on, source, created_at)
          SELECT ?, ?, ?, ?, ?, 'pending', ?, 'self', ?
          WHERE NOT EXISTS (SELECT 1 FROM collaborations WHERE type = ? AND status IN ('pending', 'confirmed')
            AND ((user_id = ? AND partner_user_id = ?) OR (user_id = ? AND partner_user_id = ?)))
          RETURNING id`,
    args: [id, viewer.id, check.type, PEER_PARTNER_TEXT, partnerId, check.startedOn, now, check.type, viewer.id, partnerId, partnerId, viewer.id],
  });
  if (rs.rows.length === 0) {
    const existing = await db().$client.execute({
      sql: `SELECT status FROM collaborations WHERE type = ? AND status IN ('pending', 'confirmed')
            AND ((user_id = ? AND partner_user_id = ?) OR (user_id = ? AND partner_user_id = ?)) ORDER BY status = 'confirmed' DESC LIMIT 1`,
      args: [check.type, viewer.id, partnerId, partnerId, viewer.id],
    });
    return refuse(409, 'partnerId', existing.rows[0]?.status === 'confirmed' ? 'netDuplicateConfirmed' : 'netDuplicatePending');
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
  const rs = await db().$client.execute({ sql: 'SELECT user_id, partner_user_id, status FROM collaborations WHERE id = ?', args: [id] });
  const row = rs.rows[0];
  if (!row) return refuse(404, '_form', 'netRequestUnknown');
  if (row.partner_user_id !== viewer.id) {
    return row.user_id === viewer.id ? refuse(403, '_form', 'netRequestNotYours') : refuse(404, '_form', 'netRequestUnknown');
  }
  if (row.status !== 'pending') return refuse(409, '_form', 'netRequestAnswered');
  // A request is answered only while the partner can see who sent it (it is not shown otherwise).
  if (!(await visibleSeller(viewer, String(row.user_id)))) return refuse(404, '_form', 'netRequestUnknown');
  const set = decision === 'confirm' ? "status = 'confirmed', source = 'peer'" : "status = 'declined'";
  const updated = await db().$client.execute({
    sql: `UPDATE collaborations SET ${set}, responded_at = ? WHERE id = ? AND partner_user_id = ? AND status = 'pending' RETURNING id`,
    args: [now, id, viewer.id],
  });
  if (updated.rows.length === 0) return refuse(409, '_form', 'netRequestAnswered');
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
  const visible = visibleToSql(viewer);
  const rs = await db().$client.execute({
    sql: `SELECT c.id AS cid, c.type AS ctype, c.started_on AS cstarted, p.user_id, p.business_name, p.category, p.kecamatan, p.description, p.catalog_link, p.offers, p.seeks, p.visibility,
            CASE WHEN p.show_phone = 1 THEN u.phone END AS phone
          FROM collaborations c JOIN seller_profiles p ON p.user_id = c.user_id JOIN users u ON u.id = p.user_id
          WHERE c.partner_user_id = ? AND c.status = 'pending' AND (${visible.sql})
          ORDER BY c.created_at LIMIT 100`,
    args: [viewer.id, ...visible.args] as InValue[],
  });
  return rs.rows.map((r) => ({
    id: String(r.cid),
    type: String(r.ctype) as PartnershipType,
    startedOn: String(r.cstarted),
    from: sellerFromRow(r),
  }));
}

export async function incomingRequestCount(viewer: Pick<Viewer, 'id' | 'role'>): Promise<number> {
  if (viewer.role !== 'learner') return 0;
  const visible = visibleToSql(viewer);
  const rs = await db().$client.execute({
    sql: `SELECT count(*) AS n FROM collaborations c JOIN seller_profiles p ON p.user_id = c.user_id JOIN users u ON u.id = p.user_id
          WHERE c.partner_user_id = ? AND c.status = 'pending' AND (${visible.sql})`,
    args: [viewer.id, ...visible.args] as InValue[],
  });
  return Number(rs.rows[0]?.n ?? 0);
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
  const rs = await db().$client.execute({
    sql: `SELECT id, user_id, partner_user_id, type, started_on, status FROM collaborations
          WHERE partner_user_id IS NOT NULL AND status <> 'logged'
            AND (user_id = ? OR (partner_user_id = ? AND status = 'confirmed'))
          ORDER BY started_on DESC, created_at DESC LIMIT 200`,
    args: [viewer.id, viewer.id],
  });
  const otherId = (r: (typeof rs.rows)[number]) => String(r.user_id === viewer.id ? r.partner_user_id : r.user_id);
  const others = new Map((await visibleSellers(viewer, rs.rows.map(otherId))).map((s) => [s.userId, s]));
  return rs.rows.map((r) => ({
    id: String(r.id),
    type: String(r.type) as PartnershipType,
    startedOn: String(r.started_on),
    status: String(r.status) as MyPartnership['status'],
    mine: r.user_id === viewer.id,
    other: others.get(otherId(r)) ?? null,
  }));
}
