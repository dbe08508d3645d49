import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCourse } from './curriculum';
import { lessonSchema, moduleSchema } from './schema';
import type { CourseModule, LessonMeta, ModuleMeta } from './types';

/**
 * The curriculum read straight from the content folder, for the CLI tools and the tests (under
 * vitest Astro's content store is empty, see STACK-NOTES). Same schemas and the same shaping as
 * src/lib/server/content.ts, so the items are the ones learners are graded on.
 */
export function courseFromDisk(folder: string, options: { includeDrafts?: boolean } = {}): CourseModule[] {
  const modules: ModuleMeta[] = [];
  const lessons: LessonMeta[] = [];
  for (const dir of readdirSync(folder, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const base = join(folder, dir.name);
    for (const file of readdirSync(base).sort()) {
      const text = readFileSync(join(base, file), 'utf8').replace(/\r\n/g, '\n');
      const match = text.match(/^---\n([\s\S]*?)\n---/);
      if (!match) continue;
      const data = parse(match[1]);
      if (file === 'index.md') {
        modules.push(toModuleMeta(dir.name, moduleSchema.parse(data)));
      } else if (/^\d\d-.+\.mdx$/.test(file)) {
        const slug = file.replace(/\.mdx$/, '');
        const parsed = lessonSchema.parse(data);
        lessons.push({ ...parsed, id: `${dir.name}/${slug}`, module: dir.name, slug, bodyLength: text.length - match[0].length });
      }
    }
  }
  return buildCourse(modules, lessons, options);
}

export function toModuleMeta(id: string, data: ReturnType<typeof moduleSchema.parse>): ModuleMeta {
  return {
    id,
    ...data,
    prePost: data.prePost.map((pair) => ({
      pillar: pair.pillar,
      a: { ...pair.a, pillar: pair.a.pillar ?? pair.pillar },
      b: { ...pair.b, pillar: pair.b.pillar ?? pair.pillar },
    })),
  } as ModuleMeta;
}
