/**
 * The life of a lesson written in the browser (issue 19): a trainer writes a draft, asks for a
 * review ("siap ditinjau"), a trainer publishes it (each publish is a numbered version), and a
 * lesson with learners in it is archived, never deleted.
 */
export const AUTHORED_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type AuthoredStatus = (typeof AUTHORED_STATUSES)[number];

/** Module ids of browser modules: lower-case words, like the folders of content/. */
export const MODULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Lesson slugs "NN-slug", like the file names in content/<module>/. */
export const LESSON_SLUG = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
