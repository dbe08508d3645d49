import { posix } from 'node:path';
import type { ZodTypeAny } from 'astro/zod';
import { lessonSchema, moduleSchema } from '../learning/schema';
import { PILLARS } from '../learning/types';
import { parseYaml, splitFrontmatter, normalizeText, type ParsedYaml } from './frontmatter';
import { analyzeBody, countWords, type BodyAnalysis } from './mdx';
import { GUIDANCE_MARKER, m } from './messages';
import { fencedBlocks } from './readme';
import { imageRules, linkRules, type LessonIndex } from './references';
import { guidanceRule, itemQualityRules, lessonQuizItems, lessonShapeRules, pageWeightRule, quizRules, readingTimeRules, type RuleProblem } from './rules';
import { recapRule } from './recap';
import { freshnessRule, lessonKey } from './freshness';
import { slugify, translateIssues } from './schema-issues';
import { repeats, type PlainItem } from './item-quality';
import type { ContentSnapshot, Problem, Severity, YamlPath } from './types';

/**
 * `npm run content:check`, without the disk: takes a snapshot of the content folder and returns
 * every problem with its file and line. Never throws; a file the checks cannot understand becomes
 * one readable problem for that file.
 */
export interface CheckResult {
  problems: Problem[];
  modules: number;
  lessons: number;
  examples: number;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const LESSON_FILE = /^(\d\d)-(.+)\.mdx$/;

class Sink {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  add(line: number, severity: Severity, code: string, message: string) {
    this.problems.push({ file: this.file, line, severity, code, message });
  }
  addAll(problems: RuleProblem[]) {
    for (const p of problems) this.add(p.line, p.severity, p.code, p.message);
  }
}

interface Frontmatter {
  data?: Raw;
  yaml?: ParsedYaml;
  /** File line of the opening `---` (1 when there is none). */
  openLine: number;
  body: string;
  bodyStartLine: number;
  lineOf: (path: YamlPath) => number;
}

/** Splits and parses a frontmatter whose text starts on file line `firstLine`, reporting what is broken. */
function readFrontmatter(text: string, firstLine: number, kind: 'lesson' | 'module', sink: Sink): Frontmatter | undefined {
  const split = splitFrontmatter(text);
  const shift = firstLine - 1;
  if (split.kind === 'none') {
    sink.add(firstLine, 'error', 'no-frontmatter', kind === 'lesson' ? m.noFrontmatter() : m.noModuleFrontmatter());
    return { openLine: firstLine, body: split.body, bodyStartLine: firstLine, lineOf: () => firstLine };
  }
  if (split.kind === 'unclosed') {
    sink.add(split.openLine + shift, 'error', 'unclosed-frontmatter', m.unclosedFrontmatter());
    return undefined;
  }
  const openLine = split.openLine + shift;
  const base: Frontmatter = { openLine, body: split.body, bodyStartLine: split.bodyStartLine + shift, lineOf: () => openLine };
  const yaml = parseYaml(split.yaml, openLine + 1);
  if (yaml.issues.length) {
    const seen = new Set<number>();
    for (const issue of yaml.issues) {
      if (seen.has(issue.line) || seen.size >= 3) continue;
      seen.add(issue.line);
      sink.add(issue.line, 'error', 'yaml', m.yaml(issue.code));
    }
    return base;
  }
  if (yaml.data === null || yaml.data === undefined) {
    sink.add(openLine, 'error', 'empty-frontmatter', m.emptyFrontmatter());
    return base;
  }
  if (!isObject(yaml.data)) {
    sink.add(openLine + 1, 'error', 'frontmatter-not-map', m.notAMap());
    return base;
  }
  for (const comment of yaml.trailingComments) {
    const key = comment.path.filter((p) => typeof p === 'string').pop() as string | undefined;
    const lineText = text.split('\n')[comment.line - shift - 1] ?? '';
    if (key && !lineText.includes(GUIDANCE_MARKER)) sink.add(comment.line, 'warning', 'yaml-comment', m.trailingComment(key));
  }
  return { ...base, data: yaml.data, yaml, lineOf: (path) => (path.length ? yaml.lineOf(path) : openLine) };
}

/** Schema problems (in Indonesian) plus the quiz rules, for a lesson or module frontmatter. */
function schemaProblems(fm: Frontmatter, schema: ZodTypeAny, quizItems: Array<{ item: unknown; at: YamlPath }>, sink: Sink) {
  if (!fm.data || !fm.yaml) return;
  const { problems, claimed } = quizRules(quizItems, fm.lineOf);
  sink.addAll(problems);
  const parsed = schema.safeParse(fm.data);
  if (parsed.success) return;
  for (const p of translateIssues(parsed.error.issues, fm.data, schema, fm.yaml, fm.openLine, claimed)) {
    sink.add(p.line, 'error', p.code, p.message);
  }
}

interface LessonRecord {
  file: string;
  folder: string;
  slug: string;
  id: string;
  prefix: number;
  fm?: Frontmatter;
  analysis?: BodyAnalysis;
  sink: Sink;
}

interface ModuleRecord {
  file: string;
  folder: string;
  fm?: Frontmatter;
  sink: Sink;
}

const quizItemsOf = (data: Raw | undefined) => (data && Array.isArray(data.quiz) ? data.quiz.filter(isObject) : []);

/** Checks one lesson text on its own (frontmatter, quiz, body). Used for files and for README examples. */
async function checkLessonText(text: string, firstLine: number, sink: Sink, snapshot: ContentSnapshot) {
  const fm = readFrontmatter(text, firstLine, 'lesson', sink);
  if (fm?.data) {
    schemaProblems(fm, lessonSchema, lessonQuizItems(fm.data.quiz), sink);
    sink.addAll(lessonShapeRules(fm.data, fm.lineOf, fm.openLine));
  }
  sink.addAll(guidanceRule(normalizeText(text), firstLine));
  const analysis = fm ? await analyzeBody(fm.body, fm.bodyStartLine, snapshot.components) : undefined;
  if (analysis) for (const p of analysis.problems) sink.add(p.line, p.severity, p.code, p.message);
  return { fm, analysis };
}

async function checkModuleText(text: string, firstLine: number, sink: Sink) {
  const fm = readFrontmatter(text, firstLine, 'module', sink);
  if (fm?.data) {
    const prePost = Array.isArray(fm.data.prePost) ? fm.data.prePost : [];
    const items = prePost.flatMap((pair, i) =>
      isObject(pair)
        ? (['a', 'b'] as const).filter((side) => pair[side] !== undefined).map((side) => ({ item: pair[side], at: ['prePost', i, side] as YamlPath }))
        : [],
    );
    schemaProblems(fm, moduleSchema, items, sink);
  }
  sink.addAll(guidanceRule(normalizeText(text), firstLine));
  return fm;
}

export async function checkContent(snapshot: ContentSnapshot): Promise<CheckResult> {
  const root = snapshot.root.replace(/\/+$/, '');
  const folderSink = new Sink(root || '.');
  const sinks: Sink[] = [folderSink];
  const modules: ModuleRecord[] = [];
  const lessons: LessonRecord[] = [];
  let readme: { file: string; text: string } | undefined;

  const guard = async (sink: Sink, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const detail = String((error as Error)?.message ?? error)
        .split('\n')[0]
        .slice(0, 160);
      sink.add(1, 'error', 'unexpected', m.unexpected(detail));
    }
  };

  // 1. Sort the files into modules, lessons, the guide, and files the app would ignore.
  const files = [...snapshot.files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files) {
    const rel = root ? posix.relative(root, file.path) : file.path;
    const parts = rel.split('/');
    const name = parts[parts.length - 1];
    const isText = /\.mdx?$/i.test(name);
    const sink = new Sink(file.path);
    if (file.error && isText) {
      sink.add(1, 'error', 'unreadable', m.unreadable(file.error));
      sinks.push(sink);
      continue;
    }
    if (parts.length === 1) {
      if (name === 'README.md' && file.text !== undefined) readme = { file: file.path, text: file.text };
      else if (isText) sink.add(1, 'warning', 'stray-file', m.strayFile(rel));
    } else if (parts.length === 2) {
      if (name === 'index.md') modules.push({ file: file.path, folder: parts[0], sink });
      else {
        const match = name.match(LESSON_FILE);
        if (match)
          lessons.push({
            file: file.path,
            folder: parts[0],
            slug: name.replace(/\.mdx$/, ''),
            id: `${parts[0]}/${name.replace(/\.mdx$/, '')}`,
            prefix: Number(match[1]),
            sink,
          });
        else if (/^\d\d-.+\.md$/i.test(name)) sink.add(1, 'warning', 'lesson-md', m.lessonMdNotMdx(name));
        else if (isText) sink.add(1, 'warning', 'lesson-name', m.lessonNameNotLoaded(name));
      }
    } else if (isText) sink.add(1, 'warning', 'stray-file', m.strayFile(rel));
    sinks.push(sink);
  }
  const textOf = new Map(files.map((f) => [f.path, f.text ?? '']));
  const moduleIds = new Set(modules.map((mod) => mod.folder));
  const index: LessonIndex = {
    lessons: new Map(),
    files: new Map(files.map((f) => [f.path, f.size])),
    publicFiles: snapshot.publicFiles,
  };

  // 2. Each module and lesson on its own.
  for (const mod of modules) {
    await guard(mod.sink, async () => {
      mod.fm = await checkModuleText(textOf.get(mod.file)!, 1, mod.sink);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(mod.folder))
        mod.sink.add(1, 'warning', 'module-folder', m.badModuleFolder(mod.folder, slugify(mod.folder) || 'nama-modul'));
    });
  }
  for (const lesson of lessons) {
    await guard(lesson.sink, async () => {
      const { fm, analysis } = await checkLessonText(textOf.get(lesson.file)!, 1, lesson.sink, snapshot);
      lesson.fm = fm;
      lesson.analysis = analysis;
    });
    index.lessons.set(lesson.id, lesson.fm?.data?.draft === true);
  }

  // 3. Lessons against their folder, each other, links and images.
  for (const lesson of lessons) {
    await guard(lesson.sink, async () => {
      const { sink, fm } = lesson;
      const data = fm?.data;
      const lineOf = fm?.lineOf ?? (() => 1);
      const fileName = posix.basename(lesson.file);
      if (!moduleIds.has(lesson.folder)) {
        sink.add(data && 'module' in data ? lineOf(['module']) : 1, 'error', 'unknown-module', m.unknownModule(lesson.folder, [...moduleIds].sort()));
      } else if (data && typeof data.module === 'string' && data.module !== lesson.folder) {
        sink.add(lineOf(['module']), 'error', 'module-mismatch', m.moduleMismatch(data.module, lesson.folder));
      }
      if (data && typeof data.order === 'number' && data.order !== lesson.prefix) {
        sink.add(lineOf(['order']), 'error', 'order-mismatch', m.orderMismatch(data.order, lesson.prefix, fileName));
      }
      if (!/^\d\d-[a-z0-9]+(-[a-z0-9]+)*$/.test(lesson.slug)) {
        sink.add(1, 'warning', 'lesson-name-case', m.lessonNameCase(fileName, `${lesson.slug.slice(0, 3)}${slugify(lesson.slug.slice(3)) || 'judul'}.mdx`));
      }
      const analysis = lesson.analysis;
      if (analysis && fm) {
        const quizCount = quizItemsOf(data).length;
        if (analysis.ok && data) {
          const objectives = Array.isArray(data.objectives) ? data.objectives.map(String).join(' ') : '';
          sink.addAll(readingTimeRules(analysis.words + countWords(objectives), quizCount, data.minutes, lineOf(['minutes']), fm.openLine));
          sink.addAll(pageWeightRule(fm.body.length, quizCount, fm.openLine));
          sink.addAll(recapRule(fm.body, fm.bodyStartLine, fm.bodyStartLine + fm.body.split('\n').length - 1));
          const moduleOrder = modules.find((mod) => mod.folder === lesson.folder)?.fm?.data?.order;
          const key = typeof moduleOrder === 'number' && typeof data.order === 'number' ? lessonKey(moduleOrder, data.order) : undefined;
          sink.addAll(
            freshnessRule(data.checkedOn, 'checkedOn' in data ? lineOf(['checkedOn']) : fm.openLine, snapshot.now ?? Date.now(), key, snapshot.factSources),
          );
        }
        sink.addAll(linkRules(analysis.links, data?.draft === true, lesson.folder, index));
        sink.addAll(imageRules(analysis.images, posix.dirname(lesson.file), index));
      }
    });
  }

  // 4. Across files: order numbers, quiz and task ids, module totals.
  const byOrder = new Map<string, LessonRecord[]>();
  for (const lesson of lessons) {
    const order = typeof lesson.fm?.data?.order === 'number' ? (lesson.fm.data.order as number) : lesson.prefix;
    const key = `${lesson.folder}#${order}`;
    byOrder.set(key, [...(byOrder.get(key) ?? []), lesson]);
  }
  for (const [key, group] of byOrder) {
    if (group.length < 2) continue;
    const order = Number(key.split('#')[1]);
    for (const lesson of group) {
      const others = group
        .filter((g) => g !== lesson)
        .map((g) => posix.basename(g.file))
        .join(', ');
      const line = lesson.fm?.data && 'order' in lesson.fm.data ? lesson.fm.lineOf(['order']) : 1;
      lesson.sink.add(line, 'error', 'duplicate-order', m.duplicateOrder(order, others));
    }
  }

  const moduleOrders = new Map<number, ModuleRecord[]>();
  for (const mod of modules) {
    const order = mod.fm?.data?.order;
    if (typeof order === 'number') moduleOrders.set(order, [...(moduleOrders.get(order) ?? []), mod]);
  }
  for (const [order, group] of moduleOrders) {
    if (group.length < 2) continue;
    for (const mod of group) {
      const others = group
        .filter((g) => g !== mod)
        .map((g) => g.file)
        .join(', ');
      mod.sink.add(mod.fm!.lineOf(['order']), 'error', 'duplicate-module-order', m.duplicateModuleOrder(order, others));
    }
  }

  type IdUse = { id: string; sink: Sink; line: number };
  const quizIds: IdUse[] = [];
  const taskIds: IdUse[] = [];
  for (const lesson of lessons) {
    const fm = lesson.fm;
    if (!fm?.data) continue;
    quizItemsOf(fm.data).forEach((item, i) => {
      if (typeof item.id === 'string') quizIds.push({ id: item.id, sink: lesson.sink, line: fm.lineOf(['quiz', i, 'id']) });
    });
    const task = fm.data.task;
    if (isObject(task) && typeof task.id === 'string') taskIds.push({ id: task.id, sink: lesson.sink, line: fm.lineOf(['task', 'id']) });
  }
  for (const mod of modules) {
    const fm = mod.fm;
    if (!fm?.data || !Array.isArray(fm.data.prePost)) continue;
    fm.data.prePost.forEach((pair, i) => {
      for (const side of ['a', 'b'] as const) {
        const item = isObject(pair) ? pair[side] : undefined;
        if (isObject(item) && typeof item.id === 'string') quizIds.push({ id: item.id, sink: mod.sink, line: fm.lineOf(['prePost', i, side, 'id']) });
      }
    });
  }
  const reportDuplicates = (uses: IdUse[], message: (id: string, other: string) => string, code: string) => {
    const byId = new Map<string, IdUse[]>();
    for (const use of uses) byId.set(use.id, [...(byId.get(use.id) ?? []), use]);
    for (const [id, group] of byId) {
      if (group.length < 2) continue;
      for (const use of group) {
        const others = group
          .filter((g) => g !== use)
          .map((g) => (g.sink === use.sink ? `baris ${g.line} berkas ini` : `${g.sink.file} baris ${g.line}`))
          .join(', ');
        use.sink.add(use.line, 'error', code, message(id, others));
      }
    }
  };
  reportDuplicates(quizIds, m.duplicateQuizId, 'duplicate-quiz-id');
  reportDuplicates(taskIds, m.duplicateTaskId, 'duplicate-task-id');

  // Item quality per module: a bank guessing can pass is not a measure.
  type Located = { item: PlainItem; at: YamlPath; sink: Sink; line: number; file: string };
  const plain = (item: unknown): PlainItem | undefined =>
    isObject(item) && typeof item.question === 'string' && Array.isArray(item.options)
      ? {
          id: typeof item.id === 'string' ? item.id : undefined,
          question: item.question,
          options: item.options.filter(isObject).map((o) => ({ text: String(o.text ?? ''), correct: o.correct === true })),
        }
      : undefined;
  for (const mod of modules) {
    const lessonItems: Located[] = [];
    for (const lesson of lessons.filter((l) => l.folder === mod.folder && l.fm?.data && l.fm.data.draft !== true)) {
      quizItemsOf(lesson.fm!.data).forEach((raw, i) => {
        const item = plain(raw);
        if (item) lessonItems.push({ item, at: ['quiz', i], sink: lesson.sink, line: lesson.fm!.lineOf(['quiz', i, 'options']), file: lesson.file });
      });
    }
    const formItems: Located[] = [];
    const pairs = mod.fm?.data && Array.isArray(mod.fm.data.prePost) ? mod.fm.data.prePost : [];
    pairs.forEach((pair, i) => {
      for (const side of ['a', 'b'] as const) {
        const item = isObject(pair) ? plain(pair[side]) : undefined;
        if (item) formItems.push({ item, at: ['prePost', i, side], sink: mod.sink, line: mod.fm!.lineOf(['prePost', i, side, 'options']), file: mod.file });
      }
    });
    for (const found of itemQualityRules([...formItems, ...lessonItems])) found.of.sink.add(found.of.line, 'error', found.code, found.message);
    for (const f of formItems) {
      const copied = lessonItems.find((l) => repeats(f.item, l.item));
      if (copied)
        f.sink.add(f.line, 'error', 'form-repeats-lesson-item', m.repeatsLessonItem(f.at, copied.item.id ?? '?', `${copied.file} baris ${copied.line}`));
    }
  }

  for (const mod of modules) {
    const data = mod.fm?.data;
    if (!data) continue;
    const own = lessons.filter((l) => l.folder === mod.folder);
    const published = own.filter((l) => l.fm?.data && l.fm.data.draft !== true);
    if (own.length === 0) mod.sink.add(1, 'warning', 'module-empty', m.moduleNoLessons());
    else if (published.length === 0) mod.sink.add(1, 'warning', 'module-drafts-only', m.moduleOnlyDrafts());
    const sum = published.reduce((total, l) => total + (typeof l.fm!.data!.minutes === 'number' ? (l.fm!.data!.minutes as number) : 0), 0);
    if (typeof data.minutes === 'number' && published.length && Math.abs(data.minutes - sum) > Math.max(5, sum * 0.2)) {
      mod.sink.add(mod.fm!.lineOf(['minutes']), 'warning', 'module-minutes', m.moduleMinutes(data.minutes, sum));
    }
    const declared = Array.isArray(data.pillars) ? data.pillars.map(String) : [];
    const used = new Set(published.flatMap((l) => (Array.isArray(l.fm!.data!.pillars) ? (l.fm!.data!.pillars as unknown[]).map(String) : [])));
    const missing = [...used].filter((p) => (PILLARS as readonly string[]).includes(p) && !declared.includes(p));
    if (declared.length && missing.length) mod.sink.add(mod.fm!.lineOf(['pillars']), 'warning', 'module-pillars', m.modulePillars(missing));
  }

  const publishedLessons = lessons.filter((l) => l.fm?.data && l.fm.data.draft !== true);
  if (publishedLessons.length) {
    for (const pillar of PILLARS) {
      const quiz = publishedLessons.reduce((n, l) => n + quizItemsOf(l.fm!.data).filter((q) => q.pillar === pillar).length, 0);
      const tasks = publishedLessons.filter((l) => isObject(l.fm!.data!.task) && (l.fm!.data!.task as Raw).pillar === pillar).length;
      if (quiz < 5 || tasks < 1) folderSink.add(0, 'warning', 'pillar-thin', m.pillarThin(pillar, quiz, tasks));
    }
  }

  // 5. The guide's examples.
  let examples = 0;
  if (readme) {
    const sink = new Sink(readme.file);
    sinks.push(sink);
    await guard(sink, async () => {
      const text = normalizeText(readme!.text);
      for (const block of fencedBlocks(text)) {
        const startsWithFrontmatter = /^\s*---\s*$/m.test(block.content.split('\n').find((l) => l.trim()) ?? '');
        if (block.lang === 'mdx') {
          examples++;
          if (startsWithFrontmatter) {
            const { fm, analysis } = await checkLessonText(block.content, block.firstLine, sink, snapshot);
            if (analysis) sink.addAll(linkRules(analysis.links, fm?.data?.draft === true, undefined, index));
          } else {
            const analysis = await analyzeBody(block.content, block.firstLine, snapshot.components);
            for (const p of analysis.problems) sink.add(p.line, p.severity, p.code, p.message);
            sink.addAll(guidanceRule(block.content, block.firstLine));
            sink.addAll(linkRules(analysis.links, false, undefined, index));
          }
        } else if (block.lang === 'md' && startsWithFrontmatter) {
          examples++;
          await checkModuleText(block.content, block.firstLine, sink);
        }
      }
      if (examples === 0) sink.add(1, 'warning', 'readme-no-examples', m.readmeNoExamples());
    });
  }

  // While a file still holds scaffold guidance, its other suggestions (⚠) are premature.
  const problems = sinks.flatMap((sink) =>
    sink.problems.some((p) => p.code === 'guidance') && sink.file !== readme?.file ? sink.problems.filter((p) => p.severity === 'error') : sink.problems,
  );
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file)));
  return { problems, modules: modules.length, lessons: lessons.length, examples };
}
