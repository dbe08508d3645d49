/** Plain shapes of the curriculum, independent of Astro, so domain rules are pure and testable. */
export const PILLARS = ['cakap', 'etika', 'budaya', 'aman'] as const;
export type Pillar = (typeof PILLARS)[number];

export interface QuizOption {
  /** Stable identity of the option (answers name it); unique within its item. */
  id: string;
  text: string;
  correct?: boolean;
}

export interface QuizItem {
  id: string;
  question: string;
  options: QuizOption[];
  explanation: string;
  pillar: Pillar;
}

/** The mentor kit of a task (see taskKitSchema): a good submission, and the materials the task needs. */
export interface TaskKit {
  goodExample: string;
  materialsTitle?: string;
  materials: string[];
}

export interface PracticalTask {
  id: string;
  title: string;
  instructions: string;
  mentorChecks: string[];
  pillar: Pillar;
  kit?: TaskKit;
}

export interface LessonMeta {
  /** Content id "module/NN-slug": also the URL /learn/<module>/<NN-slug>. */
  id: string;
  module: string;
  slug: string;
  order: number;
  title: string;
  summary: string;
  minutes: number;
  pillars: Pillar[];
  objectives: string[];
  quiz: QuizItem[];
  task?: PracticalTask;
  draft: boolean;
  /** The day the lesson's facts were last checked (YYYY-MM-DD). */
  checkedOn?: string;
  /** Characters of MDX body, for the data-cost estimate shown before opening. */
  bodyLength?: number;
  /** Ids of the H5P activities the lesson embeds (`<H5P id="…" />` in its body). */
  h5p?: string[];
  /**
   * Set for a lesson written in the browser (issue 19): the version shown, and the quiz items
   * its earlier versions had that learners answered and a later publish replaced (the item
   * analysis keeps showing them, labelled as the older version).
   */
  authored?: { version: number; retiredQuiz: QuizItem[] };
}

export interface ModuleMeta {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  order: number;
  pillars: Pillar[];
  minutes: number;
  /** The parallel pre/post forms: pair i holds form A's item `a` and form B's item `b`. */
  prePost: Array<{ pillar: Pillar; a: QuizItem; b: QuizItem }>;
}

export interface CourseModule extends ModuleMeta {
  lessons: LessonMeta[];
}
