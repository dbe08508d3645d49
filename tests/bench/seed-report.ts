/**
 * Data for the report benchmark. The learning data comes from seed-scale.ts (N learners with
 * `eventsPerLearner` progress events each, their graded quiz attempts, task submissions and the
 * lesson_progress projection, over 20 cohorts), with 200 mentors of 50 learners each and a
 * trainer who can log in. On top of it this adds what only the report reads: module pre/post
 * tests (pre for those who started a module, post for those who finished it), self-assessments,
 * mentor adoption checks, partnerships and sales bands — deterministic (seeded random numbers),
 * written in one transaction of multi-row INSERTs.
 */
import { createClient, type InStatement, type InValue } from '@libsql/client';
import type { CourseModule, Pillar } from '../../src/lib/learning/types';
import { courseFromContent, scaleLessons, seedLearners, type SeedResult } from './seed-scale';
import { seededRandom } from '../../src/lib/random';

const DAY = 86_400_000;
const MENTORS_PER = 50;

export const BENCH_TRAINER = { id: 'bench-trainer', phone: '+6281199990001', national: '081199990001' };
export const BENCH_MENTOR = { id: 'bench-mentor-0', phone: '+6281199990100', national: '081199990100' };

/** Rows for one table, written as multi-row INSERTs of at most ~30,000 bound values. */
class Inserter {
  private rows: InValue[][] = [];
  private readonly perStatement: number;
  count = 0;
  constructor(
    private readonly client: { execute(stmt: InStatement): Promise<unknown> },
    private readonly table: string,
    private readonly columns: string[],
  ) {
    this.perStatement = Math.floor(30_000 / columns.length);
  }
  async add(row: InValue[]) {
    this.rows.push(row);
    this.count += 1;
    if (this.rows.length >= this.perStatement) await this.flush();
  }
  async flush() {
    if (this.rows.length === 0) return;
    const one = `(${this.columns.map(() => '?').join(',')})`;
    await this.client.execute({
      sql: `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${this.rows.map(() => one).join(',')}`,
      args: this.rows.flat(),
    });
    this.rows = [];
  }
}

export interface ReportSeedOptions {
  learners: number;
  eventsPerLearner: number;
  /** argon2id hash for the bench trainer and the first bench mentor (the ones the benchmark logs in as). */
  passwordHash: string;
  now?: number;
}

export async function seedReportData(
  dbUrl: string,
  options: ReportSeedOptions,
): Promise<{ core: SeedResult; extras: Record<string, number>; cpuSeconds: number }> {
  const now = options.now ?? Date.now();
  const cpuStart = process.cpuUsage();
  const course = courseFromContent();
  const mentorIds = Array.from({ length: Math.max(1, Math.ceil(options.learners / MENTORS_PER)) }, (_, m) => `bench-mentor-${m}`);

  const client = createClient({ url: dbUrl });
  try {
    await client.batch(
      [
        {
          sql: `INSERT INTO users (id, phone, name, role, password_hash, kecamatan, locale, consent_at, created_at) VALUES (?, ?, 'Pelatih Bench', 'trainer', ?, 'Sidoarjo', 'id', ?, ?)`,
          args: [BENCH_TRAINER.id, BENCH_TRAINER.phone, options.passwordHash, now, now - 400 * DAY],
        },
        ...mentorIds.map((id, m) => ({
          sql: `INSERT INTO users (id, phone, name, role, password_hash, kecamatan, locale, consent_at, created_at) VALUES (?, ?, ?, 'mentor', ?, 'Sidoarjo', 'id', ?, ?)`,
          args: [id, `+628119999${String(100 + m).padStart(4, '0')}`, `Pendamping ${m}`, m === 0 ? options.passwordHash : null, now, now - 400 * DAY],
        })),
      ],
      'write',
    );
  } finally {
    client.close();
  }
  // seed-scale deals the mentors round-robin: each follows 50 learners.
  const core = await seedLearners(dbUrl, {
    learners: options.learners,
    eventsPerLearner: options.eventsPerLearner,
    lessons: scaleLessons(course),
    mentorId: mentorIds,
    cohorts: Math.max(1, Math.ceil(options.learners / 500)),
    assignedBy: BENCH_TRAINER.id,
    prefix: 'bench-',
    now,
  });
  const extras = await seedEvaluationExtras(dbUrl, course, core.learnerIds, now);
  const cpu = process.cpuUsage(cpuStart);
  return { core, extras, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Pre/post tests, self-assessments, adoption checks, partnerships and sales bands for the seeded learners. */
export async function seedEvaluationExtras(dbUrl: string, course: CourseModule[], learnerIds: string[], now: number): Promise<Record<string, number>> {
  const rand = seededRandom(20261103);
  const client = createClient({ url: dbUrl });
  try {
    // What each learner did: when they joined, which lessons they completed, when they were last active.
    const facts = await client.execute(`
      SELECT u.id, u.created_at, a.mentor_id, group_concat(CASE WHEN lp.completed_at IS NOT NULL THEN lp.lesson_id END) AS done, MAX(lp.last_active_at) AS last
        FROM users u
        LEFT JOIN lesson_progress lp ON lp.user_id = u.id
        LEFT JOIN mentor_assignments a ON a.learner_id = u.id AND a.until IS NULL
       WHERE u.id LIKE 'bench-%' AND u.role = 'learner'
       GROUP BY u.id`);
    const wanted = new Set(learnerIds);
    const tx = await client.transaction('write');
    const t = {
      attempts: new Inserter(tx, 'quiz_attempts', ['id', 'user_id', 'lesson_id', 'kind', 'answers', 'score', 'max_score', 'pillar_scores', 'at']),
      assessments: new Inserter(tx, 'assessments', ['id', 'user_id', 'timepoint', 'instrument_version', 'answers', 'pillar_values', 'overall', 'at']),
      adoption: new Inserter(tx, 'adoption_checks', ['id', 'user_id', 'item', 'present', 'source', 'verifier_id', 'checked_on', 'created_at']),
      collaborations: new Inserter(tx, 'collaborations', [
        'id',
        'user_id',
        'type',
        'partner',
        'started_on',
        'source',
        'verifier_id',
        'verified_at',
        'created_at',
      ]),
      sales: new Inserter(tx, 'sales_reports', ['id', 'user_id', 'timepoint', 'band', 'source', 'verifier_id', 'reported_at']),
    };
    let seq = 0;
    const id = (prefix: string) => `${prefix}${(seq++).toString(36)}`;
    const day = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
    const pillarPoints = (items: Array<{ pillar: Pillar }>, share: number) => {
      const per: Record<string, { score: number; max: number }> = {
        cakap: { score: 0, max: 0 },
        etika: { score: 0, max: 0 },
        budaya: { score: 0, max: 0 },
        aman: { score: 0, max: 0 },
      };
      let score = 0;
      for (const item of items) {
        const right = rand() < share ? 1 : 0;
        per[item.pillar].score += right;
        per[item.pillar].max += 1;
        score += right;
      }
      return { score, per: JSON.stringify(per) };
    };
    try {
      for (const r of facts.rows) {
        const userId = String(r.id);
        if (!wanted.has(userId)) continue;
        const enrolled = Number(r.created_at);
        const last = r.last === null ? enrolled : Number(r.last);
        const mentor = r.mentor_id === null ? null : String(r.mentor_id);
        const done = new Set(typeof r.done === 'string' ? r.done.split(',') : []);
        const skill = 0.3 + rand() * 0.5;

        // Module pre-test before the first lesson (85 % take it), post-test after the last (90 %).
        for (const module of course) {
          if (module.prePost.length === 0) continue;
          const items = module.prePost.map((p) => ({ pillar: p.pillar }));
          const started = module.lessons.some((l) => done.has(l.id));
          if (started && rand() < 0.85) {
            const pre = pillarPoints(items, skill);
            await t.attempts.add([id('bench-pre-'), userId, module.id, 'pre', '{}', pre.score, items.length, pre.per, enrolled + DAY]);
          }
          if (module.lessons.length > 0 && module.lessons.every((l) => done.has(l.id)) && rand() < 0.9) {
            const post = pillarPoints(items, Math.min(0.98, skill + 0.3));
            await t.attempts.add([id('bench-post-'), userId, module.id, 'post', '{}', post.score, items.length, post.per, last]);
          }
        }

        // Self-assessment at enrolment (80 %), and after the course for those who finished a lot.
        const likert = (base: number) => {
          const itemPillars: Pillar[] = ['cakap', 'cakap', 'cakap', 'etika', 'etika', 'budaya', 'budaya', 'aman', 'aman', 'aman'];
          const answers: Record<string, number> = {};
          const byPillar: Record<string, number[]> = {};
          itemPillars.forEach((p, k) => {
            const v = Math.max(1, Math.min(5, Math.round(base + (rand() - 0.5) * 2)));
            answers[`sa${k + 1}`] = v;
            (byPillar[p] ??= []).push(v);
          });
          const values = Object.values(answers);
          return {
            answers: JSON.stringify(answers),
            pillars: JSON.stringify(Object.fromEntries(Object.entries(byPillar).map(([p, vs]) => [p, vs.reduce((s, v) => s + v, 0) / vs.length]))),
            overall: values.reduce((s, v) => s + v, 0) / values.length,
          };
        };
        if (rand() < 0.8) {
          const a = likert(2 + rand() * 1.5);
          await t.assessments.add([id('bench-a-'), userId, 'pre', 'sa-2026.1', a.answers, a.pillars, a.overall, enrolled]);
        }
        if (done.size >= 10 && rand() < 0.7) {
          const a = likert(3 + rand() * 1.8);
          await t.assessments.add([id('bench-a-'), userId, 'post', 'sa-2026.1', a.answers, a.pillars, a.overall, last]);
        }

        // Adoption checklist seen by the mentor for 40 %, some re-checked later.
        if (mentor && rand() < 0.4) {
          for (const item of ['wa_business_profile', 'catalog_5_items', 'qris_active', 'bookkeeping_4_weeks', 'two_step_verification']) {
            const seen = enrolled + Math.floor(rand() * Math.max(DAY, now - enrolled));
            await t.adoption.add([id('bench-ad-'), userId, item, rand() < skill + 0.2 ? 1 : 0, 'mentor', mentor, day(seen), seen]);
            if (rand() < 0.3 && seen + 40 * DAY < now)
              await t.adoption.add([id('bench-ad-'), userId, item, 1, 'mentor', mentor, day(seen + 40 * DAY), seen + 40 * DAY]);
          }
        }
        // Partnerships for 30 %, some verified by the mentor.
        if (rand() < 0.3) {
          const n = 1 + Math.floor(rand() * 3);
          for (let k = 0; k < n; k++) {
            const started = enrolled + Math.floor(rand() * Math.max(DAY, now - enrolled));
            const verified = mentor !== null && rand() < 0.4;
            const type = ['supplier', 'reseller', 'marketplace', 'lender', 'community'][Math.floor(rand() * 5)];
            await t.collaborations.add([
              id('bench-co-'),
              userId,
              type,
              `Mitra ${k + 1}`,
              day(started),
              'self',
              verified ? mentor : null,
              verified ? started + DAY : null,
              started,
            ]);
          }
        }
        // Sales band at start (60 %) and at follow-up (half of those).
        if (rand() < 0.6) {
          const bands = ['lt1', '1to3', '3to5', '5to10', '10to25', 'gt25'];
          const b = Math.floor(rand() * 4);
          await t.sales.add([id('bench-s-'), userId, 'start', bands[b], 'self', mentor && rand() < 0.2 ? mentor : null, enrolled + DAY]);
          if (rand() < 0.5)
            await t.sales.add([
              id('bench-s-'),
              userId,
              'followup',
              bands[Math.min(5, b + Math.floor(rand() * 2))],
              'self',
              mentor && rand() < 0.3 ? mentor : null,
              Math.max(enrolled + 2 * DAY, now - 5 * DAY),
            ]);
        }
      }
      for (const inserter of Object.values(t)) await inserter.flush();
      await tx.commit();
    } finally {
      tx.close();
    }
    return Object.fromEntries(Object.entries(t).map(([name, inserter]) => [name, inserter.count]));
  } finally {
    client.close();
  }
}
