import type { ZodIssue, ZodObject, ZodRawShape, ZodTypeAny } from 'astro/zod';
import { PILLARS } from '../learning/types';
import { closest } from './distance';
import type { ParsedYaml } from './frontmatter';
import { FIELD_ALIASES, m } from './messages';
import type { YamlPath } from './types';

/**
 * Turns zod's issues for a lesson or module frontmatter into plain Indonesian problems, each on
 * the line of the YAML key it is about. Known field names come from the schema itself, so a new
 * field in schema.ts is suggested for typos without touching this file.
 */
export interface LocatedMessage {
  line: number;
  message: string;
  code: string;
}

const PILLAR_ALIASES: Record<string, string> = {
  keamanan: 'aman',
  keselamatan: 'aman',
  safety: 'aman',
  skill: 'cakap',
  skills: 'cakap',
  kecakapan: 'cakap',
  ethics: 'etika',
  culture: 'budaya',
  kebudayaan: 'budaya',
};

export function pillarSuggestion(value: unknown): string | undefined {
  const word = String(value ?? '')
    .toLowerCase()
    .replace(/\s*digital\s*/g, '')
    .trim();
  return closest(word, PILLARS, PILLAR_ALIASES);
}

/** "Katalog Produk 1!" → "katalog-produk-1". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/, '');
}

/** Unwraps effects, defaults and optionals down to the schema that describes the value itself. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  let current = schema as ZodTypeAny & { _def: Record<string, unknown> };
  for (let i = 0; i < 10; i++) {
    const def = current._def as { typeName?: string; schema?: ZodTypeAny; innerType?: ZodTypeAny };
    if (def.typeName === 'ZodEffects' && def.schema) current = def.schema as typeof current;
    else if ((def.typeName === 'ZodDefault' || def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable') && def.innerType)
      current = def.innerType as typeof current;
    else break;
  }
  return current;
}

/** Field names the schema accepts for the object at `path` (indices into arrays are skipped). */
export function knownKeysAt(schema: ZodTypeAny, path: YamlPath): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = current._def as { typeName?: string; type?: ZodTypeAny };
    if (typeof segment === 'number') {
      if (def.typeName === 'ZodArray' && def.type) current = unwrap(def.type);
      else return [];
    } else {
      const shape = shapeOf(current);
      if (!shape?.[segment]) return [];
      current = unwrap(shape[segment]);
    }
  }
  const shape = shapeOf(current);
  return shape ? Object.keys(shape) : [];
}

/** The fields of an object schema; undefined for any other kind. */
function shapeOf(schema: ZodTypeAny): ZodRawShape | undefined {
  return (schema._def as { typeName?: string }).typeName === 'ZodObject' ? (schema as ZodObject<ZodRawShape>).shape : undefined;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The field a path is about: its last name, skipping list positions ("pillars" for ["pillars", 0]). */
function fieldOf(path: YamlPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

const keyOf = (path: YamlPath) => path.join('.');

/**
 * @param claimed "path|key" pairs another rule already explained (e.g. `correct:` written on
 *   a question instead of under an option), so they are not reported twice.
 */
export function translateIssues(
  issues: ZodIssue[],
  data: unknown,
  schema: ZodTypeAny,
  yaml: ParsedYaml,
  openLine: number,
  claimed: Set<string> = new Set(),
): LocatedMessage[] {
  const out: LocatedMessage[] = [];
  const lineOf = (path: YamlPath) => (path.length === 0 ? openLine : yaml.lineOf(path));

  // A misspelled key also makes the real key "missing": explain the typo, not both.
  const suggestedAt = new Set<string>();
  const unknown: Array<{ path: YamlPath; key: string; suggestion?: string; known: string[] }> = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(schema, issue.path);
    for (const key of issue.keys) {
      if (claimed.has(`${keyOf(issue.path)}|${key}`)) continue;
      const present = valueAt(data, issue.path);
      const taken = new Set(present && typeof present === 'object' ? Object.keys(present) : []);
      const suggestion =
        closest(
          key,
          known.filter((k) => !taken.has(k)),
          FIELD_ALIASES,
        ) ?? closest(key, known, FIELD_ALIASES);
      if (suggestion) suggestedAt.add(`${keyOf(issue.path)}|${suggestion}`);
      unknown.push({ path: issue.path, key, suggestion, known });
    }
  }

  for (const issue of issues) {
    const path = issue.path;
    const field = fieldOf(path);
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        break; // reported below, once per key
      case 'invalid_type': {
        if (issue.received === 'undefined') {
          const parent = path.slice(0, -1);
          if (suggestedAt.has(`${keyOf(parent)}|${field}`)) break;
          out.push({ line: lineOf(parent), message: m.missingField(path, field), code: 'missing-field' });
        } else if (issue.received === 'null') {
          out.push({ line: lineOf(path), message: m.emptyField(path, field), code: 'empty-field' });
        } else if (issue.expected === 'integer') {
          out.push({ line: lineOf(path), message: m.notInteger(path, field), code: 'wrong-type' });
        } else {
          out.push({ line: lineOf(path), message: m.wrongType(path, field, issue.expected, issue.received), code: 'wrong-type' });
        }
        break;
      }
      case 'too_small': {
        const kind = issue.type === 'array' ? 'array' : issue.type === 'number' ? 'number' : 'string';
        const actual = typeof value === 'string' ? value.trim().length : undefined;
        if (kind === 'string' && actual === 0) out.push({ line: lineOf(path), message: m.emptyField(path, field), code: 'empty-field' });
        else out.push({ line: lineOf(path), message: m.tooShort(path, field, Number(issue.minimum), kind, actual), code: 'too-small' });
        break;
      }
      case 'too_big': {
        const kind = issue.type === 'array' ? 'array' : issue.type === 'number' ? 'number' : 'string';
        const actual = typeof value === 'string' ? value.length : Array.isArray(value) ? value.length : undefined;
        out.push({ line: lineOf(path), message: m.tooLong(path, field, Number(issue.maximum), kind, actual), code: 'too-big' });
        break;
      }
      case 'invalid_enum_value':
        out.push({ line: lineOf(path), message: m.badPillar(path, issue.received, pillarSuggestion(issue.received)), code: 'bad-pillar' });
        break;
      case 'invalid_string':
        out.push({ line: lineOf(path), message: m.badId(path, field, value, slugify(String(value ?? '')) || 'kode-soal-1'), code: 'bad-id' });
        break;
      case 'invalid_union':
        if (field === 'text') out.push({ line: lineOf(path.slice(0, -1)), message: m.optionText(path), code: 'option-text' });
        else out.push({ line: lineOf(path), message: m.fieldInvalid(path, field, issue.message), code: 'invalid' });
        break;
      case 'custom':
        // The "exactly one correct option" refinement: the quiz rules explain it in detail.
        if (field === 'options') break;
        out.push({ line: lineOf(path), message: m.fieldInvalid(path, field, issue.message), code: 'invalid' });
        break;
      default:
        out.push({ line: lineOf(path), message: m.fieldInvalid(path, field, issue.message), code: 'invalid' });
    }
  }

  for (const u of unknown) {
    out.push({ line: lineOf([...u.path, u.key]), message: m.unknownField(u.path, u.key, u.suggestion, u.known), code: 'unknown-field' });
  }
  return out;
}
