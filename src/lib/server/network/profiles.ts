import { eq } from 'drizzle-orm';
import { db } from '@db/client';
import { sellerProfiles, users } from '@db/schema';
import { parseForm, type FieldErrors } from '../../validation';
import { profileSchema } from '../../network/profile-form';
import { isKecamatan } from '../../network/vocab';
import { sellerRows, sellerView, type SellerView } from './directory';

export interface OwnProfile extends SellerView {
  showPhone: boolean;
  updatedAt: number;
}

/** The learner's own profile, as stored (with the phone shown on it only if they ticked it). */
export async function ownProfile(userId: string): Promise<OwnProfile | undefined> {
  const [row] = await sellerRows(eq(sellerProfiles.userId, userId)).limit(1);
  return row ? { ...sellerView(row), showPhone: row.profile.showPhone, updatedAt: row.profile.updatedAt } : undefined;
}

/** What a new profile form starts with: the business name and kecamatan given at registration. */
export async function profileDefaults(userId: string): Promise<{ businessName: string; kecamatan: string }> {
  const [u] = await db().select({ businessName: users.businessName, kecamatan: users.kecamatan }).from(users).where(eq(users.id, userId)).limit(1);
  return { businessName: u?.businessName ?? '', kecamatan: u?.kecamatan && isKecamatan(u.kecamatan) ? u.kecamatan : '' };
}

export type ProfileResult = { ok: true } | { ok: false; status: 400; errors: FieldErrors };

/** Creates or replaces the learner's profile. Bad input changes nothing. */
export async function saveProfile(userId: string, input: unknown, now = Date.now()): Promise<ProfileResult> {
  const parsed = parseForm(profileSchema, input);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const values = { ...parsed.data, updatedAt: now };
  await db()
    .insert(sellerProfiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: sellerProfiles.userId, set: values });
  return { ok: true };
}

/** "Hide it at any time": one tap, nothing else changes. */
export async function hideProfile(userId: string, now = Date.now()): Promise<void> {
  await db().update(sellerProfiles).set({ visibility: 'hidden', updatedAt: now }).where(eq(sellerProfiles.userId, userId));
}

export async function deleteProfile(userId: string): Promise<void> {
  await db().delete(sellerProfiles).where(eq(sellerProfiles.userId, userId));
}
