import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema, moduleSchema } from './lib/learning/schema';

/**
 * Lessons and modules live in the top-level content/ folder:
 *   content/<module>/index.md        the module
 *   content/<module>/NN-<slug>.mdx   its lessons, NN = order
 * The schemas are in src/lib/learning/schema.ts, shared with `npm run content:check`.
 */
const modules = defineCollection({
  loader: glob({ base: './content', pattern: '*/index.md', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: moduleSchema,
});

const lessons = defineCollection({
  loader: glob({ base: './content', pattern: '*/[0-9][0-9]-*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: lessonSchema,
});

export const collections = { modules, lessons };
