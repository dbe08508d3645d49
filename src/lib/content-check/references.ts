import { posix } from 'node:path';
import { closest } from './distance';
import { m, MAX_IMAGE_BYTES } from './messages';
import type { BodyImage, BodyLink } from './mdx';
import type { RuleProblem } from './rules';

/**
 * Links to other lessons and images, resolved against the snapshot (no disk access):
 * `/learn/<module>/<lesson>` must be an existing lesson, and an image must exist and be small.
 */
export interface LessonIndex {
  /** "module/NN-slug" → draft? */
  lessons: Map<string, boolean>;
  /** Every file in the snapshot: posix path → size in bytes. */
  files: Map<string, number>;
  /** Files under public/, keyed by URL path ("/gambar/x.webp"). */
  publicFiles: Map<string, number>;
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|gif|avif|svg)$/i;
const EXTERNAL = /^(https?:)?\/\//i;
const OTHER_SCHEME = /^(mailto:|tel:|whatsapp:|data:|#)/i;

function stripSuffix(url: string): string {
  return url.replace(/[?#].*$/, '');
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The lesson id a relative link most likely meant ("./02-katalog-produk.mdx" → "/learn/<module>/02-katalog-produk"). */
function guessLesson(url: string, moduleId: string | undefined, index: LessonIndex): string | undefined {
  const parts = stripSuffix(url)
    .replace(/\.mdx?$/, '')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..');
  const slug = parts.pop();
  if (!slug) return undefined;
  const folder = parts.pop() ?? moduleId;
  if (folder && index.lessons.has(`${folder}/${slug}`)) return `/learn/${folder}/${slug}`;
  const found = [...index.lessons.keys()].find((id) => id.endsWith(`/${slug}`));
  return found ? `/learn/${found}` : undefined;
}

export function linkRules(links: BodyLink[], fromDraft: boolean, moduleId: string | undefined, index: LessonIndex): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const { url, line } of links) {
    const target = stripSuffix(url.trim());
    if (!target || EXTERNAL.test(target) || OTHER_SCHEME.test(url.trim())) continue;
    if (target.startsWith('/')) {
      const parts = target.split('/').filter(Boolean);
      if (parts[0] !== 'learn' || parts.length === 1) continue; // other app pages, and /learn itself
      if (parts.length === 2) {
        const first = [...index.lessons.keys()].filter((id) => id.startsWith(`${parts[1]}/`)).sort()[0];
        problems.push({ line, severity: 'error', code: 'link-module', message: m.linkModuleOnly(url, first ? `/learn/${first}` : undefined) });
        continue;
      }
      const id = `${parts[1]}/${parts.slice(2).join('/')}`.replace(/\.mdx$/, '');
      const draft = index.lessons.get(id);
      if (draft === undefined) {
        const suggestion = closest(id, index.lessons.keys());
        problems.push({ line, severity: 'error', code: 'link-missing', message: m.linkMissingLesson(url, suggestion ? `/learn/${suggestion}` : undefined) });
      } else if (draft && !fromDraft) {
        problems.push({ line, severity: 'warning', code: 'link-draft', message: m.linkToDraft(url) });
      }
      continue;
    }
    // A relative link ("02-katalog-produk", "./02-katalog-produk.mdx") breaks on the lesson page.
    problems.push({ line, severity: 'error', code: 'link-relative', message: m.linkRelative(url, guessLesson(url, moduleId, index)) });
  }
  return problems;
}

/**
 * @param dir folder of the lesson file (posix), for relative image paths.
 * @param displayDir the folder to name in messages ("content/pemasaran-whatsapp/").
 */
export function imageRules(images: BodyImage[], dir: string, index: LessonIndex): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const image of images) {
    const src = image.src.trim();
    const line = image.line;
    if (!src || /^data:/i.test(src)) continue;
    if (EXTERNAL.test(src)) {
      problems.push({ line, severity: 'warning', code: 'image-remote', message: m.imageRemote(src) });
      continue;
    }
    const clean = safeDecode(stripSuffix(src));
    if (image.kind === 'img' && !clean.startsWith('/')) {
      problems.push({ line, severity: 'error', code: 'image-img-relative', message: m.imageTagRelative(src) });
      continue;
    }
    if (!IMAGE_EXTENSIONS.test(clean)) {
      problems.push({ line, severity: 'error', code: 'image-format', message: m.imageFormat(src) });
      continue;
    }
    const isPublic = clean.startsWith('/');
    const resolved = isPublic ? clean : posix.normalize(posix.join(dir, clean));
    const size = isPublic ? index.publicFiles.get(clean) : index.files.get(resolved);
    if (size === undefined) {
      const folder = isPublic ? 'public/' : `${posix.dirname(resolved)}/`;
      const pool = isPublic
        ? [...index.publicFiles.keys()]
        : [...index.files.keys()].filter((f) => posix.dirname(f) === posix.dirname(resolved) && IMAGE_EXTENSIONS.test(f));
      const near = closest(isPublic ? clean : posix.basename(resolved), isPublic ? pool : pool.map((f) => posix.basename(f)));
      const suggestion =
        near === undefined ? undefined : isPublic ? near : `${clean.startsWith('./') ? './' : ''}${posix.join(posix.dirname(clean).replace(/^\.$/, ''), near)}`;
      problems.push({ line, severity: 'error', code: 'image-missing', message: m.imageMissing(src, suggestion, folder) });
      continue;
    }
    if (size > MAX_IMAGE_BYTES) problems.push({ line, severity: 'error', code: 'image-too-big', message: m.imageTooBig(src, size) });
    if (image.kind !== 'prop' && !String(image.alt ?? '').trim()) {
      problems.push({ line, severity: 'warning', code: 'image-alt', message: m.imageNoAlt(src) });
    }
  }
  return problems;
}
