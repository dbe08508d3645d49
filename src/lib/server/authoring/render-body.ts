/**
 * Renders a checked lesson body (see src/lib/authoring/body.ts) on the server into the same HTML
 * a built-in lesson gets from Astro's MDX, with the same components.
 */
import type { BodyNode } from '../../authoring/body';

export async function renderLessonBodyHtml(tree: BodyNode[], locale: 'id' | 'en'): Promise<string> {
  void tree;
  void locale;
  return '';
}
