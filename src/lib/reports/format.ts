/** Numbers in the report the way each language writes them: 2,45 and 38 % in Indonesian; 2.45 and 38% in English. */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: 'id' | 'en', options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', options);
    cache.set(key, f);
  }
  return f;
}

/** A decimal with fixed digits, or the dash for "no value". */
export function decimal(value: number | null | undefined, locale: 'id' | 'en', digits = 2, none = '–'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share 0..1 as a whole percentage. */
export function percentOf(share: number | null | undefined, locale: 'id' | 'en', none = '–'): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return none;
  return formatter(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A signed change, e.g. +0,42. */
export function signed(value: number | null | undefined, locale: 'id' | 'en', digits = 2, none = '–'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}
