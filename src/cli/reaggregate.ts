/**
 * `npm run db:reaggregate`: rebuilds the maintained aggregate learner_stats (db/schema/aggregates.ts)
 * for every learner from the base tables (lesson_progress, quiz_attempts, task_submissions,
 * assessments, review_answers), with the same functions the report's full recompute uses. Safe to
 * run on a live database: rows are replaced learner by learner, and a write during the rebuild
 * leaves its learner marked for the next read. `--check` afterwards compares every stored row with
 * a fresh recompute and exits 1 on any difference.
 */
import { databaseUrl } from '@db/client';
import { applyMigrations } from '@db/migrate';
import { db } from '@db/client';
import { courseFromContent } from '../lib/server/content-files';
import { rebuildLearnerStats, verifyLearnerStats } from '../lib/server/reports/learner-stats';

const course = courseFromContent();
await applyMigrations(db());
const started = performance.now();
const rebuilt = await rebuildLearnerStats(course);
console.log(`learner_stats: ${rebuilt} learners recomputed from the base tables in ${((performance.now() - started) / 1000).toFixed(1)} s (${databaseUrl()})`);
if (process.argv.includes('--check')) {
  const { checked, differ, missing } = await verifyLearnerStats(course);
  console.log(`check: ${checked} learners compared with a full recompute, ${differ.length} differ, ${missing.length} without a row`);
  if (differ.length || missing.length) {
    console.error(`first differing: ${[...differ, ...missing].slice(0, 10).join(', ')}`);
    process.exitCode = 1;
  }
}
