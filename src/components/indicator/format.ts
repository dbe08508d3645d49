import type { Dictionary } from '../../i18n/id';
import type { Level } from '../../lib/indicator/score';
import type { Pillar } from '../../lib/learning/types';

/** Scores with two decimals in the reader's convention: 3,40 (id) or 3.40 (en). */
export const fmtScore = (n: number, locale: 'id' | 'en') =>
  new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

export const levelName = (d: Dictionary, level: Level) => d[`cpLevel_${level}` as const];
export const pillarName = (d: Dictionary, pillar: Pillar) => d[`cpPillar_${pillar}` as const];
