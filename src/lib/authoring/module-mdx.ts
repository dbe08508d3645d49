import { stringify } from 'yaml';
import type { LessonContent } from './lesson-content';
import type { Pillar } from '../learning/types';

/**
 * A module file (export/import, issue 19) as the files of content/: `<module>/index.md` and one
 * `<module>/NN-slug.mdx` per lesson, frontmatter in the shape src/lib/learning/schema.ts reads and
 * the body below it, so `npm run content:check` and the build accept a module proven in the field
 * as part of the built-in curriculum. Pure: the CLI writes the files.
 */
export interface ModuleForFiles {
  module: { id: string; title: string; titleEn: string; summary: string; order: number; pillars: Pillar[] };
  lessons: Array<{ slug: string; content: LessonContent }>;
}

const frontmatter = (data: Record<string, unknown>) => `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n`;

export function moduleFiles(file: ModuleForFiles): Array<{ path: string; text: string }> {
  const { module, lessons } = file;
  const index = frontmatter({
    title: module.title,
    titleEn: module.titleEn,
    summary: module.summary,
    order: module.order,
    pillars: module.pillars,
    minutes: lessons.reduce((sum, l) => sum + l.content.minutes, 0) || 1,
  });
  return [
    { path: `${module.id}/index.md`, text: index },
    ...lessons.map(({ slug, content }) => {
      const { body, order, task, ...rest } = content;
      const data = { module: module.id, order, ...rest, ...(task ? { task: JSON.parse(JSON.stringify(task)) as unknown } : {}) };
      return { path: `${module.id}/${slug}.mdx`, text: `${frontmatter(data)}\n${body.trim()}\n` };
    }),
  ];
}
