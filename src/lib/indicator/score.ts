import { PILLARS, type CourseModule, type Pillar } from '../learning/types';

/**
 * Indikator Capaian Literasi Digital (docs/indicator.md), per learner and pillar, from
 * raw records:
 *   Q = share of the pillar's quiz items answered right on the learner's FIRST answer (the first
 *       attempt of each lesson quiz; retries are for learning and never count)
 *   P = tasks in the pillar a mentor has ever approved ÷ tasks in the pillar (an approval stays)
 *   C = completed lessons ÷ lessons in the pillar
 *   score = 1 + 4 × (0.45·Q + 0.40·P + 0.15·C), at most 3.40 without an approved task.
 * Computed from exact fractions of whole numbers and rounded ONCE, half up, to hundredths for
 * display (a float would show an exact 2.095 as 2.09). The overall score is the mean of the exact
 * pillar scores, rounded the same way once. A pillar whose curriculum has fewer than 5 quiz items
 * or no task has no score ("belum cukup data").
 */
/** The weights Q 0.45, P 0.40, C 0.15 in whole hundredths of the 1..5 scale: 4 × 0.45 = 1.80 → 180, and so on. */
const W100 = { Q: 180, P: 160, C: 60 } as const;
export const CAP_WITHOUT_TASK = 3.4;
const CAP_HUNDREDTHS = 340;
/** A pillar with fewer quiz items in the course has "belum cukup data" (docs/indicator.md). Not the authoring minimum per lesson (content-check). */
export const MIN_QUIZ_ITEMS_PER_PILLAR = 5;

export interface LearnerRecords {
  /** Every lesson-quiz attempt (kind "lesson") with its per-pillar points; the first per lesson counts. */
  attempts: Array<{
    lessonId: string;
    score: number;
    maxScore: number;
    at: number;
    pillarScores: Partial<Record<Pillar, { score: number; max: number }>> | null;
  }>;
  /** Task ids a mentor has approved (any submission, ever). */
  approvedTasks: Set<string>;
  completedLessons: Set<string>;
}

/** An exact non-negative fraction n/d (d > 0) of whole numbers. */
export interface Fraction {
  n: number;
  d: number;
}

export type PillarScore =
  | { pillar: Pillar; enoughData: false; reason: 'fewQuizItems' | 'noTask' }
  | {
      pillar: Pillar;
      enoughData: true;
      Q: number;
      P: number;
      C: number;
      raw: number;
      /** Shown with two decimals: exact, rounded once half up. */
      score: number;
      /** The exact score in hundredths (before rounding), e.g. 2.095 → {n: 2095, d: 10}. */
      exact: Fraction;
      capped: boolean;
      level: Level;
      /** No approved task yet, and one approved task would lift the pillar to a higher level. */
      heldByTask: boolean;
      /** The parts as exact counts (for recomputing and explaining). */
      counts: { qRight: number; qItems: number; approved: number; tasks: number; done: number; lessons: number };
    };

export const LEVELS = ['Pemula', 'Dasar', 'Berkembang', 'Cakap', 'Mahir'] as const;
export type Level = (typeof LEVELS)[number];

/** Level from a score in whole hundredths: 180 is Pemula, 181 is Dasar. */
export function levelOfHundredths(h: number): Level {
  if (h <= 180) return 'Pemula';
  if (h <= 260) return 'Dasar';
  if (h <= 340) return 'Berkembang';
  if (h <= 420) return 'Cakap';
  return 'Mahir';
}

/** Levels by the score as shown (two decimals): 1.80 is Pemula, 1.81 is Dasar. */
export function levelOf(score: number): Level {
  return levelOfHundredths(Math.round(score * 100));
}

/** n/d rounded half up to a whole number, exactly (n ≥ 0, d > 0). */
export function roundHalfUp(f: Fraction): number {
  return Math.floor((2 * f.n + f.d) / (2 * f.d));
}

/** What the curriculum offers per pillar: quizzes (lessons with items there), items, tasks, lessons. */
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

/** The first attempt of each lesson quiz (the earliest `at`; the first in the list on a tie). */
export function firstAttemptByLesson<T extends { lessonId: string; at: number }>(attempts: T[]): Map<string, T> {
  const first = new Map<string, T>();
  for (const a of attempts) {
    const seen = first.get(a.lessonId);
    if (!seen || a.at < seen.at) first.set(a.lessonId, a);
  }
  return first;
}

/** Exact pillar score in hundredths from whole counts: 100 + 180·Q + 160·P + 60·C. */
type Counts = { qRight: number; qItems: number; approved: number; tasks: number; done: number; lessons: number };
function exactHundredths(c: Counts): Fraction {
  const d = c.qItems * c.tasks * Math.max(1, c.lessons);
  const n =
    100 * d +
    W100.Q * c.qRight * c.tasks * Math.max(1, c.lessons) +
    W100.P * c.approved * c.qItems * Math.max(1, c.lessons) +
    (c.lessons ? W100.C * c.done * c.qItems * c.tasks : 0);
  return { n, d };
}

/** What a learner has done in one pillar, as whole counts: first-answer points, approved tasks, completed lessons. */
export interface PillarCounts {
  qRight: number;
  approved: number;
  done: number;
}

/** The learner's counts for one pillar from raw records (what the report's maintained aggregate stores). */
export function pillarCounts(
  content: ReturnType<typeof pillarContent>[Pillar],
  pillar: Pillar,
  records: LearnerRecords,
  first = firstAttemptByLesson(records.attempts),
): PillarCounts {
  const lessonsWithItems = new Set(content.quizLessons);
  let qRight = 0;
  for (const [lessonId, attempt] of first) {
    if (lessonsWithItems.has(lessonId)) qRight += attempt.pillarScores?.[pillar]?.score ?? 0;
  }
  return {
    qRight,
    approved: content.tasks.filter((t) => records.approvedTasks.has(t)).length,
    done: content.lessons.filter((l) => records.completedLessons.has(l)).length,
  };
}

export function scorePillar(pillar: Pillar, content: ReturnType<typeof pillarContent>[Pillar], records: LearnerRecords): PillarScore {
  return scoreFromCounts(pillar, content, pillarCounts(content, pillar, records));
}

/** The pillar score from the learner's whole counts (scorePillar without the records). */
export function scoreFromCounts(pillar: Pillar, content: ReturnType<typeof pillarContent>[Pillar], learner: PillarCounts): PillarScore {
  if (content.quizItems < MIN_QUIZ_ITEMS_PER_PILLAR) return { pillar, enoughData: false, reason: 'fewQuizItems' };
  if (content.tasks.length === 0) return { pillar, enoughData: false, reason: 'noTask' };
  const counts = {
    qRight: Math.min(learner.qRight, content.quizItems),
    qItems: content.quizItems,
    approved: learner.approved,
    tasks: content.tasks.length,
    done: learner.done,
    lessons: content.lessons.length,
  };
  const exact = exactHundredths(counts);
  const capped = counts.approved === 0 && exact.n > CAP_HUNDREDTHS * exact.d;
  const shown = capped ? CAP_HUNDREDTHS : roundHalfUp(exact);
  const level = levelOfHundredths(shown);
  const withOneMore = counts.approved < counts.tasks ? roundHalfUp(exactHundredths({ ...counts, approved: counts.approved + 1 })) : shown;
  const heldByTask = counts.approved === 0 && LEVELS.indexOf(levelOfHundredths(Math.min(withOneMore, 500))) > LEVELS.indexOf(level);
  return {
    pillar,
    enoughData: true,
    Q: counts.qRight / counts.qItems,
    P: counts.approved / counts.tasks,
    C: counts.lessons ? counts.done / counts.lessons : 0,
    raw: exact.n / exact.d / 100,
    score: shown / 100,
    exact: capped ? { n: CAP_HUNDREDTHS, d: 1 } : exact,
    capped,
    level,
    heldByTask,
    counts,
  };
}

export interface LearnerIndicator {
  pillars: PillarScore[];
  /** Mean of the exact scores of the pillars that have data, rounded once; null when none has. */
  overall: number | null;
  level: Level | null;
}

/** The overall score: the mean of the EXACT pillar scores (not of the rounded ones), rounded once half up. */
export function overallOf(pillars: PillarScore[]): { overall: number | null; level: Level | null } {
  const scored = pillars.filter((p): p is Extract<PillarScore, { enoughData: true }> => p.enoughData);
  if (scored.length === 0) return { overall: null, level: null };
  // Σ n_i/d_i ÷ k as one fraction (denominators are small: products stay far below 2^53).
  let sum: Fraction = { n: 0, d: 1 };
  for (const p of scored) sum = reduce({ n: sum.n * p.exact.d + p.exact.n * sum.d, d: sum.d * p.exact.d });
  const h = roundHalfUp({ n: sum.n, d: sum.d * scored.length });
  return { overall: h / 100, level: levelOfHundredths(h) };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
const reduce = (f: Fraction): Fraction => {
  const g = gcd(f.n, f.d) || 1;
  return { n: f.n / g, d: f.d / g };
};

export function scoreLearner(course: CourseModule[], records: LearnerRecords): LearnerIndicator {
  const content = pillarContent(course);
  const pillars = PILLARS.map((p) => scorePillar(p, content[p], records));
  return { pillars, ...overallOf(pillars) };
}

/** The same records as they stood at time `at` — for the history of a learner's score. */
export function recordsAt(
  records: {
    attempts: LearnerRecords['attempts'];
    approvals: Array<{ taskId: string; at: number }>;
    completions: Array<{ lessonId: string; at: number }>;
  },
  at: number,
): LearnerRecords {
  return {
    attempts: records.attempts.filter((a) => a.at <= at),
    approvedTasks: new Set(records.approvals.filter((x) => x.at <= at).map((x) => x.taskId)),
    completedLessons: new Set(records.completions.filter((x) => x.at <= at).map((x) => x.lessonId)),
  };
}
