/**
 * Indonesian mobile numbers as sellers type them — `0812…`, `62812…`, `+62 812-…` — to E.164.
 * Only Indonesian mobiles (+62 8…) are accepted: Melek talks to learners over WhatsApp.
 */
export type PhoneResult = { ok: true; e164: string } | { ok: false; error: 'phoneEmpty' | 'phoneInvalid' | 'phoneForeign' };

export function normalizePhone(input: string): PhoneResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'phoneEmpty' };
  if (raw.length > 30 || !/^\+?[\d\s\-.()]+$/.test(raw)) return { ok: false, error: 'phoneInvalid' };
  const plus = raw.startsWith('+');
  let digits = raw.replace(/\D/g, '');
  if (plus || digits.startsWith('62')) {
    if (!digits.startsWith('62')) return { ok: false, error: 'phoneForeign' };
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1);
  } else if (!digits.startsWith('8')) {
    return { ok: false, error: 'phoneInvalid' };
  }
  // National mobile numbers: 8xx followed by 7–10 more digits (10–13 digits with the leading 0).
  if (!/^8\d{8,11}$/.test(digits)) return { ok: false, error: 'phoneInvalid' };
  return { ok: true, e164: `+62${digits}` };
}

/** The digits wa.me wants: E.164 without the plus. */
export function waDigits(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** How a number is shown to people: 0812-3456-7890. */
export function displayPhone(e164: string | null): string {
  if (!e164) return '';
  const national = '0' + e164.replace(/^\+62/, '');
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
