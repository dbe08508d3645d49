import type { CourseModule } from '../../learning/types';
import { CSV_BOM, csvHeader, csvSerializer, learnerCsvRows, prePostVersions, type CsvRow, type LearnerExport } from '../../reports/csv';
import { pseudonymizer } from '../../reports/pseudonym';
import { adoptionRecords, evaluationRowsByLearner, type AdoptionRecord } from './records';
import { cohortNames, scoredLearners } from './report';
import type { ReportScope } from './scope';
import { pseudonymSecret } from './secret';

/** Learners per chunk written to the stream: large enough to be cheap, small enough to start sending at once. */
const BATCH = 250;

/**
 * The research CSV for a scope as a byte stream: everything is loaded with the report's set-based
 * queries, then rows are produced batch by batch while the response is being sent, so memory
 * stays at one batch of text. UTF-8 with a BOM (Excel), CRLF, every text cell neutralized.
 */
export async function reportCsvStream(scope: ReportScope, course: CourseModule[], now = Date.now()): Promise<ReadableStream<Uint8Array>> {
  const [learners, adoption, evaluation, names, secret] = await Promise.all([
    scoredLearners(scope, course, now, { detail: true }),
    adoptionRecords(scope, false),
    evaluationRowsByLearner(scope),
    cohortNames(),
    pseudonymSecret(),
  ]);
  const pseudonym = pseudonymizer(secret);
  const ctx = { pseudonym, generatedAt: now, prePostVersion: prePostVersions(course) };
  const adoptionBy = new Map<string, AdoptionRecord[]>();
  for (const a of adoption) {
    const list = adoptionBy.get(a.userId);
    if (list) list.push(a);
    else adoptionBy.set(a.userId, [a]);
  }
  // A stable order that says nothing about the accounts: by cohort, then pseudonymous id.
  const ordered = learners
    .map((l) => ({
      l,
      cohort: l.facts.cohorts
        .map((c) => names.get(c.id) ?? c.id)
        .sort()
        .join(' | '),
      key: pseudonym(l.facts.id),
    }))
    .sort((a, b) => (a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const encoder = new TextEncoder();
  const toText = csvSerializer();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvHeader()));
    },
    pull(controller) {
      if (next >= ordered.length) {
        controller.close();
        return;
      }
      const rows: CsvRow[] = [];
      for (const { l, cohort } of ordered.slice(next, next + BATCH)) {
        const { facts } = l;
        const learner: LearnerExport = {
          userId: facts.id,
          cohort,
          indicator: l.indicator,
          prePost: course.filter((m) => facts.prePost.has(m.id)).map((m) => ({ moduleId: m.id, ...facts.prePost.get(m.id)! })),
          perception: facts.perception.sort((a, b) => (a.timepoint === b.timepoint ? 0 : a.timepoint === 'pre' ? -1 : 1)),
          adoption: adoptionBy.get(facts.id) ?? [],
          partnerships: evaluation.partnerships.get(facts.id) ?? [],
          sales: evaluation.sales.get(facts.id) ?? [],
        };
        for (const row of learnerCsvRows(learner, ctx)) rows.push(row);
      }
      next += BATCH;
      controller.enqueue(encoder.encode(toText(rows)));
    },
  });
}
