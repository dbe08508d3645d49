import { join } from 'node:path';
import { courseFromDisk } from '../../src/lib/learning/load-from-disk';
import { ROOT } from './server';

/**
 * The fields a real approval carries since issue 14: a rubric level and every mentor check of the
 * lesson's task ticked (as one `checks` list; the page sends repeated `check` boxes).
 */
export function approvalFields(lessonId: string): Record<string, string> {
  const lesson = courseFromDisk(join(ROOT, 'content'), { includeDrafts: true })
    .flatMap((m) => m.lessons)
    .find((l) => l.id === lessonId);
  const checks = lesson?.task?.mentorChecks ?? [];
  return { rubricLevel: '3', checks: checks.map((_, i) => i).join(',') };
}
