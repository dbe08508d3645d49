import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@db/client';
import { importH5pBuffer, type ImportResult } from './import';
import { writeZip, type ZipInput } from './zip-writer';

/**
 * Melek's own H5P activity, kept as source in src/h5p-library/:
 *   Melek.ScamSpotter-1.0/   the content type (library.json, scam-spotter.js, scam-spotter.css)
 *   pesan-penipuan/          the activity: h5p.json and content/content.json
 * packDemo() zips them into an .h5p (deterministic: sorted names, fixed timestamps, so the same
 * source always gives the same package hash and a second import is recognised as a duplicate).
 */
export const DEMO_H5P_ID = 'pesan-penipuan';
const SOURCE = fileURLToPath(new URL('../../../h5p-library/', import.meta.url));
const LIBRARY = 'Melek.ScamSpotter-1.0';

function filesUnder(dir: string, prefix: string): ZipInput[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.isFile()
          ? [{ name: `${prefix}${entry.name}`, data: readFileSync(join(dir, entry.name)) }]
          : [],
    );
}

export function packDemo(source = SOURCE): Buffer {
  const activity = join(source, DEMO_H5P_ID);
  return writeZip([
    { name: 'h5p.json', data: readFileSync(join(activity, 'h5p.json')) },
    ...filesUnder(join(activity, 'content'), 'content/'),
    ...filesUnder(join(source, LIBRARY), `${LIBRARY}/`),
  ]);
}

/** The demo seed's step: the activity lesson keamanan-data/05-modus-penipuan embeds. */
export async function importDemoH5p(database: Database, importedBy: string | null = null): Promise<ImportResult> {
  return importH5pBuffer(packDemo(), { id: DEMO_H5P_ID, database, importedBy });
}
