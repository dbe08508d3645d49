import { describe, expect, it } from 'vitest';
import { checkTask, normalizeTaskLink } from '../../src/lib/learning/task-rules';
import { unansweredItems } from '../../src/lib/learning/quiz-complete';

describe('normalizeTaskLink (issue 16: links typed without https://)', () => {
  it.each([
    ['wa.me/c/6281234567890', 'https://wa.me/c/6281234567890'],
    ['www.tokobandeng.id', 'https://www.tokobandeng.id'],
    ['  shopee.co.id/tokosaya ', 'https://shopee.co.id/tokosaya'],
    ['https://wa.me/c/62812', 'https://wa.me/c/62812'],
    ['http://contoh.id/katalog', 'http://contoh.id/katalog'],
    ['', null],
    ['   ', null],
  ])('%j → %j', (input, expected) => expect(normalizeTaskLink(input)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'katalog saya',
    'java\tscript:alert(1)',
    `https://wa.me/${'c'.repeat(600)}`,
  ])('%j is refused', (input) => expect(normalizeTaskLink(input)).toBe('invalid'));
});

describe('checkTask', () => {
  it('trims the text and fixes the link', () => {
    expect(checkTask({ text: '  Sudah  ', link: 'wa.me/c/1' })).toEqual({ ok: true, data: { text: 'Sudah', link: 'https://wa.me/c/1' } });
  });
  it('names each problem', () => {
    expect(checkTask({ text: ' ', link: 'javascript:x' })).toEqual({ ok: false, errors: { text: 'taskTextEmpty', link: 'taskLinkInvalid' } });
    expect(checkTask({ text: 'a'.repeat(2001) })).toEqual({ ok: false, errors: { text: 'taskTextLong' } });
  });
});

describe('unansweredItems', () => {
  it('lists the items without an answer, in the form order', () => {
    expect(unansweredItems(['a', 'b', 'c', 'd'], { a: 0, c: '' })).toEqual(['b', 'c', 'd']);
    expect(unansweredItems(['a'], { a: 0 })).toEqual([]);
  });
});
