import { z } from 'astro/zod';
import { PILLARS } from './types';

/**
 * Frontmatter rules for modules and lessons. content.config.ts gives them to Astro (a bad file
 * fails the build naming the file and field) and `npm run content:check` uses the very same
 * schemas to explain problems to trainers in plain Indonesian.
 */
/** A lesson takes at most this many minutes, reading and quiz together: the frontmatter's `minutes` and the content check's estimate both answer to it. */
export const MAX_LESSON_MINUTES = 10;

export const pillarSchema = z.enum(PILLARS, { errorMap: () => ({ message: `pilar harus salah satu dari: ${PILLARS.join(', ')}` }) });

/** Option ids: lower-case words; at least one letter, so an id can never be mistaken for a position. */
export const OPTION_ID = /^(?=[a-z0-9-]*[a-z])[a-z0-9-]{1,40}$/;

const quizShape = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id hanya huruf kecil, angka dan tanda minus'),
  question: z.string().min(5),
  options: z
    .array(
      z
        .object({
          id: z.string().regex(OPTION_ID, 'id pilihan hanya huruf kecil, angka dan tanda minus, dengan paling sedikit satu huruf'),
          text: z.union([z.string().min(1), z.number()]).transform(String),
          correct: z.boolean().optional(),
        })
        .strict(),
    )
    .min(2)
    .max(6)
    .refine((options) => new Set(options.map((o) => o.id)).size === options.length, 'dua pilihan dalam satu soal memakai id yang sama'),
  explanation: z.string().min(5),
  pillar: pillarSchema,
});
const oneCorrect = {
  check: (item: { options: Array<{ correct?: boolean }> }) => item.options.filter((o) => o.correct).length === 1,
  message: { message: 'setiap soal harus punya tepat satu pilihan dengan correct: true', path: ['options'] },
};
export const quizItemSchema = quizShape.strict().refine(oneCorrect.check, oneCorrect.message);
/** Pre/post items (forms A and B) take their pillar from the pair they belong to. */
const prePostItemSchema = quizShape.extend({ pillar: pillarSchema.optional() }).strict().refine(oneCorrect.check, oneCorrect.message);

export const moduleSchema = z
  .object({
    title: z.string().min(3),
    titleEn: z.string().min(3),
    summary: z.string().min(10),
    order: z.number().int().positive(),
    pillars: z.array(pillarSchema).min(1),
    minutes: z.number().int().positive(),
    /** Parallel growth-test forms: each pair holds form A's item (`a`) and form B's (`b`) for the same objective. */
    prePost: z.array(z.object({ pillar: pillarSchema, a: prePostItemSchema, b: prePostItemSchema }).strict()).default([]),
  })
  .strict();

/**
 * The mentor kit of a task: what a good submission looks like, shown beside
 * the review form with the rubric levels, and the materials the task needs (e.g. five sample
 * customer messages), shown to the mentor and to the learner on the task. Optional in the schema;
 * content:check warns when a task has none.
 */
export const taskKitSchema = z
  .object({
    goodExample: z.string().min(20),
    /** A heading for the materials, e.g. "Lima pesan pelanggan untuk latihan". */
    materialsTitle: z.string().min(3).optional(),
    materials: z.array(z.string().min(3)).max(10).default([]),
  })
  .strict()
  .refine((kit) => kit.materials.length === 0 || kit.materialsTitle !== undefined, {
    message: 'bahan (materials) perlu judul: tulis materialsTitle',
    path: ['materialsTitle'],
  });

export const taskSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(3),
    instructions: z.string().min(10),
    mentorChecks: z.array(z.string().min(3)).min(1),
    pillar: pillarSchema,
    kit: taskKitSchema.optional(),
  })
  .strict();

export const lessonSchema = z
  .object({
    module: z.string().min(1),
    order: z.number().int().positive(),
    title: z.string().min(3),
    summary: z.string().min(5).max(200),
    minutes: z.number().int().min(1).max(MAX_LESSON_MINUTES, `satu pelajaran paling lama ${MAX_LESSON_MINUTES} menit`),
    pillars: z.array(pillarSchema).min(1),
    objectives: z.array(z.string().min(3)).min(1),
    quiz: z.array(quizItemSchema).default([]),
    task: taskSchema.optional(),
    draft: z.boolean().default(false),
    /** The day the lesson's facts were last checked (content:check warns a year later). YAML may read it as a date. */
    checkedOn: z
      .union([
        z.date().transform((d) => d.toISOString().slice(0, 10)),
        z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal ditulis tahun-bulan-tanggal, misalnya 2026-11-27'),
      ])
      .optional(),
  })
  .strict();
