/** Edit distance (Levenshtein) and "did you mean" for misspelled names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (case is ignored; at most a third of the letters differ, and at least 1–2 edits are allowed).
 */
export function closest(word: string, candidates: Iterable<string>, aliases: Record<string, string> = {}): string | undefined {
  const lower = word.toLowerCase();
  const list = [...candidates];
  const alias = aliases[lower];
  if (alias && list.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(lower.length <= 4 ? 1 : 2, Math.floor(lower.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}
