import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/content-check/frontmatter';
import { ALLOWED_COMPONENTS, MAX_BODY_BYTES, parseLessonBody, type ParsedBody } from '../../src/lib/authoring/body';
import { LESSON_COMPONENTS } from '../../src/lib/authoring/catalog';

const bodyOf = (text: string) => {
  const split = splitFrontmatter(text);
  return split.kind === 'unclosed' ? '' : split.body;
};

const lessonBodies = () =>
  readdirSync('content', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(`content/${d.name}`)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => ({ id: `${d.name}/${f.replace(/\.mdx$/, '')}`, body: bodyOf(readFileSync(`content/${d.name}/${f}`, 'utf8')) })),
    );

const refused = (body: string, code: string | RegExp, opts?: Parameters<typeof parseLessonBody>[1]): ParsedBody => {
  const parsed = parseLessonBody(body, opts);
  expect(parsed.ok, JSON.stringify(parsed.errors)).toBe(false);
  expect(parsed.tree).toBeUndefined();
  expect(
    parsed.errors.map((e) => e.code).some((c) => (typeof code === 'string' ? c === code : code.test(c))),
    JSON.stringify(parsed.errors),
  ).toBe(true);
  for (const e of parsed.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(20);
  }
  return parsed;
};

describe('the component catalog', () => {
  it('is the one the content check reads from src/components/mdx, and names exactly the allowed components', () => {
    expect(LESSON_COMPONENTS.map((c) => c.name).sort()).toEqual([...ALLOWED_COMPONENTS].sort());
    expect(LESSON_COMPONENTS.find((c) => c.name === 'Tip')?.props).toEqual([{ name: 'judul', required: false }]);
  });
});

describe('every built-in lesson body is accepted', () => {
  it.each(lessonBodies())('$id', ({ body }) => {
    const parsed = parseLessonBody(body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(parsed.tree!.length).toBeGreaterThan(3);
    expect(parsed.words).toBeGreaterThan(100);
    expect(MAX_BODY_BYTES).toBeGreaterThan(parsed.bytes);
  });
});

describe('a body is data: everything that could run is refused with its line', () => {
  it('<script>, <style>, <iframe> and other raw HTML', () => {
    expect(refused('Halo.\n\n<script>alert(1)</script>\n', 'forbidden-tag').errors[0].line).toBe(3);
    refused('<style>{`p{}`}</style>', /forbidden-tag|body-expression/);
    refused('Lihat:\n\n<iframe src="https://contoh.id"></iframe>', 'forbidden-tag');
    refused('<div>kotak</div>', 'body-raw-html');
    refused('<a href="https://contoh.id">tautan</a>', 'body-raw-html');
    refused('<img src="https://contoh.id/a.png" alt="x" />', 'body-raw-html');
  });

  it('{…} expressions, in text, in a flow and in attributes', () => {
    expect(refused('Teks {process.exit()} lagi.', 'body-expression').errors[0].message).toContain('process.exit()');
    refused('{process.exit()}', 'body-expression');
    refused('{/* komentar */}', 'body-expression');
    refused('<Tip judul={x}>Isi</Tip>', 'body-expression-prop');
    refused('<Tip {...p}>Isi</Tip>', 'body-spread');
    refused('<mark title={x}>a</mark>', /body-html-attribute|body-expression-prop/);
  });

  it('import and export lines', () => {
    expect(refused('import x from "y";\n\nHalo.', 'body-import').errors[0].message).toContain('import');
    expect(refused('Halo.\n\nexport const a = 1;', 'body-export').errors[0].line).toBe(3);
    refused('import {', /mdx-esm|body-import|mdx/);
  });

  it('unknown components, suggesting the closest name', () => {
    expect(refused('<Kotak>isi</Kotak>', 'unknown-component').errors[0].message).toContain('Komponen yang tersedia');
    expect(refused('<Tipp>isi</Tipp>', 'unknown-component').errors[0].message).toContain('<Tip>');
    refused('<tip>isi</tip>', 'component-case');
    refused('<Foo.Bar />', 'unknown-component');
    refused('<>isi</>', 'body-fragment');
  });

  it('unknown and event attributes', () => {
    expect(refused('<Tip judull="x">isi</Tip>', 'unknown-prop').errors[0].message).toContain('judul');
    refused('<Tip onClick="alert(1)">isi</Tip>', 'body-event-attribute');
    refused('<kbd onmouseover="alert(1)">a</kbd>', 'body-event-attribute');
    refused('<abbr style="x">a</abbr>', 'body-html-attribute');
    refused('<ChatWA>\n<Pesan dari="a">x</Pesan>\n</ChatWA>', 'missing-prop');
  });

  it('javascript:, data: and vbscript: links, whatever their case, spaces or entities', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      'java&#9;script:alert(1)',
      ' javascript:alert(1)',
      'jav&#x61;script:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/\\evil.example',
      'file:///etc/passwd',
    ]) {
      refused(`Klik [di sini](${url.includes(' ') ? `<${url}>` : url}).`, 'body-bad-url');
    }
    refused('Klik <https://contoh.id>.', /mdx/);
    refused('Buka [chat](wa.me/6281100000011).', 'body-bare-wa');
  });

  it('images: https or /… only, with alt text', () => {
    refused('![foto](http://contoh.id/a.jpg)', 'body-bad-image');
    refused('![foto](data:image/png;base64,AAAA)', 'body-bad-image');
    refused('![foto](javascript:alert(1))', 'body-bad-image');
    refused('![](https://contoh.id/a.jpg)', 'body-image-alt');
    refused('<img src=x onerror=alert(1)>', /mdx/);
  });

  it('an H5P id that was never imported, when the known ids are given', () => {
    const parsed = refused('<H5P id="tidak-ada" />', 'body-unknown-h5p', { knownH5pIds: new Set(['pesan-penipuan', 'tidak-adaa']) });
    expect(parsed.errors[0].message).toContain('tidak-adaa');
    expect(parseLessonBody('<H5P id="pesan-penipuan" />', { knownH5pIds: new Set(['pesan-penipuan']) }).h5pIds).toEqual(['pesan-penipuan']);
    expect(parseLessonBody('<H5P id="apa-saja" />').ok).toBe(true);
  });

  it('a 200 KB body is refused before it is parsed', () => {
    const big = 'Kata kata kata. '.repeat(13_000);
    const parsed = refused(big, 'body-too-big');
    expect(parsed.bytes).toBeGreaterThan(200_000);
    expect(parsed.errors[0].message).toMatch(/KB/);
    refused('a'.repeat(2000), 'body-too-big', { maxBytes: 1000 });
  });

  it('an unclosed component names the line it was opened on', () => {
    const parsed = refused('Pembuka.\n\nKalimat.\n\n<Tip judul="x">\nIsi tips.\n', /mdx-unclosed-tag|mdx/);
    expect(parsed.errors[0].line).toBe(5);
    expect(parsed.errors[0].message).toContain('</Tip>');
  });

  it('headings: h2 to h4 only; references and footnotes are refused', () => {
    refused('# Judul', 'body-heading-depth');
    refused('##### Kecil', 'body-heading-depth');
    refused('[a][b]\n\n[b]: https://contoh.id', 'body-reference');
    refused('Teks[^1]\n\n[^1]: catatan', 'body-footnote');
    refused('<!-- rahasia -->', /mdx/);
  });
});

describe('what is allowed becomes a plain tree', () => {
  it('markdown constructs', () => {
    const body = [
      '## Judul dua',
      '### Judul tiga',
      '#### Judul empat',
      'Teks *miring*, **tebal**, ~~coret~~ dan `kode`.  \nbaris baru',
      '- satu',
      '- dua',
      '1. pertama',
      '> kutipan',
      '---',
      '```',
      'kode blok',
      '```',
      '[web](https://contoh.id) [surel](mailto:a@contoh.id) [telepon](tel:+6281100000011) [wa](https://wa.me/6281100000011) [pelajaran](/learn/keamanan-data) [bagian](#judul-dua) [relatif](../lain)',
      '![Foto etalase](https://contoh.id/a.jpg) ![Logo](/icons/icon-192.png)',
      '| a | b |\n|:--|--:|\n| 1 | 2 |',
      'Tekan <kbd>Ctrl</kbd>, <mark>penting</mark>, <abbr title="Otoritas Jasa Keuangan">OJK</abbr>, H<sub>2</sub>O, m<sup>2</sup><br />lalu',
    ].join('\n\n');
    const parsed = parseLessonBody(body);
    expect(parsed.errors).toEqual([]);
    const types = new Set<string>();
    const walk = (nodes: NonNullable<ParsedBody['tree']>) =>
      nodes.forEach((n) => {
        types.add(n.type === 'element' ? `element:${n.name}` : n.type);
        if ('children' in n) walk(n.children);
      });
    walk(parsed.tree!);
    for (const t of [
      'heading',
      'paragraph',
      'emphasis',
      'strong',
      'delete',
      'inlineCode',
      'break',
      'list',
      'listItem',
      'blockquote',
      'thematicBreak',
      'code',
      'link',
      'image',
      'table',
      'tableRow',
      'tableCell',
      'element:kbd',
      'element:mark',
      'element:abbr',
      'element:sub',
      'element:sup',
      'element:br',
    ])
      expect(types, t).toContain(t);
    expect(JSON.parse(JSON.stringify(parsed.tree))).toEqual(parsed.tree);
  });

  it.each([
    ['Tip', '<Tip judul="Hemat kuota">Isi **tips**.</Tip>'],
    ['Awas', '<Awas>Jangan bagikan kode OTP.</Awas>'],
    ['Langkah', '<Langkah judul="Cara">\n\n1. Buka\n2. Tutup\n\n</Langkah>'],
    ['Istilah', '<Istilah kata="OTP">Kode sekali pakai.</Istilah>'],
    ['Contoh', '<Contoh judul="Pesan sopan">Contoh pesan.</Contoh>'],
    [
      'ChatWA',
      '<ChatWA judul="Bu Sari" penipuan>\n<Pesan dari="Pembeli" jam="09.12">Masih ada?</Pesan>\n<Pesan saya jam="09.13" centang="dibaca">Masih.</Pesan>\n</ChatWA>',
    ],
    ['H5P', '<H5P id="pesan-penipuan" />'],
    ['LayarHP', '<LayarHP aplikasi="WhatsApp" jalan="⋮ > Setelan" menu="Akun | Chat" catatan="Bisa berbeda." />'],
    ['Ingat', '<Ingat>\n\n- satu\n- dua\n- tiga\n\n</Ingat>'],
  ])('<%s>', (name, body) => {
    const parsed = parseLessonBody(body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(JSON.stringify(parsed.tree)).toContain(`"name":"${name}"`);
  });

  it('a prop without a value is true; <Pesan> outside <ChatWA> is a warning, not an error', () => {
    const parsed = parseLessonBody('<Pesan saya>Halo</Pesan>');
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings?.map((w) => w.code)).toEqual(['pesan-outside-chat']);
    expect(JSON.stringify(parsed.tree)).toContain('"saya":true');
  });
});

describe('garbage never throws', () => {
  it('random strings always give a ParsedBody', () => {
    let seed = 19;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      '<',
      '>',
      '/',
      '{',
      '}',
      '"',
      "'",
      '=',
      '\n',
      ' ',
      'Tip',
      'H5P',
      'script',
      '`',
      '#',
      '*',
      '[',
      ']',
      '(',
      ')',
      '!',
      '|',
      '-',
      'a',
      '&#x09;',
      ':',
      '\\',
      '\u0000',
      'é',
      '😀',
    ];
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const parsed = parseLessonBody(text);
      expect(typeof parsed.ok).toBe('boolean');
      expect(parsed.ok ? parsed.tree : parsed.errors.length).toBeTruthy();
    }
  });
});
