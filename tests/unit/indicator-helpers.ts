/** Small hand-made courses and records for the indicator's unit tests (not a test file itself). */
import type { LearnerRecords } from '../../src/lib/indicator/score';
import type { CourseModule, LessonMeta, Pillar, QuizItem } from '../../src/lib/learning/types';

/** `n` quiz items of one pillar; option 0 is the right one. */
export const items = (prefix: string, pillar: Pillar, n: number): QuizItem[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    question: `Soal ${prefix} ${i + 1}?`,
    options: [
      { id: 'benar', text: 'Benar', correct: true },
      { id: 'salah', text: 'Salah' },
    ],
    explanation: 'Penjelasan.',
    pillar,
  }));

export function lesson(id: string, pillars: Pillar[], quiz: QuizItem[] = [], task?: { id: string; pillar: Pillar; title?: string }, module = 'm'): LessonMeta {
  return {
    id: `${module}/${id}`,
    module,
    slug: id,
    order: Number(id.replace(/\D/g, '')) || 1,
    title: `Pelajaran ${id}`,
    summary: 'Ringkasan.',
    minutes: 5,
    pillars,
    objectives: ['Tujuan.'],
    quiz,
    task: task && {
      id: task.id,
      title: task.title ?? `Tugas ${task.id}`,
      instructions: 'Kerjakan tugas ini.',
      mentorChecks: ['Ada buktinya.'],
      pillar: task.pillar,
    },
    draft: false,
  };
}

export function module(id: string, lessons: LessonMeta[], prePost: CourseModule['prePost'] = []): CourseModule {
  return { id, title: `Modul ${id}`, titleEn: `Module ${id}`, summary: 'Ringkasan modul.', order: 1, pillars: ['cakap'], minutes: 30, prePost, lessons };
}

/** A lesson-quiz attempt with per-pillar points. */
export const attempt = (lessonId: string, pillarScores: Partial<Record<Pillar, [number, number]>>, at = 0): LearnerRecords['attempts'][number] => {
  const parts = Object.entries(pillarScores) as Array<[Pillar, [number, number]]>;
  return {
    lessonId,
    score: parts.reduce((s, [, [score]]) => s + score, 0),
    maxScore: parts.reduce((s, [, [, max]]) => s + max, 0),
    at,
    pillarScores: Object.fromEntries(parts.map(([p, [score, max]]) => [p, { score, max }])),
  };
};

export const records = (r: Partial<{ attempts: LearnerRecords['attempts']; approvedTasks: string[]; completedLessons: string[] }>): LearnerRecords => ({
  attempts: r.attempts ?? [],
  approvedTasks: new Set(r.approvedTasks ?? []),
  completedLessons: new Set(r.completedLessons ?? []),
});
