/**
 * `npm run h5p:pack-demo -- [--out <file.h5p>]`: zips Melek's own activity from src/h5p-library/
 * into an .h5p (default DATA_DIR/pesan-penipuan.h5p), to import elsewhere or to open in Lumi.
 * The demo seed packs and imports it by itself; this is only for taking it out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataDir } from '@db/client';
import { DEMO_H5P_ID, packDemo } from '../lib/server/h5p/demo';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(dataDir(), `${DEMO_H5P_ID}.h5p`));
const zip = packDemo();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`${out} (${Math.round(zip.length / 1024)} KB)`);
