import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { PILLARS } from './lib/learning/types';

/**
 * Lessons and modules live in the top-level content/ folder:
 *   content/<module>/index.md        the module
 *   content/<module>/NN-<slug>.mdx   its lessons, NN = order
 * A frontmatter error fails the build naming the file and the field.
 */
const pillar = z.enum(PILLARS, { errorMap: () => ({ message: `pilar harus salah satu dari: ${PILLARS.join(', ')}` }) });

const quizShape = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id hanya huruf kecil, angka dan tanda minus'),
  question: z.string().min(5),
  options: z.array(z.object({ text: z.union([z.string().min(1), z.number()]).transform(String), correct: z.boolean().optional() }).strict()).min(2).max(6),
  explanation: z.string().min(5),
  pillar,
});
const oneCorrect = {
  check: (item: { options: Array<{ correct?: boolean }> }) => item.options.filter((o) => o.correct).length === 1,
  message: { message: 'setiap soal harus punya tepat satu pilihan dengan correct: true', path: ['options'] },
};
const quizItem = quizShape.strict().refine(oneCorrect.check, oneCorrect.message);
/** Pre/post items take their pillar from the pair they belong to. */
const prePostItem = quizShape.extend({ pillar: pillar.optional() }).strict().refine(oneCorrect.check, oneCorrect.message);

const modules = defineCollection({
  loader: glob({ base: './content', pattern: '*/index.md', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: z
    .object({
      title: z.string().min(3),
      titleEn: z.string().min(3),
      summary: z.string().min(10),
      order: z.number().int().positive(),
      pillars: z.array(pillar).min(1),
      minutes: z.number().int().positive(),
      prePost: z.array(z.object({ pillar, pre: prePostItem, post: prePostItem }).strict()).default([]),
    })
    .strict(),
});

const lessons = defineCollection({
  loader: glob({ base: './content', pattern: '*/[0-9][0-9]-*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z
    .object({
      module: z.string().min(1),
      order: z.number().int().positive(),
      title: z.string().min(3),
      summary: z.string().min(5).max(200),
      minutes: z.number().int().min(1).max(10, 'satu pelajaran paling lama 10 menit'),
      pillars: z.array(pillar).min(1),
      objectives: z.array(z.string().min(3)).min(1),
      quiz: z.array(quizItem).default([]),
      task: z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          title: z.string().min(3),
          instructions: z.string().min(10),
          mentorChecks: z.array(z.string().min(3)).min(1),
          pillar,
        })
        .strict()
        .optional(),
      draft: z.boolean().default(false),
    })
    .strict(),
});

export const collections = { modules, lessons };
