/**
 * The rules a practical-task submission must meet, as pure functions: used by the server
 * (src/lib/server/progress/tasks.ts, after zod has checked the types) and by the lesson page
 * before it keeps a submission on the phone (src/scripts/lesson.ts), so a queued task is never
 * refused later for something the phone could have said at once.
 */
export const TASK_TEXT_MAX = 2000;
export const TASK_LINK_MAX = 500;

export type TaskErrorKey = 'taskTextEmpty' | 'taskTextLong' | 'taskLinkInvalid';

/** "wa.me/c/…", "www.toko.id", "toko.id/katalog": a web address typed without its scheme. */
const BARE_ADDRESS = /^(?:www\.|wa\.me\/|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#:]|$))/i;

/**
 * The link as it will be stored: trimmed, `https://` added in front of an address typed without
 * a scheme (phones' keyboards and WhatsApp's "copy link" often leave it off), null when empty,
 * or 'invalid' (not a web address; javascript:, data: and the like are never accepted).
 */
export function normalizeTaskLink(raw: string | null | undefined): string | null | 'invalid' {
  const value = (raw ?? '').trim();
  if (!value) return null;
  if (value.length > TASK_LINK_MAX) return 'invalid';
  const withScheme = !/^[a-z][a-z0-9+.-]*:/i.test(value) && !/\s/.test(value) && BARE_ADDRESS.test(value) ? `https://${value}` : value;
  if (!URL.canParse(withScheme)) return 'invalid';
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  return withScheme.length > TASK_LINK_MAX ? 'invalid' : withScheme;
}

export type TaskCheck = { ok: true; data: { text: string; link: string | null } } | { ok: false; errors: Partial<Record<'text' | 'link', TaskErrorKey>> };

/** Checks a submission's text and link (both as typed). */
export function checkTask(input: { text?: string | null; link?: string | null }): TaskCheck {
  const errors: Partial<Record<'text' | 'link', TaskErrorKey>> = {};
  const text = (input.text ?? '').trim();
  if (!text) errors.text = 'taskTextEmpty';
  else if (text.length > TASK_TEXT_MAX) errors.text = 'taskTextLong';
  const link = normalizeTaskLink(input.link);
  if (link === 'invalid') errors.link = 'taskLinkInvalid';
  if (errors.text || errors.link) return { ok: false, errors };
  return { ok: true, data: { text, link: link as string | null } };
}
