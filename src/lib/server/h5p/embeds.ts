/**
 * Which H5P activities a lesson embeds, read from its MDX body (`<H5P id="…" />`). The progress
 * API accepts a result for a content id only from a lesson that embeds it.
 */
const H5P_TAG = /<H5P\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;

export function h5pIdsInMdx(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(H5P_TAG)) {
    const id = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (id) ids.add(id);
  }
  return [...ids];
}
