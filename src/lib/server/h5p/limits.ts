/** The caps of an H5P import, read from the environment (also used by src/lib/body-limits.ts). */
export interface H5pLimits {
  /** Entries in the zip (files, folders, skipped ones). H5P_MAX_ENTRIES, default 5000. */
  maxEntries: number;
  /** Bytes once extracted, all files together. H5P_MAX_BYTES, default 100 MB. */
  maxBytes: number;
  /** Inflated ÷ compressed size of one entry. H5P_MAX_RATIO, default 100. */
  maxRatio: number;
  /** Size of the .h5p file itself. H5P_MAX_UPLOAD, default 50 MB. */
  maxUpload: number;
}

const MB = 1024 * 1024;
export const DEFAULT_LIMITS: H5pLimits = { maxEntries: 5000, maxBytes: 100 * MB, maxRatio: 100, maxUpload: 50 * MB };

/**
 * An entry smaller than this is never refused for its ratio alone: a few KB of repetitive JSON
 * or a blank SVG may compress 200:1 and harm nobody. Bigger entries must stay under maxRatio.
 */
export const RATIO_FLOOR_BYTES = 1 * MB;

/** "5000", "100MB", "50 mb", "512KB": a positive whole number of bytes (or items). */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const match = value.trim().match(/^(\d+)\s*(k|kb|m|mb|g|gb)?$/i);
  if (!match) return fallback;
  const unit = (match[2] ?? '').toLowerCase()[0];
  const n = Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? MB : unit === 'g' ? 1024 * MB : 1);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The caps from the environment (read on every import, so a test or an operator can change them). */
export function h5pLimits(env: Record<string, string | undefined> = process.env): H5pLimits {
  return {
    maxEntries: parseLimit(env.H5P_MAX_ENTRIES, DEFAULT_LIMITS.maxEntries),
    maxBytes: parseLimit(env.H5P_MAX_BYTES, DEFAULT_LIMITS.maxBytes),
    maxRatio: parseLimit(env.H5P_MAX_RATIO, DEFAULT_LIMITS.maxRatio),
    maxUpload: parseLimit(env.H5P_MAX_UPLOAD, DEFAULT_LIMITS.maxUpload),
  };
}
