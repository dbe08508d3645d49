import type { APIRoute } from 'astro';
import { t } from '../../../i18n';
import { course } from '../../../lib/server/content';
import { loadItemAnalysis } from '../../../lib/server/reports/item-analysis';
import { checkCohortFilter, cohortParam } from '../../../lib/server/reports/scope';
import { CSV_BOM, csvText } from '../../../lib/reports/csv';
import { jakartaDate } from '../../../lib/wib';

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });

/** GET: the item analysis as CSV, one row per item, with the same cohort filter as the report (`?kelas=<id>`). Trainers only (/trainer). */
export const GET: APIRoute = async ({ url, locals }) => {
  const d = t(locals.locale);
  const user = locals.user!;
  if (user.role !== 'trainer') return text(d.forbiddenTitle, 403);
  const cohortId = cohortParam(url);
  if (cohortId) {
    const allowed = await checkCohortFilter(user, cohortId);
    if (allowed === 'forbidden') return text(d.repFilterForbidden, 403);
    if (allowed === 'unknown') return text(d.cohortUnknown, 404);
  }
  const analysis = await loadItemAnalysis({ actor: user, cohortId }, await course());
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  const rows = [
    [
      'item_id',
      'tempat',
      'bentuk',
      'pilar',
      'jumlah_jawaban',
      'benar_proporsi',
      'benar_proporsi_tes_awal',
      'daya_beda_point_biserial',
      'pilihan_dipilih',
      'cukup_data',
      'tanda',
    ],
    ...analysis.items.map((s) => [
      s.itemId,
      s.where.kind === 'lesson' ? s.where.lessonId : s.where.moduleId,
      s.where.kind === 'form' ? s.where.form : null,
      s.pillar,
      s.n,
      round(s.difficulty),
      round(s.preDifficulty),
      round(s.discrimination),
      s.options.map((o) => `${o.id}${o.correct ? '*' : ''}=${o.chosen}`).join('; '),
      s.enoughData ? 'ya' : 'belum_cukup_data',
      s.flags.join('; '),
    ]),
    [],
    ['cronbach_alpha_penilaian_diri', 'awal', analysis.alpha.pre.n, round(analysis.alpha.pre.alpha) ?? 'belum_cukup_data'],
    ['cronbach_alpha_penilaian_diri', 'akhir', analysis.alpha.post.n, round(analysis.alpha.post.alpha) ?? 'belum_cukup_data'],
  ];
  return new Response(CSV_BOM + csvText(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="melek-analisis-soal-${jakartaDate(Date.now())}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
