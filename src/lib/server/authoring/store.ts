import { db } from '@db/client';
import { authoredLessons, authoredModules, lessonProgress, lessonVersions, quizAttempts, users } from '@db/schema';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { diffLessonContent, reviseItemIds, type FieldChange, type LessonContent } from '../../authoring/lesson-content';
import type { AuthoredStatus } from '../../authoring/status';
import type { Pillar } from '../../learning/types';
import { bumpGeneration } from './generation';

/**
 * Browser-authored modules and lessons (issue 19): every save is a new version (append-only),
 * a save names the version it started from and is refused when someone saved since, a publish is
 * a version with a change note, a roll back publishes an old version's content again.
 */

export interface ModuleFields {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  order: number;
  pillars: Pillar[];
}

export interface VersionInfo {
  version: number;
  authorName: string | null;
  createdAt: number;
  note: string;
  published: boolean;
}

export const parseContent = (json: string): LessonContent => JSON.parse(json) as LessonContent;

export async function listAuthoredModules() {
  const [modules, lessons] = await Promise.all([
    db().select().from(authoredModules).orderBy(asc(authoredModules.order), asc(authoredModules.id)),
    db().select().from(authoredLessons).orderBy(asc(authoredLessons.id)),
  ]);
  return modules.map((m) => ({ ...m, lessons: lessons.filter((l) => l.moduleId === m.id) }));
}

export async function authoredModule(id: string) {
  const [module] = await db().select().from(authoredModules).where(eq(authoredModules.id, id));
  return module;
}

/** A new browser module; false when the id is taken (by a browser module; the caller checks built-in ids). */
export async function createModule(fields: ModuleFields & { copiedFrom?: string }, userId: string | null, now: number): Promise<boolean> {
  const inserted = await db()
    .insert(authoredModules)
    .values({ ...fields, copiedFrom: fields.copiedFrom ?? null, createdBy: userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: authoredModules.id });
  return inserted.length === 1;
}

export async function updateModule(fields: ModuleFields): Promise<void> {
  const { id, ...rest } = fields;
  await db().batch([db().update(authoredModules).set(rest).where(eq(authoredModules.id, id)), bumpGeneration(db(), { published: true })]);
}

/** A new lesson with its first version (a draft); false when the id is taken. */
export async function createLesson(id: string, moduleId: string, content: LessonContent, userId: string | null, now: number): Promise<boolean> {
  // One batch (no interactive transaction: a remote libSQL server takes batches). When the id is
  // taken both inserts do nothing (its version 1 exists too).
  const [inserted] = await db().batch([
    db()
      .insert(authoredLessons)
      .values({ id, moduleId, status: 'draft', draftVersion: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: authoredLessons.id }),
    db()
      .insert(lessonVersions)
      .values({ lessonId: id, version: 1, draft: JSON.stringify(content), authorId: userId, createdAt: now, note: '' })
      .onConflictDoNothing(),
    bumpGeneration(db(), { published: false }),
  ]);
  return inserted.length === 1;
}

export async function authoredLesson(id: string) {
  const [row] = await db().select().from(authoredLessons).where(eq(authoredLessons.id, id));
  if (!row) return undefined;
  const version = await lessonVersion(id, row.draftVersion);
  return version ? { ...row, content: version.content, savedBy: version.authorName, savedAt: version.createdAt } : undefined;
}

export async function lessonVersion(lessonId: string, version: number) {
  const [row] = await db()
    .select({
      draft: lessonVersions.draft,
      authorName: users.name,
      createdAt: lessonVersions.createdAt,
      note: lessonVersions.note,
      published: lessonVersions.published,
    })
    .from(lessonVersions)
    .leftJoin(users, eq(users.id, lessonVersions.authorId))
    .where(and(eq(lessonVersions.lessonId, lessonId), eq(lessonVersions.version, version)));
  return row
    ? { version, content: parseContent(row.draft), authorName: row.authorName, createdAt: row.createdAt, note: row.note, published: row.published }
    : undefined;
}

/** Every version of a lesson, newest first (author, time, note, published or not). */
export async function lessonHistory(lessonId: string): Promise<VersionInfo[]> {
  return db()
    .select({
      version: lessonVersions.version,
      authorName: users.name,
      createdAt: lessonVersions.createdAt,
      note: lessonVersions.note,
      published: lessonVersions.published,
    })
    .from(lessonVersions)
    .leftJoin(users, eq(users.id, lessonVersions.authorId))
    .where(eq(lessonVersions.lessonId, lessonId))
    .orderBy(desc(lessonVersions.version));
}

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'conflict'; savedBy: string | null; savedAt: number; version: number; changes: FieldChange[] };

/**
 * Saves a new version on top of `baseVersion`. Versions are numbered per lesson and the pair is
 * the primary key, so of two saves from the same base exactly one inserts; the other learns who
 * saved, when, and which fields they changed — nothing is overwritten.
 */
export async function saveDraft(
  lessonId: string,
  baseVersion: number,
  content: LessonContent,
  userId: string,
  now: number,
  options: { status?: AuthoredStatus; note?: string } = {},
): Promise<SaveResult> {
  const [row] = await db().select().from(authoredLessons).where(eq(authoredLessons.id, lessonId));
  if (!row) return { ok: false, reason: 'missing' };
  if (row.draftVersion !== baseVersion) return conflict(lessonId, baseVersion, row.draftVersion);
  const version = baseVersion + 1;
  const status = options.status ?? (row.status === 'published' ? 'published' : 'draft');
  // The version insert and the move of draft_version happen together or not at all; of two saves
  // from the same base, the second finds the version taken and changes nothing.
  const [inserted] = await db().batch([
    db()
      .insert(lessonVersions)
      .values({ lessonId, version, draft: JSON.stringify(content), authorId: userId, createdAt: now, note: options.note ?? '' })
      .onConflictDoNothing()
      .returning({ version: lessonVersions.version }),
    db()
      .update(authoredLessons)
      .set({ draftVersion: version, status, updatedAt: now })
      .where(and(eq(authoredLessons.id, lessonId), eq(authoredLessons.draftVersion, baseVersion))),
    bumpGeneration(db(), { published: false }),
  ]);
  if (inserted.length === 1) return { ok: true, version };
  return conflict(lessonId, baseVersion, version);
}

async function conflict(lessonId: string, baseVersion: number, current: number): Promise<SaveResult> {
  const [base, latest] = await Promise.all([lessonVersion(lessonId, baseVersion), lessonVersion(lessonId, current)]);
  return {
    ok: false,
    reason: 'conflict',
    savedBy: latest?.authorName ?? null,
    savedAt: latest?.createdAt ?? 0,
    version: current,
    changes: base && latest ? diffLessonContent(base.content, latest.content) : [],
  };
}

export async function setStatus(lessonId: string, status: AuthoredStatus, now: number): Promise<boolean> {
  const updated = await db()
    .update(authoredLessons)
    .set({ status, updatedAt: now })
    .where(eq(authoredLessons.id, lessonId))
    .returning({ id: authoredLessons.id });
  return updated.length === 1;
}

/** Item ids learners have answered in this lesson's quiz (any attempt). */
async function answeredItemIds(lessonId: string): Promise<Set<string>> {
  const rows = await db()
    .select({ key: sql<string>`je.key` })
    .from(sql`${quizAttempts}, json_each(${quizAttempts.answers}) AS je`)
    .where(and(eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.kind, 'lesson')))
    .groupBy(sql`je.key`);
  return new Set(rows.map((r) => r.key));
}

/** Every item id the lesson's published versions ever had (a new item version never reuses one). */
async function publishedItemIds(lessonId: string): Promise<Set<string>> {
  const rows = await db()
    .select({ draft: lessonVersions.draft })
    .from(lessonVersions)
    .where(and(eq(lessonVersions.lessonId, lessonId), eq(lessonVersions.published, true)));
  return new Set(rows.flatMap((r) => parseContent(r.draft).quiz.map((item) => item.id)));
}

export type PublishResult = { ok: true; version: number; renamed: Array<[string, string]> } | SaveResult;

/**
 * Publishes `content` (the draft at `baseVersion`, or an old version for a roll back) as a new
 * version with a change note, in one batch that also bumps the content generation. Items
 * learners answered that changed meaning get a new id first (reviseItemIds).
 */
export async function publish(
  lessonId: string,
  baseVersion: number,
  content: LessonContent,
  note: string,
  userId: string,
  now: number,
): Promise<PublishResult> {
  const [row] = await db().select().from(authoredLessons).where(eq(authoredLessons.id, lessonId));
  if (!row) return { ok: false, reason: 'missing' };
  if (row.draftVersion !== baseVersion) return conflict(lessonId, baseVersion, row.draftVersion);
  const live = row.publishedVersion ? await lessonVersion(lessonId, row.publishedVersion) : undefined;
  const [answered, taken] = await Promise.all([answeredItemIds(lessonId), publishedItemIds(lessonId)]);
  const quiz = live ? reviseItemIds(live.content.quiz, content.quiz, answered, taken) : content.quiz;
  const renamed = content.quiz.flatMap((item, i): Array<[string, string]> => (item.id === quiz[i].id ? [] : [[item.id, quiz[i].id]]));
  const revised = { ...content, quiz };
  const version = baseVersion + 1;
  const [inserted] = await db().batch([
    db()
      .insert(lessonVersions)
      .values({ lessonId, version, draft: JSON.stringify(revised), authorId: userId, createdAt: now, note, published: true })
      .onConflictDoNothing()
      .returning({ version: lessonVersions.version }),
    db()
      .update(authoredLessons)
      .set({ draftVersion: version, publishedVersion: version, status: 'published', updatedAt: now })
      .where(and(eq(authoredLessons.id, lessonId), eq(authoredLessons.draftVersion, baseVersion))),
    bumpGeneration(db(), { published: true }),
  ]);
  const done = inserted.length === 1;
  if (!done) return conflict(lessonId, baseVersion, version);
  return { ok: true, version, renamed };
}

/** Whether any learner has opened, answered or finished the lesson. */
export async function lessonHasLearners(lessonId: string): Promise<boolean> {
  const [progress, attempts] = await Promise.all([
    db()
      .select({ one: sql<number>`1` })
      .from(lessonProgress)
      .where(eq(lessonProgress.lessonId, lessonId))
      .limit(1),
    db()
      .select({ one: sql<number>`1` })
      .from(quizAttempts)
      .where(eq(quizAttempts.lessonId, lessonId))
      .limit(1),
  ]);
  return progress.length > 0 || attempts.length > 0;
}

/**
 * "Hapus": a lesson with learners in it is archived (learners' records keep their lesson; it
 * leaves the course), one without is deleted with its versions.
 */
export async function removeLesson(lessonId: string, now: number): Promise<'archived' | 'deleted' | 'missing'> {
  const [row] = await db().select().from(authoredLessons).where(eq(authoredLessons.id, lessonId));
  if (!row) return 'missing';
  if (row.publishedVersion !== null || (await lessonHasLearners(lessonId))) {
    await db().batch([
      db().update(authoredLessons).set({ status: 'archived', updatedAt: now }).where(eq(authoredLessons.id, lessonId)),
      bumpGeneration(db(), { published: true }),
    ]);
    return 'archived';
  }
  await db().batch([
    db().delete(lessonVersions).where(eq(lessonVersions.lessonId, lessonId)),
    db().delete(authoredLessons).where(eq(authoredLessons.id, lessonId)),
    bumpGeneration(db(), { published: false }),
  ]);
  return 'deleted';
}

/** The published lessons (content of their published version) and modules, for course(). */
export async function publishedAuthored() {
  const [modules, lessons, versions] = await Promise.all([
    db().select().from(authoredModules),
    db().select().from(authoredLessons).where(eq(authoredLessons.status, 'published')),
    db()
      .select({ lessonId: lessonVersions.lessonId, version: lessonVersions.version, draft: lessonVersions.draft })
      .from(lessonVersions)
      .innerJoin(authoredLessons, eq(authoredLessons.id, lessonVersions.lessonId))
      .where(and(eq(lessonVersions.published, true), eq(authoredLessons.status, 'published')))
      .orderBy(asc(lessonVersions.version)),
  ]);
  return {
    modules,
    lessons: lessons.map((l) => {
      const own = versions.filter((v) => v.lessonId === l.id).map((v) => ({ version: v.version, content: parseContent(v.draft) }));
      return { id: l.id, version: l.publishedVersion ?? 0, published: own };
    }),
  };
}

/** The current drafts of every lesson not archived (the trainers' preview course). */
export async function draftAuthored() {
  const rows = await db()
    .select({ id: authoredLessons.id, version: authoredLessons.draftVersion, status: authoredLessons.status, draft: lessonVersions.draft })
    .from(authoredLessons)
    .innerJoin(lessonVersions, and(eq(lessonVersions.lessonId, authoredLessons.id), eq(lessonVersions.version, authoredLessons.draftVersion)))
    .where(sql`${authoredLessons.status} <> 'archived'`);
  return rows.map((r) => ({ id: r.id, version: r.version, status: r.status, content: parseContent(r.draft) }));
}
