import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { h5pRoot, type H5pContent } from './import';

/**
 * The real maximum score of an imported activity, read from its own content: a score
 * the browser reports is checked against it, so 10000/10000 is never stored for a true/false
 * question. Known content types are computed as their library computes getMaxScore(); for any
 * other type the maximum cannot be known without running its code, so a report is believed only
 * up to UNKNOWN_TYPE_MAX_SCORE.
 */
export const UNKNOWN_TYPE_MAX_SCORE = 100;

type Content = Record<string, unknown>;
const isObject = (v: unknown): v is Content => typeof v === 'object' && v !== null && !Array.isArray(v);

/** machineName → getMaxScore() of that library, from content.json. null: the type gives no score. */
const RULES: Record<string, (content: Content) => number | null> = {
  'H5P.TrueFalse': () => 1,
  // H5P.MultiChoice: one point for a single-answer question or with "singlePoint", else one per correct option.
  'H5P.MultiChoice': (c) => {
    const answers = Array.isArray(c.answers) ? c.answers.filter(isObject) : [];
    const correct = answers.filter((a) => a.correct === true).length;
    const single = isObject(c.behaviour) && (c.behaviour.singlePoint === true || c.behaviour.type === 'single');
    return single || correct <= 1 ? 1 : correct;
  },
  // Melek's own scam spotter: one point per message judged right.
  'Melek.ScamSpotter': (c) => (Array.isArray(c.messages) ? c.messages.length : 0),
  'H5P.GreetingCard1': () => null,
};

/** The machine name of a content row's main library ("H5P.TrueFalse 1.6" → "H5P.TrueFalse"). */
export const machineNameOf = (mainLibrary: string) => mainLibrary.split(' ')[0];

/** Pure: the maximum for a library and its parsed content.json; undefined when the type is unknown. */
export function maxScoreFor(machineName: string, content: unknown): number | null | undefined {
  const rule = RULES[machineName];
  if (!rule) return undefined;
  return isObject(content) ? rule(content) : null;
}

const cache = new Map<string, Promise<number | null | undefined>>();

/** The maximum of an imported content (its folder never changes, so the answer is cached). */
export function activityMaxScore(content: Pick<H5pContent, 'folder' | 'mainLibrary'>, dataDir?: string): Promise<number | null | undefined> {
  const key = `${dataDir ?? ''}|${content.folder}`;
  let found = cache.get(key);
  if (!found) {
    const machineName = machineNameOf(content.mainLibrary);
    found = RULES[machineName]
      ? readFile(join(h5pRoot(dataDir), content.folder, 'content', 'content.json'), 'utf8')
          .then((text) => maxScoreFor(machineName, JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)))
          .catch(() => null)
      : Promise.resolve(undefined);
    cache.set(key, found);
  }
  return found;
}

/** Is `maxScore` what this activity can give? */
export async function maxScoreMatches(content: Pick<H5pContent, 'folder' | 'mainLibrary'>, maxScore: number): Promise<boolean> {
  const real = await activityMaxScore(content);
  if (real === undefined) return maxScore <= UNKNOWN_TYPE_MAX_SCORE;
  return real !== null && real === maxScore;
}
