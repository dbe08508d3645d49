import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { COLLAB_OFFERS, SELLER_CATEGORIES, VISIBILITIES as PROFILE_VISIBILITY } from '../../src/lib/network/vocab';

export { COLLAB_OFFERS, PROFILE_VISIBILITY, SELLER_CATEGORIES };

/** A seller's opt-in profile for the directory. Hidden by default; the phone shows only if ticked. */
export const sellerProfiles = sqliteTable(
  'seller_profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    businessName: text('business_name').notNull(),
    category: text('category', { enum: SELLER_CATEGORIES }).notNull(),
    kecamatan: text('kecamatan').notNull(),
    description: text('description').notNull().default(''),
    catalogLink: text('catalog_link'),
    offers: text('offers', { mode: 'json' }).notNull().$type<string[]>(),
    seeks: text('seeks', { mode: 'json' }).notNull().$type<string[]>(),
    visibility: text('visibility', { enum: PROFILE_VISIBILITY }).notNull().default('hidden'),
    showPhone: integer('show_phone', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('seller_profiles_visibility_idx').on(t.visibility, t.category, t.kecamatan)],
);

/** A "Promo Bersama" message a learner made for up to 5 sellers (participation in collaboration). */
export const jointPromotions = sqliteTable(
  'joint_promotions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sellerIds: text('seller_ids', { mode: 'json' }).notNull().$type<string[]>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('joint_promotions_user_idx').on(t.userId)],
);
