import { deflateSync, zipSync, type ZipAttributes, type Zippable } from 'fflate';

/**
 * Packs Melek's own H5P content (the demo activity) with fflate; reading zips is yauzl's job.
 * The output is deterministic — a fixed timestamp and the input order — so the same activity
 * always has the same bytes and hash, and a second import is recognised as a duplicate.
 */
export interface ZipInput {
  /** Forward-slash path inside the zip; a trailing "/" makes a directory entry. */
  name: string;
  data?: Uint8Array;
  /** Deflate unless the data is tiny or already compressed (the smaller of the two is kept). */
  method?: 'store' | 'deflate' | 'auto';
}

/** A local-time midnight: fflate writes DOS (local) time fields, so this gives the same bytes in every time zone. */
const FIXED_MTIME = new Date(2026, 0, 1, 0, 0, 0);
const UNIX = 3;
const FILE_MODE = 0o100644;
const DIR_MODE = 0o040755;
const MSDOS_DIRECTORY = 0x10;

function levelFor(input: ZipInput, data: Uint8Array): 0 | 9 {
  if (input.method === 'store' || data.length === 0) return 0;
  if (input.method === 'deflate') return 9;
  return deflateSync(data, { level: 9 }).length < data.length ? 9 : 0;
}

export function writeZip(inputs: ZipInput[]): Buffer {
  const files: Zippable = {};
  for (const input of inputs) {
    if (Object.hasOwn(files, input.name)) throw new Error(`duplicate zip entry: ${input.name}`);
    const isDir = input.name.endsWith('/');
    const data = isDir ? new Uint8Array(0) : (input.data ?? new Uint8Array(0));
    const attrs = isDir ? ((DIR_MODE << 16) | MSDOS_DIRECTORY) >>> 0 : (FILE_MODE << 16) >>> 0;
    const options: ZipAttributes & { level: 0 | 9 } = { level: levelFor(input, data), mtime: FIXED_MTIME, os: UNIX, attrs };
    files[input.name] = [data, options];
  }
  return Buffer.from(zipSync(files));
}
