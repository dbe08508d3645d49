/**
 * Large, realistic learning data written straight into a Melek database file, for benchmarks.
 *
 *   const course = courseFromContent();                         // the real lessons in content/
 *   await seedLearners(dbUrl, { learners: 50, eventsPerLearner: 1000, mentorId, lessons: scaleLessons(course) });
 *
 * Per learner: a user row (a cohort membership, a current mentor assignment), a progress log that
 * walks the course in order over weeks (views, reading-time reports, quiz submissions, "done"),
 * the graded quiz_attempts of those submissions, task submissions in every state (waiting,
 * approved, needs work, resubmitted), and the lesson_progress rows the app would have projected
 * from that log. The projection uses projectLesson() from src/lib/learning/projection.ts, whose
 * rules a unit test holds equal to the app's SQL (projectLessonSql); verifyProjection() re-runs
 * that SQL on a sample to prove it here too.
 *
 * Speed and memory: rows are buffered and written every ~50,000 in one transaction of 500-row
 * INSERTs run through executeMultiple (statements finalized at once, so native memory stays flat:
 * ~300 MB RSS at 1,000,000 events); ids grow in insert order (UUIDv7-shaped, so the primary-key
 * B-tree is appended to). About 55,000 rows per CPU-second here; 10,000 learners × 100 events
 * (1,000,000 events, 1.38 million rows with attempts, submissions and projections) take ~25 s of
 * CPU. Foreign keys stay on: mentors must exist first (seedUser). Randomness comes from a seeded
 * PRNG: the same options give the same data (ids aside).
 *
 * Mixes (per learner, drawn once): about 1 in 5 has not been active for 8–30 days, 1 in 10
 * struggles with one quiz (every attempt below the pass mark), 1 in 10 never set a password
 * (invited, never logged in); how far into the course a learner got is spread from one lesson to all.
 */
import { createClient, type Client } from '@libsql/client';
import { projectLesson, type ProgressEvent } from '../../src/lib/learning/projection';
import type { CourseModule, Pillar } from '../../src/lib/learning/types';

const DAY = 86_400_000;

// ------------------------------------------------------------------ the course

/** The published course read from content/ (frontmatter only; no Astro needed): one copy, in src/. */
export { courseFromContent } from '../../src/lib/server/content-files';

/** What the seeder needs of a lesson. */
export interface ScaleLesson {
  id: string;
  /** Option ids in file order and the correct one's id (answers are stored by option id). */
  quiz: Array<{ id: string; optionIds: string[]; correct: string; pillar: Pillar }>;
  taskId?: string;
}

/** The k-th wrong option of an item (k < number of options − 1). */
function wrongOption(item: ScaleLesson['quiz'][number], k: number): string {
  return item.optionIds.filter((id) => id !== item.correct)[k];
}

/** The course's lessons, in order, as the seeder wants them. */
export function scaleLessons(course: CourseModule[]): ScaleLesson[] {
  return course.flatMap((m) =>
    m.lessons.map((l) => ({
      id: l.id,
      quiz: l.quiz.map((q) => ({
        id: q.id,
        optionIds: q.options.map((o) => o.id),
        correct: q.options.find((o) => o.correct)!.id,
        pillar: q.pillar ?? l.pillars[0],
      })),
      taskId: l.task?.id,
    })),
  );
}

// ------------------------------------------------------------------ options and result

export interface SeedOptions {
  learners: number;
  eventsPerLearner: number;
  /** Every learner's current mentor; several ids are dealt round-robin. None: unassigned. */
  mentorId?: string | string[];
  lessons: ScaleLesson[];
  /** Learners are spread over this many new cohorts (default 1). */
  cohorts?: number;
  /** Ids, phones and join codes start with this; change it to seed twice into one database. */
  prefix?: string;
  /** The password hash learners get (9 in 10 of them); without it nobody can log in. */
  learnerPasswordHash?: string;
  /** Who assigned the mentors (a trainer's id), or null. */
  assignedBy?: string | null;
  now?: number;
  seed?: number;
  /** Rows buffered per write transaction (default 50,000). */
  flushRows?: number;
  onProgress?: (p: { learners: number; rows: number; seconds: number }) => void;
}

export interface SeedResult {
  learnerIds: string[];
  cohortIds: string[];
  events: number;
  quizAttempts: number;
  submissions: number;
  lessonProgress: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU time of this process (generation and SQLite, which runs in-process): stable on a busy machine. */
  cpuSeconds: number;
  rowsPerCpuSecond: number;
}

// ------------------------------------------------------------------ small tools

/** mulberry32: a tiny, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}
type Rng = ReturnType<typeof prng>;

/** UUIDv7-shaped ids that grow in the order they are made (fast appends to the primary key). */
function uuidFactory(rng: Rng, start = Date.now()) {
  let n = 0;
  const hex = (value: number, width: number) => Math.floor(value).toString(16).padStart(width, '0');
  return () => {
    const ms = start + Math.floor(n / 4096);
    const counter = n % 4096;
    n++;
    const time = hex(ms, 12);
    const tail = hex(rng.next() * 2 ** 32, 8) + hex(rng.next() * 2 ** 16, 4);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(counter, 3)}-${(8 + rng.int(0, 3)).toString(16)}${hex(rng.next() * 4096, 3)}-${tail}`;
  };
}

type Row = Array<string | number | null>;

/** Buffers rows per table and writes them as multi-row INSERTs in one transaction per flush. */
class Writer {
  private pending = new Map<string, { columns: string[]; rows: Row[] }>();
  private size = 0;
  total = 0;
  constructor(private client: Client) {}

  add(table: string, columns: string[], row: Row) {
    let entry = this.pending.get(table);
    if (!entry) this.pending.set(table, (entry = { columns, rows: [] }));
    entry.rows.push(row);
    this.size++;
  }

  get buffered() {
    return this.size;
  }

  async flush() {
    if (this.size === 0) return;
    // One transaction of multi-row INSERTs with the values written as SQL literals, run by
    // executeMultiple (sqlite3_exec): each statement is finalized as soon as it has run. Bound
    // parameters through batch() would leave every prepared statement to the garbage collector,
    // and their native memory piles up (1.6 GB at a million events) before it runs.
    const parts: string[] = ['BEGIN IMMEDIATE;'];
    for (const [table, { columns, rows }] of this.pending) {
      const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        parts.push(
          head +
            rows
              .slice(i, i + ROWS_PER_INSERT)
              .map((row) => `(${row.map(literal).join(',')})`)
              .join(',') +
            ';',
        );
      }
    }
    parts.push('COMMIT;');
    await this.client.executeMultiple(parts.join('\n'));
    this.total += this.size;
    this.pending.clear();
    this.size = 0;
  }
}

const ROWS_PER_INSERT = 500;

/** A value as an SQL literal: integers as they are, text quoted with '' for ', NULL. */
function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`seed-scale: not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

const COLUMNS = {
  users: ['id', 'phone', 'name', 'role', 'password_hash', 'business_name', 'business_type', 'kecamatan', 'locale', 'consent_at', 'created_at'],
  cohorts: ['id', 'name', 'kecamatan', 'join_code', 'starts_on', 'ends_on', 'created_at'],
  cohort_members: ['cohort_id', 'user_id', 'joined_at'],
  mentor_assignments: ['id', 'mentor_id', 'learner_id', 'assigned_by', 'from'],
  progress_events: ['id', 'user_id', 'lesson_id', 'type', 'at', 'received_at', 'data'],
  quiz_attempts: ['id', 'user_id', 'lesson_id', 'kind', 'answers', 'score', 'max_score', 'pillar_scores', 'at'],
  task_submissions: ['id', 'user_id', 'task_id', 'lesson_id', 'text', 'link', 'status', 'reviewer_id', 'feedback', 'submitted_at', 'reviewed_at'],
  lesson_progress: ['user_id', 'lesson_id', 'module_id', 'status', 'first_viewed_at', 'last_active_at', 'completed_at', 'time_spent_sec'],
};

const FIRST = [
  'Sari',
  'Hadi',
  'Lilik',
  'Nur',
  'Yanti',
  'Slamet',
  'Rina',
  'Agus',
  'Wati',
  'Joko',
  'Siti',
  'Bambang',
  'Dewi',
  'Eko',
  'Tutik',
  'Hartono',
  'Umi',
  'Supri',
];
const TITLE = ['Bu', 'Pak', 'Mbak', 'Mas'];
const BUSINESS = [
  ['Kerupuk Udang', 'kerupuk'],
  ['Bandeng Presto', 'bandeng presto'],
  ['Tas Tanggulangin', 'tas'],
  ['Batik Jetis', 'batik'],
  ['Kue Lumpur', 'kue'],
  ['Petis', 'petis'],
  ['Keripik Tempe', 'keripik'],
  ['Jahit Baju', 'jahit'],
] as const;
const KECAMATAN = ['Sidoarjo', 'Candi', 'Tanggulangin', 'Porong', 'Buduran', 'Waru', 'Taman', 'Gedangan', 'Sedati', 'Krian'];
const FEEDBACK = [
  'Bagus, sudah lengkap.',
  'Mantap, lanjutkan!',
  'Tambahkan jam buka ya.',
  'Fotonya kurang terang, coba di dekat jendela.',
  'Harga belum dicantumkan.',
];

// ------------------------------------------------------------------ one learner's history

interface GeneratedEvent {
  id: string;
  lessonId: string;
  type: 'viewed' | 'completed' | 'time' | 'quiz_submitted';
  at: number;
  data: Record<string, unknown> | null;
}

/** Splits `total` into `parts` counts of at least 1 that add up to it, with some jitter. */
function split(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts) {
    if (diff > 0) {
      counts[i]++;
      diff--;
    } else if (counts[i] > 1) {
      counts[i]--;
      diff++;
    }
  }
  return counts;
}

function learnerHistory(rng: Rng, uuid: () => string, lessons: ScaleLesson[], events: number, now: number) {
  const inactive = rng.chance(0.2);
  const struggles = rng.chance(0.1);
  const lastActive = inactive ? now - rng.int(8, 30) * DAY - rng.int(0, DAY) : now - rng.int(0, 6 * DAY);
  const span = rng.int(14, 90) * DAY;
  const start = lastActive - span;
  // How far into the course: from one lesson to all of them, never more lessons than events.
  const reach = Math.min(events, lessons.length, Math.max(1, Math.round(lessons.length * (0.1 + 0.9 * rng.next() ** 0.8))));
  const finishedAll = reach === lessons.length && rng.chance(0.5);
  const strugglingLesson = struggles ? rng.int(0, reach - 1) : -1;
  const counts = split(rng, events, reach);
  const out: GeneratedEvent[] = [];
  const completedLessons: Array<{ lesson: ScaleLesson; at: number }> = [];

  for (let i = 0; i < reach; i++) {
    const lesson = lessons[i];
    const from = start + (span * i) / reach;
    const to = start + (span * (i + 1)) / reach;
    const n = counts[i];
    const completes = (i < reach - 1 || finishedAll || rng.chance(0.4)) && n >= 2 && i !== strugglingLesson;
    const times = Array.from({ length: n }, () => from + rng.next() * (to - from)).sort((a, b) => a - b);
    if (i === reach - 1) times[n - 1] = lastActive;
    const hasQuiz = lesson.quiz.length > 0;
    // A few quiz attempts per lesson at most (struggling: 2–4, all failed), the rest reading.
    const attempts = hasQuiz ? Math.min(n - 1 - (completes ? 1 : 0), i === strugglingLesson ? rng.int(2, 4) : completes ? rng.int(1, 3) : rng.int(0, 1)) : 0;
    const slots = new Set<number>();
    while (slots.size < Math.max(0, attempts)) slots.add(rng.int(1, n - (completes ? 2 : 1)));
    let attemptNo = 0;
    for (let k = 0; k < n; k++) {
      const at = Math.round(times[k]);
      if (k === 0) {
        out.push({ id: uuid(), lessonId: lesson.id, type: 'viewed', at, data: null });
      } else if (completes && k === n - 1) {
        out.push({ id: uuid(), lessonId: lesson.id, type: 'completed', at, data: null });
        completedLessons.push({ lesson, at });
      } else if (slots.has(k)) {
        const p = i === strugglingLesson ? 0.2 : attemptNo === 0 ? 0.6 : 0.85;
        const answers: Record<string, string> = {};
        const pillarScores: Record<string, { score: number; max: number }> = {};
        let score = 0;
        for (const item of lesson.quiz) {
          const right = rng.chance(p);
          answers[item.id] = right ? item.correct : wrongOption(item, rng.int(0, item.optionIds.length - 2));
          const bucket = (pillarScores[item.pillar] ??= { score: 0, max: 0 });
          bucket.max++;
          if (right) {
            score++;
            bucket.score++;
          }
        }
        // A struggling learner never reaches the pass mark (70 %) on that quiz.
        if (i === strugglingLesson && score / lesson.quiz.length >= 0.7) {
          for (const item of lesson.quiz) answers[item.id] = wrongOption(item, 0);
          for (const b of Object.values(pillarScores)) b.score = 0;
          score = 0;
        }
        out.push({ id: uuid(), lessonId: lesson.id, type: 'quiz_submitted', at, data: { score, maxScore: lesson.quiz.length, answers, pillarScores } });
        attemptNo++;
      } else if (rng.chance(0.65)) {
        out.push({ id: uuid(), lessonId: lesson.id, type: 'time', at, data: { seconds: rng.int(15, 600) } });
      } else {
        out.push({ id: uuid(), lessonId: lesson.id, type: 'viewed', at, data: null });
      }
    }
  }
  return { events: out, completedLessons, lastActive, start };
}

// ------------------------------------------------------------------ the seeder

/**
 * Writes `learners` learners with `eventsPerLearner` progress events each (and everything that
 * goes with them) into the database at `dbUrl` (a migrated Melek database). Returns counts and speed.
 */
export async function seedLearners(dbUrl: string, options: SeedOptions): Promise<SeedResult> {
  const {
    learners,
    eventsPerLearner,
    lessons,
    cohorts = 1,
    prefix = 'scale-',
    learnerPasswordHash,
    assignedBy = null,
    now = Date.now(),
    seed = 4,
    flushRows = 50_000,
    onProgress,
  } = options;
  if (lessons.length === 0) throw new Error('seedLearners: no lessons');
  const mentors = options.mentorId === undefined ? [] : Array.isArray(options.mentorId) ? options.mentorId : [options.mentorId];
  const rng = prng(seed);
  const uuid = uuidFactory(rng);
  const client = createClient({ url: dbUrl });
  if (mentors.length) {
    const found = await client.execute({
      sql: `SELECT count(*) AS n FROM users WHERE role = 'mentor' AND id IN (${mentors.map(() => '?').join(', ')})`,
      args: mentors,
    });
    if (Number(found.rows[0].n) !== new Set(mentors).size) {
      client.close();
      throw new Error(`seedLearners: mentor ${mentors.join(', ')} not found (create it first, e.g. with seedUser)`);
    }
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const writer = new Writer(client);
  const result = { events: 0, quizAttempts: 0, submissions: 0, lessonProgress: 0 };
  try {
    // A bulk load: one fsync per transaction is plenty (the data can be made again).
    if (dbUrl.startsWith('file:')) await client.execute('PRAGMA synchronous = NORMAL');
    const cohortIds = Array.from({ length: cohorts }, (_, i) => `${prefix}cohort-${i + 1}`);
    cohortIds.forEach((id, i) =>
      writer.add('cohorts', COLUMNS.cohorts, [
        id,
        `Kelas uji ${prefix}${i + 1}`,
        KECAMATAN[i % KECAMATAN.length],
        `${prefix}${i + 1}`
          .toUpperCase()
          .replace(/[^A-Z0-9-]/g, '-')
          .slice(0, 20),
        null,
        null,
        now - 120 * DAY,
      ]),
    );
    const learnerIds: string[] = [];
    let submissionNo = 0;
    for (let index = 0; index < learners; index++) {
      const id = `${prefix}l${String(index + 1).padStart(7, '0')}`;
      learnerIds.push(id);
      const [businessName, businessType] = rng.pick(BUSINESS);
      const name = `${rng.pick(TITLE)} ${rng.pick(FIRST)} ${index + 1}`;
      const kecamatan = rng.pick(KECAMATAN);
      const history = learnerHistory(rng, uuid, lessons, eventsPerLearner, now);
      const joinedAt = history.start - rng.int(0, 7) * DAY;
      const phone = `+62859${String(hashPrefix(prefix) + index).padStart(7, '0')}`;
      writer.add('users', COLUMNS.users, [
        id,
        phone,
        name,
        'learner',
        rng.chance(0.9) ? (learnerPasswordHash ?? null) : null,
        `${businessName} ${name.split(' ')[1]}`,
        businessType,
        kecamatan,
        'id',
        joinedAt,
        joinedAt,
      ]);
      writer.add('cohort_members', COLUMNS.cohort_members, [cohortIds[index % cohortIds.length], id, joinedAt]);
      if (mentors.length)
        writer.add('mentor_assignments', COLUMNS.mentor_assignments, [`${prefix}a${index + 1}`, mentors[index % mentors.length], id, assignedBy, joinedAt]);

      const byLesson = new Map<string, ProgressEvent[]>();
      for (const e of history.events) {
        const stored = e.type === 'quiz_submitted' ? { score: e.data!.score, maxScore: e.data!.maxScore } : e.data;
        writer.add('progress_events', COLUMNS.progress_events, [
          e.id,
          id,
          e.lessonId,
          e.type,
          e.at,
          e.at + rng.int(200, 60_000),
          stored ? JSON.stringify(stored) : null,
        ]);
        if (e.type === 'quiz_submitted') {
          writer.add('quiz_attempts', COLUMNS.quiz_attempts, [
            e.id,
            id,
            e.lessonId,
            'lesson',
            JSON.stringify(e.data!.answers),
            e.data!.score as number,
            e.data!.maxScore as number,
            JSON.stringify(e.data!.pillarScores),
            e.at,
          ]);
          result.quizAttempts++;
        }
        let list = byLesson.get(e.lessonId);
        if (!list) byLesson.set(e.lessonId, (list = []));
        list.push({ type: e.type, at: e.at, data: stored });
      }
      result.events += history.events.length;
      for (const [lessonId, list] of byLesson) {
        const p = projectLesson(list)!;
        writer.add('lesson_progress', COLUMNS.lesson_progress, [
          id,
          lessonId,
          lessonId.slice(0, lessonId.indexOf('/')),
          p.status,
          p.firstViewedAt,
          p.lastActiveAt,
          p.completedAt,
          p.timeSpentSec,
        ]);
        result.lessonProgress++;
      }

      // Tasks of finished lessons: about half handed in; reviews in every state.
      const reviewer = mentors.length ? mentors[index % mentors.length] : null;
      for (const { lesson, at } of history.completedLessons) {
        if (!lesson.taskId || !rng.chance(0.5)) continue;
        const submittedAt = Math.min(now, at + rng.int(1, 48) * 3_600_000);
        const roll = rng.next();
        const status = roll < 0.55 ? 'approved' : roll < 0.75 ? 'needs_work' : 'submitted';
        const reviewedAt = status === 'submitted' ? null : Math.min(now, submittedAt + rng.int(1, 72) * 3_600_000);
        const add = (sid: string, st: string, sAt: number, rAt: number | null, feedback: string | null) => {
          writer.add('task_submissions', COLUMNS.task_submissions, [
            sid,
            id,
            lesson.taskId!,
            lesson.id,
            'Sudah saya kerjakan, ini hasilnya.',
            rng.chance(0.5) ? 'https://wa.me/c/6285900000000' : null,
            st,
            st === 'submitted' ? null : reviewer,
            feedback,
            sAt,
            rAt,
          ]);
          result.submissions++;
        };
        add(
          `${prefix}s${++submissionNo}`,
          status,
          submittedAt,
          reviewedAt,
          status === 'submitted' ? null : status === 'needs_work' ? rng.pick(FEEDBACK.slice(2)) : rng.chance(0.5) ? rng.pick(FEEDBACK.slice(0, 2)) : null,
        );
        // Some of the sent-back tasks were done again and wait for the mentor.
        if (status === 'needs_work' && reviewedAt !== null && reviewedAt < now - DAY && rng.chance(0.5))
          add(`${prefix}s${++submissionNo}`, 'submitted', Math.min(now, reviewedAt + rng.int(1, 96) * 3_600_000), null, null);
      }

      if (writer.buffered >= flushRows) {
        await writer.flush();
        onProgress?.({ learners: index + 1, rows: writer.total, seconds: (performance.now() - started) / 1000 });
      }
    }
    await writer.flush();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    onProgress?.({ learners, rows: writer.total, seconds });
    return {
      learnerIds,
      cohortIds,
      ...result,
      rows: writer.total,
      seconds,
      rowsPerSecond: Math.round(writer.total / seconds),
      cpuSeconds,
      rowsPerCpuSecond: Math.round(writer.total / cpuSeconds),
    };
  } finally {
    client.close();
  }
}

/** Distinct phone ranges for distinct prefixes (seeding twice into one database). */
function hashPrefix(prefix: string): number {
  let h = 0;
  for (const ch of prefix) h = (h * 31 + ch.charCodeAt(0)) % 90;
  return h * 100_000;
}

/** A mentor (or any account) with a known password hash, for logging in over HTTP. */
export async function seedUser(
  dbUrl: string,
  user: { id: string; phone: string; name: string; role: 'learner' | 'mentor' | 'trainer'; passwordHash: string | null; now?: number },
) {
  const client = createClient({ url: dbUrl });
  try {
    const now = user.now ?? Date.now();
    await client.execute({
      sql: 'INSERT INTO users (id, phone, name, role, password_hash, kecamatan, locale, consent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      args: [user.id, user.phone, user.name, user.role, user.passwordHash, 'Sidoarjo', 'id', now, now],
    });
  } finally {
    client.close();
  }
}

/**
 * Re-runs the app's own projection SQL (projectLessonSql) for these learners' lessons and checks
 * that lesson_progress did not change: the seeded rows are what the app would have written.
 * Returns how many rows were compared and which differed.
 */
export async function verifyProjection(dbUrl: string, learnerIds: string[]): Promise<{ compared: number; mismatches: string[] }> {
  const { drizzle } = await import('drizzle-orm/libsql');
  const { projectLessonSql } = await import('../../src/lib/server/progress/record');
  const client = createClient({ url: dbUrl });
  try {
    const database = drizzle(client);
    const read = async () => {
      const { rows } = await client.execute({
        sql: `SELECT user_id, lesson_id, module_id, status, first_viewed_at, last_active_at, completed_at, time_spent_sec FROM lesson_progress WHERE user_id IN (${learnerIds.map(() => '?').join(', ')}) ORDER BY user_id, lesson_id`,
        args: learnerIds,
      });
      return rows.map((r) => JSON.stringify(Object.values(r)));
    };
    const before = await read();
    const pairs = (
      await client.execute({
        sql: `SELECT user_id, lesson_id FROM lesson_progress WHERE user_id IN (${learnerIds.map(() => '?').join(', ')})`,
        args: learnerIds,
      })
    ).rows;
    for (const pair of pairs) await database.run(projectLessonSql(String(pair.user_id), String(pair.lesson_id)));
    const after = await read();
    const mismatches = before.filter((row, i) => row !== after[i]);
    if (before.length !== after.length) mismatches.push(`row count ${before.length} → ${after.length}`);
    return { compared: before.length, mismatches };
  } finally {
    client.close();
  }
}
