import { PILLARS, type CourseModule, type Pillar } from '../learning/types';

/**
 * Indikator Capaian Literasi Digital (DESIGN.md), per learner and pillar, from raw records:
 *   Q = mean of the best score of each quiz in the pillar (a quiz not taken counts 0)
 *   P = mentor-approved tasks ÷ tasks in the pillar
 *   C = completed lessons ÷ lessons in the pillar
 *   score = 1 + 4 × (0.45·Q + 0.40·P + 0.15·C), at most 3.40 without an approved task.
 * A pillar whose curriculum has fewer than 5 quiz items or no task has no score ("belum cukup
 * data"): the evidence could not support one.
 */
export const WEIGHTS = { Q: 0.45, P: 0.4, C: 0.15 } as const;
export const CAP_WITHOUT_TASK = 3.4;
export const MIN_QUIZ_ITEMS = 5;

export interface LearnerRecords {
  /** Every lesson-quiz attempt (kind "lesson") with its per-pillar points. */
  attempts: Array<{ lessonId: string; score: number; maxScore: number; at: number; pillarScores: Partial<Record<Pillar, { score: number; max: number }>> | null }>;
  /** Task ids a mentor approved (newest submission approved). */
  approvedTasks: Set<string>;
  completedLessons: Set<string>;
}

export type PillarScore =
  | { pillar: Pillar; enoughData: false; reason: 'fewQuizItems' | 'noTask' }
  | { pillar: Pillar; enoughData: true; Q: number; P: number; C: number; raw: number; score: number; capped: boolean; level: Level };

export const LEVELS = ['Pemula', 'Dasar', 'Berkembang', 'Cakap', 'Mahir'] as const;
export type Level = (typeof LEVELS)[number];

/** Levels by the score as shown (two decimals): 1.80 is Pemula, 1.81 is Dasar. */
export function levelOf(score: number): Level {
  const shown = round2(score);
  if (shown <= 1.8) return 'Pemula';
  if (shown <= 2.6) return 'Dasar';
  if (shown <= 3.4) return 'Berkembang';
  if (shown <= 4.2) return 'Cakap';
  return 'Mahir';
}

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** What the curriculum offers per pillar: quizzes (lesson → its item count there), tasks, lessons. */
export function pillarContent(course: CourseModule[]) {
  const content = Object.fromEntries(
    PILLARS.map((p) => [p, { quizLessons: [] as string[], quizItems: 0, tasks: [] as string[], lessons: [] as string[] }]),
  ) as Record<Pillar, { quizLessons: string[]; quizItems: number; tasks: string[]; lessons: string[] }>;
  for (const lesson of course.flatMap((m) => m.lessons)) {
    for (const p of lesson.pillars) content[p].lessons.push(lesson.id);
    const itemPillars = new Set(lesson.quiz.map((q) => q.pillar));
    for (const p of itemPillars) content[p].quizLessons.push(lesson.id);
    for (const q of lesson.quiz) content[q.pillar].quizItems += 1;
    if (lesson.task) content[lesson.task.pillar].tasks.push(lesson.task.id);
  }
  return content;
}

export function scorePillar(pillar: Pillar, content: ReturnType<typeof pillarContent>[Pillar], records: LearnerRecords): PillarScore {
  if (content.quizItems < MIN_QUIZ_ITEMS) return { pillar, enoughData: false, reason: 'fewQuizItems' };
  if (content.tasks.length === 0) return { pillar, enoughData: false, reason: 'noTask' };
  const quizShares = content.quizLessons.map((lessonId) => {
    let best = 0;
    for (const a of records.attempts) {
      const part = a.lessonId === lessonId ? a.pillarScores?.[pillar] : undefined;
      if (part && part.max > 0) best = Math.max(best, part.score / part.max);
    }
    return best;
  });
  const Q = quizShares.reduce((s, v) => s + v, 0) / quizShares.length;
  const approved = content.tasks.filter((t) => records.approvedTasks.has(t)).length;
  const P = approved / content.tasks.length;
  const C = content.lessons.length ? content.lessons.filter((l) => records.completedLessons.has(l)).length / content.lessons.length : 0;
  const raw = 1 + 4 * (WEIGHTS.Q * Q + WEIGHTS.P * P + WEIGHTS.C * C);
  const capped = approved === 0 && raw > CAP_WITHOUT_TASK;
  const score = round2(capped ? CAP_WITHOUT_TASK : raw);
  return { pillar, enoughData: true, Q, P, C, raw, score, capped, level: levelOf(score) };
}

export interface LearnerIndicator {
  pillars: PillarScore[];
  /** Mean of the pillars that have data; null when none has. */
  overall: number | null;
  level: Level | null;
}

export function scoreLearner(course: CourseModule[], records: LearnerRecords): LearnerIndicator {
  const content = pillarContent(course);
  const pillars = PILLARS.map((p) => scorePillar(p, content[p], records));
  const scored = pillars.filter((p): p is Extract<PillarScore, { enoughData: true }> => p.enoughData);
  const overall = scored.length ? round2(scored.reduce((s, p) => s + p.score, 0) / scored.length) : null;
  return { pillars, overall, level: overall === null ? null : levelOf(overall) };
}

/** The same records as they stood at time `at` — for the history of a learner's score. */
export function recordsAt(records: {
  attempts: LearnerRecords['attempts'];
  approvals: Array<{ taskId: string; at: number }>;
  completions: Array<{ lessonId: string; at: number }>;
}, at: number): LearnerRecords {
  return {
    attempts: records.attempts.filter((a) => a.at <= at),
    approvedTasks: new Set(records.approvals.filter((x) => x.at <= at).map((x) => x.taskId)),
    completedLessons: new Set(records.completions.filter((x) => x.at <= at).map((x) => x.lessonId)),
  };
}
