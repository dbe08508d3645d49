/**
 * Normalized gain (Hake 1998): g = (post − pre) ÷ (max − pre), how much of the room to grow
 * was actually gained. Undefined when the pre-test was already full marks.
 */
export type GainBand = 'rendah' | 'sedang' | 'tinggi';

export function normalizedGain(pre: number, post: number, max: number): number | null {
  if (max <= 0 || pre >= max) return null;
  return (post - pre) / (max - pre);
}

/** Hake's bands: below 0.3 low, 0.3 to 0.7 medium, above 0.7 high. */
export function gainBand(g: number): GainBand {
  if (g < 0.3) return 'rendah';
  if (g <= 0.7) return 'sedang';
  return 'tinggi';
}
