/**
 * Which quiz items have no answer. The server refuses a quiz with any unanswered item
 * (grading.ts, `quizMissing`); the phone checks the same before it keeps a quiz in its queue
 * (src/scripts/lesson.ts, src/sw/sw.ts), so a queued quiz is not refused only after it is sent.
 * Answers are whatever the form posts per item (an option's position today).
 */
export function unansweredItems(itemIds: readonly string[], answers: Readonly<Record<string, unknown>>): string[] {
  return itemIds.filter((id) => {
    const value = answers[id];
    return value === undefined || value === null || value === '';
  });
}
