import { and, eq } from 'drizzle-orm';
import { db } from '@db/client';
import { jointPromotions } from '@db/schema';
import { t } from '../../../i18n';
import { promoMessage } from '../../network/messages';
import { safeHref } from '../../network/profile-form';
import { checkPromoPick } from '../../network/partnership-rules';
import { PROMO_MAX } from '../../network/vocab';
import { waShareLink } from '../../whatsapp';
import type { FieldErrors } from '../../validation';
import { OFFERS_JOINT_PROMOTION, pickableSellers, visibleSellers, type SellerView } from './directory';
import { ownProfile } from './profiles';
import type { Viewer } from './viewer';

/**
 * Promo Bersama: up to PROMO_MAX sellers the learner can see who offer joint
 * promotion (the learner's own business may be one of them), one WhatsApp message for a group,
 * and a joint_promotions row as evidence of participation in collaboration.
 */
export async function promoChoices(viewer: Pick<Viewer, 'id' | 'role'>): Promise<{ mine: SellerView | undefined; others: SellerView[] }> {
  const [mine, others] = await Promise.all([ownProfile(viewer.id), pickableSellers(viewer, OFFERS_JOINT_PROMOTION)]);
  return { mine, others };
}

export type PromoResult = { ok: true; id: string } | { ok: false; status: 400 | 403; errors: FieldErrors };

export async function makePromo(viewer: Pick<Viewer, 'id' | 'role'>, picked: string[], now = Date.now()): Promise<PromoResult> {
  if (viewer.role !== 'learner') return { ok: false, status: 403, errors: { _form: 'netLearnersOnly' } };
  const tooMany = new Set(picked).size > PROMO_MAX;
  const [mine, others] = tooMany ? [undefined, []] : await Promise.all([ownProfile(viewer.id), visibleSellers(viewer, picked, OFFERS_JOINT_PROMOTION)]);
  const eligible = new Set(others.map((s) => s.userId));
  if (mine) eligible.add(viewer.id);
  const check = checkPromoPick(picked, eligible, PROMO_MAX);
  if (!check.ok) return { ok: false, status: 400, errors: { seller: check.error } };
  const id = crypto.randomUUID();
  await db().insert(jointPromotions).values({ id, userId: viewer.id, sellerIds: check.ids, createdAt: now });
  return { ok: true, id };
}

/**
 * A promotion the learner made, rebuilt from the profiles as they are now: a seller who has
 * since hidden their profile or withdrawn from joint promotion is left out of the message.
 */
export async function promoResult(viewer: Pick<Viewer, 'id' | 'role'>, promoId: string) {
  if (!promoId || promoId.length > 64) return undefined;
  const [row] = await db()
    .select()
    .from(jointPromotions)
    .where(and(eq(jointPromotions.id, promoId), eq(jointPromotions.userId, viewer.id)))
    .limit(1);
  if (!row) return undefined;
  const ids = row.sellerIds ?? [];
  const [mine, others] = await Promise.all([
    ids.includes(viewer.id) ? ownProfile(viewer.id) : undefined,
    visibleSellers(
      viewer,
      ids.filter((i) => i !== viewer.id),
      OFFERS_JOINT_PROMOTION,
    ),
  ]);
  const byId = new Map<string, SellerView>(others.map((s) => [s.userId, s]));
  if (mine) byId.set(viewer.id, mine);
  const sellers = ids.map((i) => byId.get(i)).filter((s): s is SellerView => s !== undefined);
  const id = t('id');
  const text = promoMessage(
    sellers.map((s) => ({
      businessName: s.businessName,
      productLine: id[`netCat_${s.category}`],
      detail: s.description,
      catalogLink: safeHref(s.catalogLink),
    })),
  );
  return { text, link: waShareLink(text), sellers, dropped: ids.length - sellers.length, createdAt: row.createdAt };
}
