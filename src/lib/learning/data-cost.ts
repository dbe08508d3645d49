/**
 * "± N KB" shown before a learner opens a lesson: the page's gzip size, estimated from the MDX
 * body length. Measured by `npm run bench:weight`: markup and text compress to about 0.4 byte
 * per source character, and the page shell (header, inlined CSS, quiz form chrome) adds ~4 KB.
 */
export const SHELL_GZIP_BYTES = 4200;
export const GZIP_BYTES_PER_CHAR = 0.4;

export function estimatedLessonKb(bodyLength: number, quizItems = 0): number {
  return Math.max(1, Math.ceil((SHELL_GZIP_BYTES + bodyLength * GZIP_BYTES_PER_CHAR + quizItems * 250) / 1024));
}
