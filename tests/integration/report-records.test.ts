/**
 * The report's bulk loader agrees with the learner's own page: for every seeded learner, the
 * indicator the report computes from its few set-based queries equals scoreLearner() over that
 * learner's raw records as the learner pages load them (src/lib/server/indicator/records.ts),
 * and the pre/post tests, self-assessments and enrolment match a plain per-learner reading. Also:
 * a mentor's scope and a cohort filter narrow the same facts. Real libSQL on a temp file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../helpers/db';
import type { Database } from '../../db/client';
import { scoreLearner } from '../../src/lib/indicator/score';
import type { CourseModule } from '../../src/lib/learning/types';
import { courseFromContent, seedLearners } from '../bench/seed-scale';
import { seedEvaluationExtras } from '../bench/seed-report';

let database: Database;
let course: CourseModule[];
let learnerIds: string[];
const NOW = Date.now();

beforeAll(async () => {
  ({ db: database } = await useTempDatabase());
  course = courseFromContent();
  const url = process.env.DATABASE_URL!;
  await database.$client.execute(`INSERT INTO users (id, phone, name, role, created_at) VALUES ('m1', '+6281100009001', 'Mentor Satu', 'mentor', ${NOW})`);
  const { scaleLessons } = await import('../bench/seed-scale');
  const seeded = await seedLearners(url, {
    learners: 40,
    eventsPerLearner: 120,
    lessons: scaleLessons(course),
    mentorId: 'm1',
    cohorts: 2,
    now: NOW,
    seed: 11,
  });
  learnerIds = seeded.learnerIds;
  await seedEvaluationExtras(url, course, learnerIds, NOW);
  // A second mentor for the last 10 learners (their first assignment closed): the scope must follow.
  await database.$client.execute(`INSERT INTO users (id, phone, name, role, created_at) VALUES ('m2', '+6281100009002', 'Mentor Dua', 'mentor', ${NOW})`);
  for (const id of learnerIds.slice(30)) {
    await database.$client.batch([
      { sql: `UPDATE mentor_assignments SET until = ? WHERE learner_id = ? AND until IS NULL`, args: [NOW, id] },
      { sql: `INSERT INTO mentor_assignments (id, mentor_id, learner_id, "from") VALUES (?, 'm2', ?, ?)`, args: [`re-${id}`, id, NOW] },
    ]);
  }
}, 120_000);

describe('bulk loader', () => {
  it('scores every learner exactly as the learner page does', async () => {
    const { scoredLearners } = await import('../../src/lib/server/reports/report');
    const { loadRawRecords, currentRecords } = await import('../../src/lib/server/indicator/records');
    const scored = await scoredLearners({ actor: { id: 't', role: 'trainer' } }, course, NOW);
    expect(scored).toHaveLength(40);
    let withScore = 0;
    for (const l of scored) {
      const raw = (await loadRawRecords(l.facts.id))!;
      expect(l.indicator, l.facts.id).toEqual(scoreLearner(course, currentRecords(raw)));
      if (l.indicator.overall !== null && l.indicator.overall > 1) withScore += 1;
      // The first pre and post test of each module, as the learner page takes them.
      for (const module of course) {
        const pre = raw.prePost.find((a) => a.moduleId === module.id && a.kind === 'pre');
        const post = raw.prePost.find((a) => a.moduleId === module.id && a.kind === 'post');
        const mine = l.facts.prePost.get(module.id);
        expect(mine?.pre && { score: mine.pre.score, max: mine.pre.max, at: mine.pre.at }).toEqual(pre && { score: pre.score, max: pre.maxScore, at: pre.at });
        expect(mine?.post && { score: mine.post.score, max: mine.post.max, at: mine.post.at }).toEqual(
          post && { score: post.score, max: post.maxScore, at: post.at },
        );
      }
      expect(Math.min(l.facts.createdAt, ...l.facts.cohorts.map((c) => c.joinedAt))).toBe(raw.enrolledAt);
    }
    // The data is not trivially empty: most learners have points.
    expect(withScore).toBeGreaterThan(20);
  });

  it('the latest self-assessment per timepoint, its overall exactly as stored', async () => {
    const { loadLearnerFacts, scopeSet } = await import('../../src/lib/server/reports/records');
    const facts = await loadLearnerFacts(scopeSet({ actor: { id: 't', role: 'trainer' } }), { moduleIds: course.map((m) => m.id) });
    const rows = await database.$client.execute(`SELECT user_id, timepoint, overall, at FROM assessments ORDER BY at`);
    const latest = new Map<string, { overall: number; at: number }>();
    for (const r of rows.rows) latest.set(`${r.user_id}/${r.timepoint}`, { overall: Number(r.overall), at: Number(r.at) });
    let compared = 0;
    for (const f of facts.values()) {
      for (const p of f.perception) {
        expect({ overall: p.overall, at: p.at }).toEqual(latest.get(`${f.id}/${p.timepoint}`));
        compared += 1;
      }
    }
    expect(compared).toBe(latest.size);
  });

  it("a mentor's scope is their current learners; a cohort filter narrows it", async () => {
    const { loadLearnerFacts, scopeSet } = await import('../../src/lib/server/reports/records');
    const moduleIds = course.map((m) => m.id);
    const m1 = await loadLearnerFacts(scopeSet({ actor: { id: 'm1', role: 'mentor' } }), { moduleIds });
    const m2 = await loadLearnerFacts(scopeSet({ actor: { id: 'm2', role: 'mentor' } }), { moduleIds });
    expect([...m1.keys()].sort()).toEqual(learnerIds.slice(0, 30).sort());
    expect([...m2.keys()].sort()).toEqual(learnerIds.slice(30).sort());
    const cohort = (await database.$client.execute(`SELECT cohort_id FROM cohort_members WHERE user_id = ?`, [learnerIds[0]])).rows[0].cohort_id as string;
    const inCohort = (await database.$client.execute({ sql: `SELECT user_id FROM cohort_members WHERE cohort_id = ?`, args: [cohort] })).rows.map((r) =>
      String(r.user_id),
    );
    const filtered = await loadLearnerFacts(scopeSet({ actor: { id: 't', role: 'trainer' }, cohortId: cohort }), { moduleIds });
    expect([...filtered.keys()].sort()).toEqual(inCohort.sort());
    for (const f of filtered.values()) expect(f.cohorts.map((c) => c.id)).toEqual([cohort]);
    expect((await loadLearnerFacts(scopeSet({ actor: { id: 'x', role: 'learner' } }), { moduleIds })).size).toBe(0);
  });
});
