import { z } from 'astro/zod';
import { inArray, sql } from 'drizzle-orm';
import { db } from '@db/client';
import { h5pContents, h5pResults, progressEvents, quizAttempts } from '@db/schema';
import { gradeQuiz } from '../../learning/grading';
import { allLessons } from '../../learning/curriculum';
import type { CourseModule, LessonMeta } from '../../learning/types';
import { FINISHING, MAX_INFERRED_SEC, MAX_TIME_EVENT_SEC } from '../../learning/projection';
import { CONTENT_ID } from '../h5p/validate';
import { maxScoreMatches } from '../h5p/max-score';
import { parseTaskSubmission, submitTask } from './tasks';
import { commitGrouped } from './group-commit';

export const MAX_BATCH = 1000;
/** Devices' clocks drift; an event up to this far in the future is still believed. */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2024, 0, 1);

const eventSchema = z
  .object({
    id: z.string().uuid(),
    type: z.enum(['viewed', 'completed', 'time', 'quiz_submitted', 'h5p_result', 'task_submitted']),
    lessonId: z.string().min(1).max(120),
    at: z.union([z.number().int(), z.string().datetime({ offset: true })]).transform((v) => (typeof v === 'number' ? v : Date.parse(v))),
    userId: z.string().max(40).optional(),
    data: z.record(z.unknown()).optional(),
  })
  .strict();

export type ProgressEventInput = z.input<typeof eventSchema>;

/**
 * An H5P activity's result, from the xAPI statement the lesson page received from the player:
 * a whole score 0 ≤ score ≤ maxScore (maxScore ≥ 1), the verb, and a few fields of the statement.
 * Checked here again, whatever the browser did: the content must be imported and embedded in the
 * event's lesson.
 */
const h5pResultData = z
  .object({
    contentId: z.string().regex(CONTENT_ID),
    score: z.number().int().min(0).max(10_000),
    maxScore: z.number().int().min(1).max(10_000),
    verb: z.enum(['answered', 'completed']),
    statement: z.record(z.unknown()).optional(),
  })
  .strict()
  .refine((d) => d.score <= d.maxScore);
type H5pResultData = z.infer<typeof h5pResultData>;

/** Length of a value written as JSON, or Infinity when it cannot be (nested too deep for the stack). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

export type EventError =
  | 'eventMalformed'
  | 'eventUnknownLesson'
  | 'eventFuture'
  | 'eventTooOld'
  | 'eventOtherUser'
  | 'eventBadData'
  | 'eventIdTaken'
  | 'quizInvalid'
  | 'quizItemChanged'
  | 'h5pUnknownContent'
  | 'h5pNotInLesson'
  | 'h5pScoreInvalid'
  | 'taskNone'
  | 'taskInvalid';

export interface RecordResult {
  accepted: string[];
  duplicates: string[];
  rejected: Array<{ index: number; id?: string; error: EventError }>;
}

interface ValidEvent {
  id: string;
  type: 'viewed' | 'completed' | 'time' | 'quiz_submitted' | 'h5p_result';
  lessonId: string;
  at: number;
  data?: Record<string, unknown>;
  lesson: LessonMeta;
  h5p?: H5pResultData;
}

/**
 * Stores a batch of a learner's progress events. Each event is checked on its own; the good
 * ones are stored even when others are refused (each refusal says why). Ids are the client's,
 * so a replayed batch is stored once. Quiz answers are graded here, never on the device.
 * An `h5p_result` (an H5P activity's score) is checked here too and also stored in h5p_results.
 * Events, quiz attempts, H5P results and the lesson_progress projection are written in one
 * transaction, shared with the batches of other requests arriving meanwhile (group-commit.ts).
 */
export async function recordProgressEvents(userId: string, input: unknown[], course: CourseModule[], now = Date.now()): Promise<RecordResult> {
  const lessons = new Map(allLessons(course).map((l) => [l.id, l]));
  const result: RecordResult = { accepted: [], duplicates: [], rejected: [] };
  const valid: ValidEvent[] = [];
  const seenInBatch = new Set<string>();
  const tasks: Array<{ index: number; id: string; lesson: LessonMeta; data: unknown; at: number }> = [];

  input.forEach((raw, index) => {
    const parsed = eventSchema.safeParse(raw);
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : undefined;
    const reject = (error: EventError) => result.rejected.push({ index, id: rawId, error });
    if (!parsed.success) return reject('eventMalformed');
    const event = parsed.data;
    if (event.userId !== undefined && event.userId !== userId) return reject('eventOtherUser');
    const lesson = lessons.get(event.lessonId);
    if (!lesson) return reject('eventUnknownLesson');
    if (!Number.isFinite(event.at)) return reject('eventMalformed');
    if (event.at > now + CLOCK_SKEW_MS) return reject('eventFuture');
    if (event.at < EARLIEST) return reject('eventTooOld');
    if (jsonLength(event.data ?? {}) > 4000) return reject('eventBadData');
    if (event.type === 'time') {
      const seconds = event.data?.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 24 * 3600) return reject('eventBadData');
    }
    let h5p: H5pResultData | undefined;
    if (event.type === 'h5p_result') {
      const data = h5pResultData.safeParse(event.data);
      if (!data.success) return reject('eventBadData');
      if (!(lesson.h5p ?? []).includes(data.data.contentId)) return reject('h5pNotInLesson');
      h5p = data.data;
    }
    if (seenInBatch.has(event.id)) {
      result.duplicates.push(event.id);
      return;
    }
    seenInBatch.add(event.id);
    if (event.type === 'task_submitted') {
      // A practical task kept on the phone: checked by the rules of the task form, stored as a
      // submission under the phone's id (not in the progress log, like the form's post).
      if (!lesson.task) return reject('taskNone');
      if (!parseTaskSubmission(event.data).ok) return reject('taskInvalid');
      tasks.push({ index, id: event.id, lesson, data: event.data, at: event.at });
      return;
    }
    valid.push({ id: event.id, type: event.type as ValidEvent['type'], lessonId: event.lessonId, at: event.at, data: event.data, lesson, h5p });
  });

  // H5P results only for contents that are imported (a deleted or never-imported id is refused),
  // with the maximum score the activity really has.
  const h5pIds = [...new Set(valid.flatMap((e) => (e.h5p ? [e.h5p.contentId] : [])))];
  if (h5pIds.length > 0) {
    const known = new Map(
      (
        await db()
          .select({ id: h5pContents.id, folder: h5pContents.folder, mainLibrary: h5pContents.mainLibrary })
          .from(h5pContents)
          .where(inArray(h5pContents.id, h5pIds))
      ).map((r) => [r.id, r]),
    );
    for (let i = valid.length - 1; i >= 0; i--) {
      const event = valid[i];
      if (!event.h5p) continue;
      const content = known.get(event.h5p.contentId);
      const error: EventError | undefined = !content
        ? 'h5pUnknownContent'
        : (await maxScoreMatches(content, event.h5p.maxScore))
          ? undefined
          : 'h5pScoreInvalid';
      if (error) {
        valid.splice(i, 1);
        const index = input.findIndex((raw) => (raw as { id?: unknown })?.id === event.id);
        result.rejected.push({ index, id: event.id, error });
      }
    }
    result.rejected.sort((a, b) => a.index - b.index);
  }

  for (const task of tasks) {
    const stored = await submitTask(userId, task.lesson, task.data, task.at, task.id);
    if (stored.ok) (stored.duplicate ? result.duplicates : result.accepted).push(task.id);
    else result.rejected.push({ index: task.index, id: task.id, error: stored.errors._form === 'eventIdTaken' ? 'eventIdTaken' : 'taskInvalid' });
  }
  if (tasks.length) result.rejected.sort((a, b) => a.index - b.index);

  if (valid.length === 0) return result;

  // Ids already stored: the same learner's are replays (fine); another learner's are refused.
  const existing = await db()
    .select({ id: progressEvents.id, userId: progressEvents.userId })
    .from(progressEvents)
    .where(
      inArray(
        progressEvents.id,
        valid.map((e) => e.id),
      ),
    );
  const owner = new Map(existing.map((row) => [row.id, row.userId]));

  const fresh: ValidEvent[] = [];
  const attempts: Array<typeof quizAttempts.$inferInsert> = [];
  const h5pRows: Array<typeof h5pResults.$inferInsert> = [];
  valid.forEach((event) => {
    const index = input.findIndex((raw) => (raw as { id?: unknown })?.id === event.id);
    if (owner.has(event.id)) {
      if (owner.get(event.id) === userId) result.duplicates.push(event.id);
      else result.rejected.push({ index, id: event.id, error: 'eventIdTaken' });
      return;
    }
    if (event.type === 'quiz_submitted') {
      const answers = event.data?.answers;
      const versions = event.data?.versions;
      const pairs: Array<[string, unknown]> =
        answers && typeof answers === 'object' && !Array.isArray(answers) ? Object.entries(answers as Record<string, unknown>) : [];
      // A number is an option position queued by the app before option ids (read through the
      // snapshot of the old order); strings are option ids.
      const grade = gradeQuiz(event.lesson.quiz, pairs, {
        legacyPositions: true,
        shownVersions: versions && typeof versions === 'object' && !Array.isArray(versions) ? (versions as Record<string, unknown>) : undefined,
      });
      if (!grade.ok) {
        // An item edited since the answers were given: say so (the entry stays on the phone, set aside with this reason).
        result.rejected.push({ index, id: event.id, error: grade.errors.some((e) => e.error === 'quizItemChanged') ? 'quizItemChanged' : 'quizInvalid' });
        return;
      }
      attempts.push({
        id: event.id,
        userId,
        lessonId: event.lessonId,
        kind: 'lesson',
        answers: grade.answers,
        itemVersions: grade.versions,
        score: grade.score,
        maxScore: grade.maxScore,
        pillarScores: grade.pillarScores,
        at: event.at,
      });
      event.data = { score: grade.score, maxScore: grade.maxScore };
    }
    if (event.h5p) {
      const { contentId, score, maxScore, verb, statement } = event.h5p;
      h5pRows.push({ id: event.id, userId, contentId, lessonId: event.lessonId, verb, score, maxScore, statement: statement ?? null, at: event.at });
      // The log keeps the score; the statement lives in h5p_results only.
      event.data = { contentId, score, maxScore, verb };
    }
    fresh.push(event);
  });
  if (fresh.length === 0) return result;

  const affected = [...new Set(fresh.map((e) => e.lessonId))].sort();
  const database = db();
  const insertEvents = database
    .insert(progressEvents)
    .values(fresh.map((e) => ({ id: e.id, userId, lessonId: e.lessonId, type: e.type, at: e.at, receivedAt: now, data: e.data ?? null })))
    .onConflictDoNothing()
    .returning({ id: progressEvents.id });
  // Shared with the batches of other requests arriving meanwhile: one transaction, one fsync
  // (group-commit.ts); answered only after the commit that holds these events.
  const inserted = await commitGrouped(
    {
      insert: insertEvents,
      alongside: [
        ...(attempts.length ? [database.insert(quizAttempts).values(attempts).onConflictDoNothing()] : []),
        ...(h5pRows.length ? [database.insert(h5pResults).values(h5pRows).onConflictDoNothing()] : []),
      ],
      after: new Map([[JSON.stringify([userId, affected]), database.run(projectLessonsSql(userId, affected))]]),
    },
    database,
  );
  const raced = fresh.filter((e) => !inserted.has(e.id));
  result.accepted.push(...fresh.filter((e) => inserted.has(e.id)).map((e) => e.id));
  if (raced.length) {
    // Stored by someone else between our check and our write: the same learner's (a replay
    // from another tab) is a duplicate; another learner's id is refused.
    const owners = await database
      .select({ id: progressEvents.id, userId: progressEvents.userId })
      .from(progressEvents)
      .where(
        inArray(
          progressEvents.id,
          raced.map((e) => e.id),
        ),
      );
    const ownerOf = new Map(owners.map((o) => [o.id, o.userId]));
    for (const event of raced) {
      if (ownerOf.get(event.id) === userId) result.duplicates.push(event.id);
      else result.rejected.push({ index: input.findIndex((raw) => (raw as { id?: unknown })?.id === event.id), id: event.id, error: 'eventIdTaken' });
    }
  }
  return result;
}

/**
 * lesson_progress recomputed from the whole log inside the same batch as the insert, so two
 * tabs syncing at once can never leave a stale projection. projectLesson() in
 * src/lib/learning/projection.ts is the definition; this SQL stays SQL because it must run inside
 * the insert's batch (atomic, one round trip, no read of the log into JavaScript). It takes its
 * constants (FINISHING, MAX_TIME_EVENT_SEC, MAX_INFERRED_SEC) from projection.ts, and
 * tests/integration/progress-record.test.ts checks on random logs that both give the same rows.
 */
export function projectLessonSql(userId: string, lessonId: string) {
  return projectLessonsSql(userId, [lessonId]);
}

/**
 * The same for several of one learner's lessons in one statement (one prepare, one pass over the
 * index): what a batch of events touching ten lessons needs, at a tenth of the statements.
 */
export function projectLessonsSql(userId: string, lessonIds: readonly string[]) {
  // The event types that finish a lesson come from projection.ts, so the two cannot disagree on them.
  const finishing = sql.raw([...FINISHING].map((t) => `'${t}'`).join(', '));
  return sql`
    INSERT INTO lesson_progress (user_id, lesson_id, module_id, status, first_viewed_at, last_active_at, completed_at, time_spent_sec)
    SELECT user_id, lesson_id, substr(lesson_id, 1, instr(lesson_id, '/') - 1),
      CASE WHEN min(CASE WHEN type IN (${finishing}) THEN at END) IS NULL THEN 'viewed' ELSE 'completed' END,
      min(CASE WHEN type <> 'time' THEN at END),
      max(at),
      min(CASE WHEN type IN (${finishing}) THEN at END),
      CASE
        WHEN sum(type = 'time' AND json_extract(data, '$.seconds') > 0) > 0
          -- the union of the spans [at - seconds, at] (elapsedReportedSec in projection.ts):
          -- each span, ordered by start, counts only past the furthest end of the spans before it
          THEN (SELECT round(coalesce(sum(max(0, span_end - max(span_start, coalesce(covered_to, span_start)))), 0) / 1000.0)
                FROM (SELECT span_start, span_end,
                             max(span_end) OVER (ORDER BY span_start, span_end ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
                      FROM (SELECT at - min(round(json_extract(data, '$.seconds')), ${MAX_TIME_EVENT_SEC}) * 1000 AS span_start, at AS span_end
                            FROM progress_events
                            WHERE user_id = pe.user_id AND lesson_id = pe.lesson_id AND type = 'time' AND json_extract(data, '$.seconds') > 0)))
        ELSE coalesce(max(0, min(round((min(CASE WHEN type IN (${finishing}) THEN at END) - min(CASE WHEN type <> 'time' THEN at END)) / 1000.0), ${MAX_INFERRED_SEC})), 0)
      END
    FROM progress_events AS pe
    WHERE pe.user_id = ${userId} AND pe.lesson_id IN ${lessonIds}
    GROUP BY pe.user_id, pe.lesson_id
    ON CONFLICT (user_id, lesson_id) DO UPDATE SET
      status = excluded.status,
      first_viewed_at = excluded.first_viewed_at,
      last_active_at = excluded.last_active_at,
      completed_at = excluded.completed_at,
      time_spent_sec = excluded.time_spent_sec`;
}
