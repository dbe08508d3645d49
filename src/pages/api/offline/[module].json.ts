import type { APIRoute } from 'astro';
import { t } from '../../../i18n';
import { course, courseWithDrafts } from '../../../lib/server/content';
import { json } from '../../../lib/server/http';
import { moduleOfflineManifest } from '../../../lib/learning/offline-manifest';
import { offlineInputs } from '../../../lib/server/offline-inputs';

/**
 * GET /api/offline/<module>.json: what "Simpan untuk offline" downloads for a module (URLs and
 * estimated sizes; see src/lib/learning/offline-manifest.ts). Learners get published lessons; trainers (preview) also
 * drafts. Personal (the pages are the learner's own), so never stored by a shared cache.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const { user, locale } = locals;
  const d = t(locale);
  if (!user) return json({ error: d.loginTitle }, 401);
  if (user.role !== 'learner' && user.role !== 'trainer') return json({ error: d.forbiddenBody }, 403);
  const modules = user.role === 'learner' ? await course() : await courseWithDrafts();
  const module = modules.find((m) => m.id === params.module);
  if (!module) return json({ error: d.notFoundTitle }, 404);
  return json(moduleOfflineManifest(module, await offlineInputs(module)), 200, { 'cache-control': 'private, no-store' });
};
