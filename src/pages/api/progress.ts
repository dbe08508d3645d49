import type { APIRoute } from 'astro';
import { message, t } from '../../i18n';
import { course } from '../../lib/server/content';
import { json } from '../../lib/server/http';
import { bodyLimitFor } from '../../lib/body-limits';
import { MAX_BATCH, recordProgressEvents } from '../../lib/server/progress/record';
import { certificateHookFailed, issueEligibleCertificates } from '../../lib/server/indicator/certificates';

/**
 * A batch of the learner's progress events: `{"events":[{id, type, lessonId, at, data?}]}`.
 * Answers 200 with which were stored, which were already stored (replays) and which were
 * refused and why; 422 when none could be stored.
 */
export const POST: APIRoute = async ({ request, locals, url }) => {
  const MAX_BODY_BYTES = bodyLimitFor(url.pathname).bytes;
  const { user, locale } = locals;
  const d = t(locale);
  if (!user) return json({ error: d.loginTitle }, 401);
  if (user.role !== 'learner') return json({ error: d.learnersOnly }, 403);
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return json({ error: d.batchTooLarge(MAX_BATCH) }, 413);

  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return json({ error: d.batchTooLarge(MAX_BATCH) }, 413);
    body = JSON.parse(text);
  } catch {
    return json({ error: d.batchMalformed }, 400);
  }
  const events = (body as { events?: unknown })?.events;
  if (!Array.isArray(events) || events.length === 0) return json({ error: d.batchMalformed }, 400);
  if (events.length > MAX_BATCH) return json({ error: d.batchTooLarge(MAX_BATCH) }, 413);

  const lessons = await course();
  const result = await recordProgressEvents(user.id, events, lessons);
  // Work finished offline can complete a module: issue its certificate now, as the lesson page does.
  const accepted = new Set(result.accepted);
  const finishing = events.some(
    (e) => accepted.has((e as { id?: string })?.id ?? '') && ['completed', 'quiz_submitted'].includes((e as { type?: string }).type ?? ''),
  );
  if (finishing) await issueEligibleCertificates(user.id, lessons).catch(certificateHookFailed);
  const rejected = result.rejected.map((r) => ({ ...r, message: message(locale, r.error) }));
  const status = result.accepted.length + result.duplicates.length > 0 ? 200 : 422;
  return json({ accepted: result.accepted, duplicates: result.duplicates, rejected }, status);
};
