import { db } from '@db/client';
import { contentGeneration } from '@db/schema';
import { eq, sql } from 'drizzle-orm';

/**
 * The content generation (issue 19): every server process reads this one row per course() call
 * (a primary-key lookup) and rebuilds its cached course when a number moved, so a publish made by
 * another process reaches this one on its next request.
 */
export interface Generation {
  generation: number;
  draftGeneration: number;
}

export async function readGeneration(): Promise<Generation> {
  const [row] = await db()
    .select({ generation: contentGeneration.generation, draftGeneration: contentGeneration.draftGeneration })
    .from(contentGeneration)
    .where(eq(contentGeneration.id, 1));
  return row ?? { generation: 0, draftGeneration: 0 };
}

/** The statement that bumps the numbers: goes into the same batch as the change. */
export function bumpGeneration(database: Pick<ReturnType<typeof db>, 'insert'>, { published }: { published: boolean }) {
  return database
    .insert(contentGeneration)
    .values({ id: 1, generation: published ? 1 : 0, draftGeneration: 1 })
    .onConflictDoUpdate({
      target: contentGeneration.id,
      set: {
        generation: published ? sql`${contentGeneration.generation} + 1` : contentGeneration.generation,
        draftGeneration: sql`${contentGeneration.draftGeneration} + 1`,
      },
    });
}
