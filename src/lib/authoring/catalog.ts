import { componentCatalog } from '../content-check/components';
import type { ComponentInfo } from '../content-check/types';

/**
 * The lesson components and their attributes, read by the content check's own reader
 * (`componentCatalog`) from the sources of src/components/mdx/, which Vite hands over as text:
 * the same catalog `npm run content:check` builds from disk, without I/O at run time.
 */
const sources = import.meta.glob<string>('../../components/mdx/*', { query: '?raw', import: 'default', eager: true });
const at = (file: string) => sources[`../../components/mdx/${file.replace(/^\.\//, '')}`];

export const LESSON_COMPONENTS: ComponentInfo[] = componentCatalog(at('index.ts') ?? '', at);
