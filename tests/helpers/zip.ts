import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A zip writer for tests that can also lie: raw names (backslashes, "..", absolute), any Unix
 * mode in the external attributes (symlinks), a declared size that is not the real one, and
 * precomputed deflate data (zip bombs). Only for building hostile packages in tests.
 */
export interface RawEntry {
  name: string;
  data?: Buffer;
  /** 0 = stored, 8 = deflated (default: deflated when it helps). */
  method?: 0 | 8;
  /** Deflated bytes to store as they are (method 8); `data` is then ignored. */
  deflated?: Buffer;
  /** Uncompressed size written into the headers (default: the real one). */
  declaredSize?: number;
  /** The real uncompressed size when `deflated` is given (for honest headers). */
  realSize?: number;
  /** Unix mode (e.g. 0o120777 for a symlink); default 0o100644, or 0o040755 for "dir/". */
  mode?: number;
  /** General purpose flags (bit 0: encrypted). UTF-8 (bit 11) is always set. */
  flags?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const isDir = e.name.endsWith('/');
    const data = e.data ?? Buffer.alloc(0);
    let method = e.method ?? (e.deflated ? 8 : data.length > 0 ? 8 : 0);
    let body = e.deflated ?? (method === 8 ? deflateRawSync(data) : data);
    if (e.method === undefined && !e.deflated && method === 8 && body.length >= data.length) {
      method = 0;
      body = data;
    }
    const size = e.declaredSize ?? e.realSize ?? data.length;
    const crc = e.deflated ? 0 : crc32(data);
    const flags = 0x0800 | (e.flags ?? 0);
    const mode = e.mode ?? (isDir ? 0o040755 : 0o100644);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(((mode << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

/** Raw deflate of `bytes` zeros, made in 1 MiB steps (1 GiB of zeros gives ~1 MB). */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += chunk.length) {
    const piece = bytes - written >= chunk.length ? chunk : chunk.subarray(0, bytes - written);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}
