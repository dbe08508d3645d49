/**
 * The answers of a posted quiz or test form: every `q:<itemId>` field (the chosen option's id),
 * repeated keys kept (a duplicate is refused, not merged), and the `v:<itemId>` fields (the
 * version of each item the page showed).
 */
export function answerPairs(form: FormData): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith('q:') && typeof value === 'string') pairs.push([key.slice(2), value]);
  }
  return pairs;
}

export function shownVersionsOf(form: FormData): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('v:') && typeof value === 'string') versions[key.slice(2)] = value.slice(0, 64);
  }
  return versions;
}
