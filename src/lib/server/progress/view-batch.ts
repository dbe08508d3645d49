/**
 * Lesson views written in batches (issue 20). Opening a lesson page records a `viewed` event; the
 * learner is never told it was saved, so it need not wait for its own commit and fsync. Views
 * wait here in memory and are written together, in one transaction with the lesson_progress
 * projection of every (learner, lesson) they touch:
 *
 * - at the latest FLUSH_MS after the first one waiting,
 * - at once when MAX_WAITING are waiting,
 * - at once when something reads the learner's progress rows (progressByLesson(),
 *   lastTouchedLesson() in queries.ts: the learner's home, a mentor's page of them), so what is
 *   shown of a learner's progress includes every view already made; the lesson page itself
 *   never waits (a view changes nothing it shows),
 * - and when the server stops (SIGTERM/SIGINT, src/server/main.ts).
 *
 * What a crash (SIGKILL, power cut) can lose: the views of at most the last FLUSH_MS, only views.
 * Everything a learner is told was saved (quiz, task, "Selesai", POST /api/progress) is written
 * by recordProgressEvents() before the answer, as before. A batch the database refuses (full
 * disk, read-only file) is dropped and logged: a lesson must stay readable when views cannot be
 * written.
 */
import { db } from '@db/client';
import { progressEvents } from '@db/schema';
import { onBeforeExit } from '../before-exit';
import { projectLessonSql } from './record';

export const FLUSH_MS = 100;
export const MAX_WAITING = 500;

interface View {
  id: string;
  userId: string;
  lessonId: string;
  at: number;
}

let waiting: View[] = [];
/** Views per learner not yet committed: waiting here or in the write under way. */
const unwritten = new Map<string, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let writing: Promise<void> = Promise.resolve();

onBeforeExit(flushViews);

/** Queues a learner's view of a lesson (a server-made event id: one view per page load). */
export function queueView(userId: string, lessonId: string, at = Date.now()): void {
  waiting.push({ id: crypto.randomUUID(), userId, lessonId, at });
  unwritten.set(userId, (unwritten.get(userId) ?? 0) + 1);
  if (waiting.length >= MAX_WAITING) void flushViews();
  else timer ??= setTimeout(() => void flushViews(), FLUSH_MS);
}

/** Resolves once every view of this learner made so far is committed (at once when none waits). */
export async function viewsWritten(userId: string): Promise<void> {
  if (unwritten.has(userId)) await flushViews();
}

/** Writes every waiting view; resolves once they are committed (or dropped after a refusal). */
export function flushViews(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const views = waiting;
  waiting = [];
  // One write at a time, in order: a later flush waits for the one before it (and so for every view queued before it).
  writing = writing.then(async () => {
    if (views.length === 0) return;
    await writeViews(views);
    for (const view of views) {
      const left = (unwritten.get(view.userId) ?? 1) - 1;
      if (left > 0) unwritten.set(view.userId, left);
      else unwritten.delete(view.userId);
    }
  });
  return writing;
}

async function writeViews(views: View[]): Promise<void> {
  try {
    await writeBatch(views);
  } catch {
    // One learner's refused row (an account erased meanwhile) must not drop everyone's views:
    // each learner's views on their own, and what the database still refuses is dropped.
    const byUser = new Map<string, View[]>();
    for (const view of views) byUser.set(view.userId, [...(byUser.get(view.userId) ?? []), view]);
    for (const [userId, own] of byUser) {
      await writeBatch(own).catch((error: unknown) => console.error(`[melek] ${own.length} lesson view(s) of ${userId} not written:`, error));
    }
  }
}

async function writeBatch(views: View[]): Promise<void> {
  const database = db();
  const receivedAt = Date.now();
  const pairs = new Map(views.map((v) => [`${v.userId}\u0000${v.lessonId}`, v]));
  await database.batch([
    database
      .insert(progressEvents)
      .values(views.map((v) => ({ id: v.id, userId: v.userId, lessonId: v.lessonId, type: 'viewed' as const, at: v.at, receivedAt, data: null })))
      .onConflictDoNothing(),
    ...[...pairs.values()].map((v) => database.run(projectLessonSql(v.userId, v.lessonId))),
  ]);
}
