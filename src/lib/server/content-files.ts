/**
 * The published course read straight from the MDX files in content/ (frontmatter only), for code
 * that runs outside Astro's build: the demo seed run by `npm start`, benchmarks and tests. The
 * server itself uses course() in content.ts, which Astro's content layer fills at build time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildCourse } from '../learning/curriculum';
import type { CourseModule, LessonMeta, ModuleMeta } from '../learning/types';

const ROOT = resolve(import.meta.dirname, '../../..');

export function courseFromContent(contentDir = join(ROOT, 'content'), { includeDrafts = false } = {}): CourseModule[] {
  const front = (file: string) => parseYaml(readFileSync(file, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/)![1]);
  const modules: ModuleMeta[] = [];
  const lessons: LessonMeta[] = [];
  for (const dir of readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const meta = front(join(contentDir, dir.name, 'index.md'));
    // As the content loader does: a pre/post item without its own pillar takes the pair's.
    const prePost = (meta.prePost ?? []).map((pair: ModuleMeta['prePost'][number]) => ({
      pillar: pair.pillar,
      pre: { ...pair.pre, pillar: pair.pre.pillar ?? pair.pillar },
      post: { ...pair.post, pillar: pair.post.pillar ?? pair.pillar },
    }));
    modules.push({ ...meta, prePost, id: dir.name });
    for (const file of readdirSync(join(contentDir, dir.name)).filter((f) => /^\d\d-.*\.mdx$/.test(f))) {
      const data = front(join(contentDir, dir.name, file));
      const slug = file.replace(/\.mdx$/, '');
      lessons.push({ ...data, id: `${dir.name}/${slug}`, module: dir.name, slug, draft: Boolean(data.draft), quiz: data.quiz ?? [] });
    }
  }
  return buildCourse(modules, lessons, { includeDrafts });
}
