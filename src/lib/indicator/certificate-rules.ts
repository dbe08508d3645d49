import type { CourseModule } from '../learning/types';

/**
 * When a module earns a certificate: every lesson of the module
 * completed, the FIRST attempt of each lesson quiz at least 70 % (a retry after the answers were
 * shown measures recall, not skill, so it never counts), and every practical task of the module
 * approved by a mentor (an approval stays). A module without lessons earns nothing. Pure: the
 * caller hands in what the learner did.
 */
export const PASS_PERCENT = 70;

export interface CertificateRecords {
  completedLessons: Set<string>;
  /** The first lesson-quiz attempt per lesson id (first answers). */
  firstByLesson: Map<string, { score: number; maxScore: number }>;
  /** Tasks a mentor has approved. */
  approvedTasks: Set<string>;
}

export interface Eligibility {
  eligible: boolean;
  /** Lesson ids not completed yet. */
  lessonsMissing: string[];
  /** Lesson ids whose first quiz attempt is under 70 % (or not taken). */
  quizzesBelow: string[];
  /** Task ids not approved yet. */
  tasksMissing: string[];
}

/** score ÷ max ≥ 70 %, in whole numbers (no float rounding at the boundary: 7 of 10 passes). */
export function passes(score: number, maxScore: number): boolean {
  return maxScore > 0 && score * 100 >= maxScore * PASS_PERCENT;
}

export function moduleEligibility(module: CourseModule, records: CertificateRecords): Eligibility {
  const lessonsMissing = module.lessons.filter((l) => !records.completedLessons.has(l.id)).map((l) => l.id);
  const quizzesBelow = module.lessons
    .filter((l) => l.quiz.length > 0)
    .filter((l) => {
      const first = records.firstByLesson.get(l.id);
      return !first || !passes(first.score, first.maxScore);
    })
    .map((l) => l.id);
  const tasksMissing = module.lessons.flatMap((l) => (l.task && !records.approvedTasks.has(l.task.id) ? [l.task.id] : []));
  const eligible = module.lessons.length > 0 && lessonsMissing.length === 0 && quizzesBelow.length === 0 && tasksMissing.length === 0;
  return { eligible, lessonsMissing, quizzesBelow, tasksMissing };
}

/** Ids of the modules the records earn a certificate for, in course order. */
export function eligibleModules(course: CourseModule[], records: CertificateRecords): string[] {
  return course.filter((m) => moduleEligibility(m, records).eligible).map((m) => m.id);
}

/**
 * Verification codes: 12 characters from 31 that cannot be mixed up when read aloud or typed
 * from paper (no 0/O, 1/I/L). 31^12 ≈ 7.9·10^17 (59 bits): not guessable, short enough to type.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;

/** A uniformly random code (rejection sampling: bytes ≥ 248 would favour the first letters). */
export function randomCode(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const limit = Math.floor(256 / CODE_ALPHABET.length) * CODE_ALPHABET.length;
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of fill(new Uint8Array(CODE_LENGTH * 2))) {
      if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** A code as a person may type it ("abcd-efgh-jkmn ") → the stored form, or null when it cannot be one. */
export function normalizeCode(input: string | undefined | null): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Printed in groups of four: ABCD-EFGH-JKMN. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join('-');
