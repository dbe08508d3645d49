import { t, type Locale } from '../../../i18n';
import { csvFilename } from '../../reports/csv';
import { course } from '../content';
import { reportCsvStream } from './csv-export';
import { checkCohortFilter, cohortParam, type ReportActor } from './scope';

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });

/**
 * GET …/reports.csv[?kelas=<cohort id>] for a trainer (everyone) or a mentor (their current
 * learners only). A cohort the actor may not see → 403; for a trainer, an unknown cohort → 404.
 */
export async function reportCsvResponse(actor: ReportActor, url: URL, locale: Locale, now = Date.now()): Promise<Response> {
  const d = t(locale);
  if (actor.role !== 'trainer' && actor.role !== 'mentor') return text(d.forbiddenTitle, 403);
  const cohortId = cohortParam(url);
  if (cohortId) {
    const allowed = await checkCohortFilter(actor, cohortId);
    if (allowed === 'forbidden') return text(d.repFilterForbidden, 403);
    if (allowed === 'unknown') return text(d.cohortUnknown, 404);
  }
  const stream = await reportCsvStream({ actor, cohortId }, await course(), now);
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFilename(now)}"`,
      'cache-control': 'private, no-store',
    },
  });
}
