import { eq, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { users } from '@db/schema';

export async function phoneTaken(e164: string): Promise<boolean> {
  const rows = await db().select({ id: users.id }).from(users).where(eq(users.phone, e164)).limit(1);
  return rows.length > 0;
}

export async function findUser(id: string) {
  const [row] = await db().select().from(users).where(eq(users.id, id)).limit(1);
  return row && row.deletedAt === null ? row : undefined;
}

/** A learner's account as their mentor and the trainer see it (never the password hash, only whether there is one). */
export const LEARNER_ACCOUNT_COLUMNS = {
  id: users.id,
  name: users.name,
  phone: users.phone,
  businessName: users.businessName,
  businessType: users.businessType,
  kecamatan: users.kecamatan,
  hasPassword: sql<number>`${users.passwordHash} is not null`,
};
