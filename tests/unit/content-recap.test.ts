import { describe, expect, it } from 'vitest';
import { recapRule } from '../../src/lib/content-check/recap';

const lesson = (tail: string) => `Isi pelajaran.\n\n## Bagian\n\nKalimat.\n${tail}`;
const codes = (body: string) => recapRule(body, 20, 20 + body.split('\n').length - 1).map((p) => [p.code, p.severity, p.line]);

describe('every lesson ends with a three-line <Ingat>', () => {
  it('a lesson ending with three recap lines passes', () => {
    expect(codes(lesson('\n<Ingat>\n\n- Satu.\n- Dua.\n- Tiga.\n\n</Ingat>\n'))).toEqual([]);
  });

  it('a lesson without a recap is warned at its last line, never failed', () => {
    const body = lesson('');
    expect(codes(body)).toEqual([['recap-missing', 'warning', 20 + body.split('\n').length - 1]]);
  });

  it('two lines, or a recap followed by more text, are warned at the recap line', () => {
    const two = lesson('\n<Ingat>\n- Satu.\n- Dua.\n</Ingat>\n');
    const line = 20 + two.split('\n').findIndex((l) => l.startsWith('<Ingat'));
    expect(codes(two)).toEqual([['recap-lines', 'warning', line]]);
    expect(codes(lesson('\n<Ingat>\n- Satu.\n- Dua.\n- Tiga.\n</Ingat>\n\nMasih ada isi.\n')).map((c) => c[0])).toEqual(['recap-not-last']);
  });
});
