import type { BatchItem } from 'drizzle-orm/batch';
import { db, type Database } from '@db/client';

/**
 * Group commit for progress batches (issue 20). SQLite commits one transaction at a time and,
 * with `synchronous=FULL`, every commit waits for an fsync of the WAL; one commit per request
 * capped the progress API near the disk's commits per second. Here the batches that arrive
 * while the database is busy share ONE transaction and ONE fsync:
 *
 * - a request hands over its statements (already validated and deduplicated by
 *   recordProgressEvents, exactly as before) and waits;
 * - the first waiter schedules a flush for the end of this turn of the event loop; every batch
 *   that arrives until the flush starts joins it; batches arriving during a flush join the next;
 * - a flush runs every request's statements, then each affected lesson's projection once, in one
 *   drizzle batch (one transaction), and answers each request only after that commit;
 * - if the group's transaction fails (nothing of it is stored: it rolls back whole), each request
 *   of the group is written again on its own, so one bad batch (a learner erased meanwhile, an
 *   H5P content deleted meanwhile) fails alone and never takes its neighbours with it.
 *
 * One flush at a time: SQLite has one writer anyway, and the next group grows while this one
 * commits.
 */
export interface GroupWrite {
  /** The insert whose RETURNING rows (`id`) say which of this request's events were stored. */
  insert: BatchItem<'sqlite'>;
  /** The request's other statements (quiz attempts, H5P results), right after its insert. */
  alongside: Array<BatchItem<'sqlite'>>;
  /**
   * Statements run once per group after every request's writes, keyed so that two requests
   * needing the same one (the projection of one learner's lesson) run it once.
   */
  after: Map<string, BatchItem<'sqlite'>>;
}

interface Waiting {
  write: GroupWrite;
  resolve: (inserted: Set<string>) => void;
  reject: (error: unknown) => void;
}

/** A bound on one transaction's size, so one flush never holds the writer for long. */
export const MAX_GROUP = 100;

let queue: Waiting[] = [];
let flushing = false;
const stats = { groups: 0, writes: 0, largest: 0, retried: 0 };

/** How many groups and writes were committed so far in this process (for benchmarks and tests). */
export function groupCommitStats(): Readonly<typeof stats> {
  return { ...stats };
}

/**
 * Writes one request's statements in the next group commit; resolves, after that commit, with
 * the ids its insert returned (the events it stored; the others were stored before, by a replay
 * or a neighbour in the same group).
 */
export function commitGrouped(write: GroupWrite, database: Database = db()): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    queue.push({ write, resolve, reject });
    if (!flushing && queue.length === 1) setImmediate(() => void flushAll(database));
  });
}

async function flushAll(database: Database): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      await commitGroup(group, database);
    }
  } finally {
    flushing = false;
  }
}

async function commitGroup(group: Waiting[], database: Database): Promise<void> {
  stats.groups++;
  stats.writes += group.length;
  stats.largest = Math.max(stats.largest, group.length);
  try {
    const inserted = await writeTogether(
      group.map((w) => w.write),
      database,
    );
    group.forEach((w, i) => w.resolve(inserted[i]));
  } catch (error) {
    if (group.length === 1) return group[0].reject(error);
    // The group's transaction rolled back whole: each request on its own, so only the failing one fails.
    stats.retried += group.length;
    for (const waiting of group) {
      try {
        const [inserted] = await writeTogether([waiting.write], database);
        waiting.resolve(inserted);
      } catch (own) {
        waiting.reject(own);
      }
    }
  }
}

/** Every write's statements, then the shared ones, in one batch (one transaction, one commit). */
async function writeTogether(writes: GroupWrite[], database: Database): Promise<Array<Set<string>>> {
  const after = new Map<string, BatchItem<'sqlite'>>();
  for (const write of writes) for (const [key, statement] of write.after) if (!after.has(key)) after.set(key, statement);
  const [first, ...rest] = [...writes.flatMap((w) => [w.insert, ...w.alongside]), ...after.values()];
  if (first === undefined) return [];
  const results = await database.batch([first, ...rest]);
  let at = 0;
  return writes.map((write) => {
    const ids = returnedIds(results[at]);
    at += 1 + write.alongside.length;
    return ids;
  });
}

function returnedIds(result: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(result)) return ids;
  for (const row of result) if (row !== null && typeof row === 'object' && 'id' in row && typeof row.id === 'string') ids.add(row.id);
  return ids;
}
