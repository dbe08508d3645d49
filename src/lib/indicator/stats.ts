/** Descriptive statistics for cohort reports. Sample standard deviation (n − 1). */
export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
}

export function summarize(values: number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, median: null, sd: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  return { n, mean, median, sd };
}

/** Share (0..1) of values at or above a threshold; null for an empty list. */
export function shareAtLeast(values: number[], threshold: number): number | null {
  return values.length ? values.filter((v) => v >= threshold).length / values.length : null;
}
