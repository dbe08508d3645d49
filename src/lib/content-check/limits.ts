/**
 * The content check's limits and its guidance marker: numbers and a word the rules test against,
 * apart from the sentences (src/i18n/id.content-check.ts) that quote them.
 */
export const GUIDANCE_MARKER = 'TULIS:';
export const MAX_IMAGE_BYTES = 30 * 1024;
export const MAX_PAGE_KB = 14;
/** The fewest quiz items one lesson may have (authoring). Not the indicator's MIN_QUIZ_ITEMS_PER_PILLAR (scoring). */
export const MIN_QUIZ_ITEMS_PER_LESSON = 3;
