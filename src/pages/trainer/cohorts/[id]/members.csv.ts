import type { APIRoute } from 'astro';
import { t } from '../../../../i18n';
import { course } from '../../../../lib/server/content';
import { findCohort } from '../../../../lib/server/trainer/cohort-detail';
import { cohortMembersCsv } from '../../../../lib/server/trainer/members-export';

/** GET: the cohort's member list as CSV (`?pemisah=titikkoma` for Excel set to Indonesian). */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const cohort = await findCohort(params.id ?? '');
  if (!cohort) {
    return new Response(t(locals.locale).cohortUnknown, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const delimiter = url.searchParams.get('pemisah') === 'titikkoma' ? ';' : ',';
  const lessonIds = (await course()).flatMap((m) => m.lessons.map((l) => l.id));
  const csv = await cohortMembersCsv(locals.user!, cohort.id, lessonIds, delimiter);
  const filename = `peserta-${cohort.joinCode.toLowerCase().replace(/[^a-z0-9-]/g, '')}.csv`;
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
