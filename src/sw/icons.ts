/**
 * The app icons (PNG) drawn from favicon.svg's shapes — a white "M" on Melek green — with no
 * image tools: a polygon rasteriser with 4×4 supersampling and a minimal PNG encoder.
 * build-sw.ts writes them into dist/client/icons/ at every build, so the repository holds no
 * binary icon files.
 */
import { deflateSync } from 'node:zlib';

/** favicon.svg's "M" (path "M7 23V9h3.2l5.8 8 5.8-8H25v14h-3.4v-8.4L16 22l-5.6-7.4V23z"), absolute. */
const GLYPH: Array<[number, number]> = [
  [7, 23],
  [7, 9],
  [10.2, 9],
  [16, 17],
  [21.8, 9],
  [25, 9],
  [25, 23],
  [21.6, 23],
  [21.6, 14.6],
  [16, 22],
  [10.4, 14.6],
  [10.4, 23],
];
const GREEN = [0x0b, 0x6e, 0x4f];

/** Where a horizontal line at height y is inside the polygon (even-odd): sorted [from, to) pairs. */
function polygonSpans(y: number, points: Array<[number, number]>): number[] {
  const xs: number[] = [];
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return xs.sort((a, b) => a - b);
}

/** Where a horizontal line at height y is inside the 32×32 square with corner radius r: [from, to]. */
function roundedSquareSpan(y: number, r: number): [number, number] | undefined {
  if (y < 0 || y > 32) return undefined;
  const dy = y < r ? r - y : y > 32 - r ? y - (32 - r) : 0;
  if (dy > r) return undefined;
  const dx = r - Math.sqrt(r * r - dy * dy);
  return [dx, 32 - dx];
}

const inSpans = (x: number, spans: number[]) => {
  for (let i = 0; i + 1 < spans.length; i += 2) if (x >= spans[i] && x < spans[i + 1]) return true;
  return false;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of the icon; `maskable` fills the whole square (the launcher cuts its own shape). */
export function iconPng(size: number, { maskable = false } = {}): Buffer {
  const S = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    const bg = new Float64Array(size);
    const fg = new Float64Array(size);
    for (let sy = 0; sy < S; sy++) {
      const y = ((py + (sy + 0.5) / S) / size) * 32;
      const square = maskable ? ([0, 32] as [number, number]) : roundedSquareSpan(y, 7);
      if (!square) continue;
      const glyph = polygonSpans(y, GLYPH);
      for (let px = 0; px < size; px++) {
        for (let sx = 0; sx < S; sx++) {
          const x = ((px + (sx + 0.5) / S) / size) * 32;
          if (x < square[0] || x > square[1]) continue;
          bg[px]++;
          if (inSpans(x, glyph)) fg[px]++;
        }
      }
    }
    for (let px = 0; px < size; px++) {
      const alpha = bg[px] / (S * S);
      const white = bg[px] ? fg[px] / bg[px] : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(GREEN[c] + (255 - GREEN[c]) * white);
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICONS: Array<{ file: string; size: number; maskable?: boolean }> = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'maskable-512.png', size: 512, maskable: true },
];
