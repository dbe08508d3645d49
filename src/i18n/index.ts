import { en } from './en';
import { id, type Dictionary } from './id';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'melek_lang';

const dictionaries: Record<Locale, Dictionary> = { id, en };

export function t(locale: Locale): Dictionary {
  return dictionaries[locale] ?? id;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** The message for a key from a validation result (falls back to the generic form error). */
export function message(locale: Locale, key: string | undefined): string {
  if (!key) return '';
  return pick(t(locale), key) ?? t(locale).formInvalid;
}

/** `taskStatus_` for `taskStatus_approved`: the families of strings the dictionary keeps under one prefix. */
type PrefixOf<K> = K extends `${infer P}_${string}` ? `${P}_` : never;
export type KeyPrefix = PrefixOf<keyof Dictionary>;

function isKey(d: Dictionary, key: string): key is keyof Dictionary {
  return Object.hasOwn(d, key);
}

/**
 * The dictionary's string for a key known only at run time — a validation message key, or a
 * value of a family (`pick(d, 'taskStatus_', status)`); undefined when there is no such string.
 */
export function pick(d: Dictionary, key: string): string | undefined;
export function pick(d: Dictionary, prefix: KeyPrefix, key: string): string | undefined;
export function pick(d: Dictionary, prefixOrKey: string, key?: string): string | undefined {
  const full = key === undefined ? prefixOrKey : `${prefixOrKey}${key}`;
  if (!isKey(d, full)) return undefined;
  const value = d[full];
  return typeof value === 'string' ? value : undefined;
}
