import type { Dictionary } from '../../../i18n/id';
import { checkLessonDraft, type DraftCheck } from '../../authoring/draft';
import { blankItem, contentFromForm, itemCount, orderOfSlug, type FormReader } from '../../authoring/editor-form';
import type { LessonContent } from '../../authoring/lesson-content';
import { jakartaDateTime } from '../../wib';
import { listH5pContents } from '../h5p/import';
import { authoredLesson, lessonVersion, publish, removeLesson, saveDraft, setStatus, type SaveResult } from './store';

/**
 * What the lesson editor's buttons do (issue 19): each post names its `intent`. Saving and
 * publishing run the content check first and change nothing when it finds an error; a stale save
 * or publish is told who saved what instead of overwriting it.
 */
export const EDITOR_INTENTS = ['save', 'add-item', 'review', 'publish', 'rollback', 'remove', ...Array.from({ length: 10 }, (_, i) => `remove-item-${i}`)];

export async function knownH5pIds(): Promise<Set<string>> {
  return new Set((await listH5pContents()).map((c) => c.id));
}

export async function checkContent(content: LessonContent): Promise<DraftCheck> {
  return checkLessonDraft(content, { knownH5pIds: await knownH5pIds() });
}

export type EditorOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'form'; status: number; content: LessonContent; base: number; check?: DraftCheck; message: string; error: boolean };

/** "Disimpan oleh Bu Rina pukul 09:15 WIB: judul, soal tanya" — the stale-save message. */
export function conflictMessage(d: Dictionary, result: Extract<SaveResult, { reason: 'conflict' }>): string {
  const fields = [...new Set(result.changes.map((c) => c.field.split('.').slice(0, 2).join(' ')))].join(', ');
  return d.autConflict(result.savedBy ?? d.autSomeone, jakartaDateTime(result.savedAt).slice(11, 16), fields || d.autNoFieldChanged);
}

export async function handleEditorPost(
  lessonId: string,
  form: FormReader,
  intent: string,
  userId: string,
  now: number,
  d: Dictionary,
): Promise<EditorOutcome | undefined> {
  const lesson = await authoredLesson(lessonId);
  if (!lesson) return undefined;
  const base = Number(form.get('base'));
  const here = `/trainer/konten/${lessonId}`;
  const order = orderOfSlug(lessonId.split('/')[1] ?? '');
  const fail = (status: number, content: LessonContent, message: string, check?: DraftCheck, at = base): EditorOutcome => ({
    kind: 'form',
    status,
    content,
    base: at,
    check,
    message,
    error: true,
  });
  const refused = (result: SaveResult, content: LessonContent): EditorOutcome =>
    result.ok
      ? { kind: 'redirect', to: here }
      : result.reason === 'missing'
        ? fail(404, content, d.autLessonNotFound)
        : fail(409, content, conflictMessage(d, result), undefined, result.version);

  if (intent === 'save' || intent === 'add-item' || intent.startsWith('remove-item-')) {
    const drop = intent.startsWith('remove-item-') ? Number(intent.slice('remove-item-'.length)) : undefined;
    const content = contentFromForm(form, order, drop, lessonId);
    if (intent === 'add-item') {
      content.quiz.push(blankItem(itemCount(form) + 1, content.pillars[0] ?? 'cakap', lessonId));
      return { kind: 'form', status: 200, content, base, message: '', error: false };
    }
    if (drop !== undefined) return { kind: 'form', status: 200, content, base, message: '', error: false };
    const check = await checkContent(content);
    if (!check.ok) return fail(422, content, d.autNotSaved, check);
    const saved = await saveDraft(lessonId, base, content, userId, now);
    return saved.ok ? { kind: 'redirect', to: `${here}?disimpan=${saved.version}` } : refused(saved, content);
  }
  if (intent === 'review' || intent === 'publish') {
    const check = await checkContent(lesson.content);
    if (!check.ok) return fail(422, lesson.content, d.autNotPublishable, check, lesson.draftVersion);
    if (intent === 'review') {
      if (base !== lesson.draftVersion) return refused(await saveDraft(lessonId, base, lesson.content, userId, now), lesson.content);
      await setStatus(lessonId, 'review', now);
      return { kind: 'redirect', to: `${here}?ditinjau=1` };
    }
    const note = form.get('note').trim().slice(0, 300);
    if (!note) return fail(422, lesson.content, d.autPublishNoteMissing, undefined, lesson.draftVersion);
    const done = await publish(lessonId, base, lesson.content, note, userId, now);
    if (!done.ok) return refused(done, lesson.content);
    return { kind: 'redirect', to: `${here}?terbit=${'version' in done ? done.version : ''}` };
  }
  if (intent === 'rollback') {
    const version = Number(form.get('version'));
    const old = Number.isSafeInteger(version) ? await lessonVersion(lessonId, version) : undefined;
    if (!old) return fail(404, lesson.content, d.autLessonNotFound, undefined, lesson.draftVersion);
    const check = await checkContent(old.content);
    if (!check.ok) return fail(422, lesson.content, d.autNotPublishable, check, lesson.draftVersion);
    const done = await publish(lessonId, base, old.content, d.autRollbackNote(version), userId, now);
    if (!done.ok) return refused(done, lesson.content);
    return { kind: 'redirect', to: `${here}?terbit=${'version' in done ? done.version : ''}` };
  }
  if (intent === 'remove') {
    const result = await removeLesson(lessonId, now);
    return { kind: 'redirect', to: `/trainer/konten/${lessonId.split('/')[0]}?${result === 'archived' ? 'diarsipkan' : 'dihapus'}=1` };
  }
  return fail(400, lesson.content, d.formIntentUnknown, undefined, lesson.draftVersion);
}
