import { deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for packing Melek's own H5P content (the demo activity). Reading zips is
 * yauzl's job; writing needs only the plain subset: stored or deflated entries, UTF-8 names,
 * sizes and CRC-32 in the local header (no data descriptors), no zip64 (so < 4 GiB and < 65,535
 * entries, which the writer checks), regular files only (Unix mode 0644, directories 0755).
 */
export interface ZipInput {
  /** Forward-slash path inside the zip; a trailing "/" makes a directory entry. */
  name: string;
  data?: Uint8Array;
  /** Deflate unless the data is tiny or already compressed (the smaller of the two is kept). */
  method?: 'store' | 'deflate' | 'auto';
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as zip wants it. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date and time of a fixed moment, so the same input always gives the same bytes (and hash). */
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01

export function writeZip(inputs: ZipInput[]): Buffer {
  if (inputs.length > 0xfffe) throw new Error('too many entries for a zip without zip64');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.name)) throw new Error(`duplicate zip entry: ${input.name}`);
    seen.add(input.name);
    const isDir = input.name.endsWith('/');
    const raw = isDir ? new Uint8Array(0) : (input.data ?? new Uint8Array(0));
    const name = Buffer.from(input.name, 'utf8');
    let method = 0;
    let body: Uint8Array = raw;
    if (!isDir && raw.length > 0 && input.method !== 'store') {
      const deflated = deflateRawSync(raw, { level: 9 });
      if (input.method === 'deflate' || deflated.length < raw.length) {
        method = 8;
        body = deflated;
      }
    }
    const crc = crc32(raw);
    if (raw.length > 0xfffffffe || body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('zip too large without zip64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    const mode = isDir ? 0o040755 : 0o100644;
    central.writeUInt32LE(((mode << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}
