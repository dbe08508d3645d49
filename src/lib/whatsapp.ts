import { waDigits } from './phone';

/** A wa.me link that opens a chat with `phone` (E.164), with `text` prefilled. */
export function waChatLink(phone: string, text?: string): string {
  const base = `https://wa.me/${waDigits(phone)}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}

/** A wa.me link that lets the user pick who to share `text` with (e.g. a selling group). */
export function waShareLink(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
