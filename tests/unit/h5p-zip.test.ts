/**
 * The zip writer that packs Melek's own activity (read back with yauzl), and the demo
 * package: deterministic bytes, and valid by the same rules every imported package must pass.
 */
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { writeZip } from '../../src/lib/server/h5p/zip-writer';
import { packDemo } from '../../src/lib/server/h5p/demo';
import { downloadFiles, validateStructure } from '../../src/lib/server/h5p/validate';

async function readZip(buffer: Buffer): Promise<Map<string, { data: Buffer; mode: number; method: number }>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const out = new Map<string, { data: Buffer; mode: number; method: number }>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    if (!entry.fileName.endsWith('/')) for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.set(entry.fileName, { data: Buffer.concat(chunks), mode: entry.externalFileAttributes >>> 16, method: entry.compressionMethod });
  }
  return out;
}

describe('zip writer', () => {
  it('writes stored and deflated entries, UTF-8 names and folders that yauzl reads back', async () => {
    const big = Buffer.from('ulang '.repeat(1000));
    const zip = writeZip([
      { name: 'a.txt', data: Buffer.from('hai') },
      { name: 'dir/' },
      { name: 'dir/ulang.txt', data: big },
      { name: 'dir/kosong.txt', data: Buffer.alloc(0) },
      { name: 'dir/ñama é.json', data: Buffer.from('{}'), method: 'store' },
    ]);
    const entries = await readZip(zip);
    expect([...entries.keys()]).toEqual(['a.txt', 'dir/', 'dir/ulang.txt', 'dir/kosong.txt', 'dir/ñama é.json']);
    expect(entries.get('dir/ulang.txt')!.data.equals(big)).toBe(true);
    expect(entries.get('dir/ulang.txt')!.method).toBe(8);
    expect(entries.get('a.txt')!.method).toBe(0); // "hai" does not shrink
    expect(entries.get('dir/')!.mode & 0o170000).toBe(0o040000);
    expect(entries.get('a.txt')!.mode & 0o170000).toBe(0o100000);
  });
  it('refuses duplicate names', () => {
    expect(() =>
      writeZip([
        { name: 'a', data: Buffer.from('1') },
        { name: 'a', data: Buffer.from('2') },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe("Melek's demo activity", () => {
  it('packs to the same bytes every time (so a second import is a duplicate)', () => {
    expect(packDemo().equals(packDemo())).toBe(true);
  });
  it('is a valid H5P package with six messages, four of them scams', async () => {
    const entries = await readZip(packDemo());
    const files = new Set(entries.keys());
    const read = (p: string) => entries.get(p)!.data.toString('utf8');
    const info = validateStructure(files, read);
    expect(info).toMatchObject({ title: 'Pesan mana yang penipuan?', mainLibrary: 'Melek.ScamSpotter', mainLibraryVersion: 'Melek.ScamSpotter 1.0' });
    expect([...downloadFiles(info, files, read)].sort()).toEqual(
      [
        'content/content.json',
        'h5p.json',
        'Melek.ScamSpotter-1.0/library.json',
        'Melek.ScamSpotter-1.0/scam-spotter.css',
        'Melek.ScamSpotter-1.0/scam-spotter.js',
      ].sort(),
    );
    const content = JSON.parse(read('content/content.json'));
    expect(content.messages).toHaveLength(6);
    expect(content.messages.filter((m: { scam: boolean }) => m.scam).map((m: { id: string }) => m.id)).toEqual([
      'kurir-apk',
      'cs-whatsapp-otp',
      'bukti-transfer-palsu',
      'undangan-apk',
    ]);
    for (const m of content.messages) expect(m.feedback.length, m.id).toBeGreaterThan(40);
  });
});
