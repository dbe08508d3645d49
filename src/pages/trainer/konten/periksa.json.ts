import type { APIRoute } from 'astro';
import { contentFromForm, formReader, orderOfSlug, problemSlot } from '../../../lib/authoring/editor-form';
import { checkContent } from '../../../lib/server/authoring/editor';
import { readForm } from '../../../lib/server/forms/read-form';

/**
 * The live content check (issue 19, item 4): the editor script posts the editor's form as the
 * trainer types; the answer is the same check the save runs, with each problem's field slot.
 * Nothing is saved. The body cap is this route's row in src/lib/body-limits.ts.
 */
export const POST: APIRoute = async ({ request, locals }) => {
  const read = await readForm(request, { locale: locals.locale });
  if (!read.ok) return Response.json({ error: read.message }, { status: read.status });
  const lesson = String(read.form.get('lesson') ?? '');
  const check = await checkContent(contentFromForm(formReader(read.form), orderOfSlug(lesson.split('/')[1] ?? ''), undefined, lesson || undefined));
  return Response.json({ ...check, problems: check.problems.map((p) => ({ ...p, slot: problemSlot(p.field) })) }, { headers: { 'cache-control': 'no-store' } });
};
