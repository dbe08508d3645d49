/**
 * The published course read straight from the MDX files in content/ (frontmatter only), for code
 * that runs outside Astro's build: the demo seed run by `npm start`, benchmarks and tests. The
 * server itself uses course() in content.ts, which Astro's content layer fills at build time.
 * One loader: the same schemas and shaping as src/lib/learning/load-from-disk.ts.
 */
import { join, resolve } from 'node:path';
import { courseFromDisk } from '../learning/load-from-disk';
import type { CourseModule } from '../learning/types';

const ROOT = resolve(import.meta.dirname, '../../..');

export function courseFromContent(contentDir = join(ROOT, 'content'), { includeDrafts = false } = {}): CourseModule[] {
  return courseFromDisk(contentDir, { includeDrafts });
}
