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
  const value = (t(locale) as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : t(locale).formInvalid;
}
