import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { id as dictionary } from '../../src/i18n/id';
import { areaFor, AREA_ROLES, isPublicPath, ROLE_HOME, safeNext } from '../../src/lib/roles';
import { formToObject, httpsLink, isoDate, optionalText, parseForm, password, personName, phone, text } from '../../src/lib/validation';

/** Every message key a schema can produce must exist in the Indonesian dictionary. */
const expectKnownKey = (key: string) => expect(typeof (dictionary as Record<string, unknown>)[key]).toBe('string');

describe('safeNext', () => {
  it.each([['/learn'], ['/mentor?x=1'], ['/trainer#top'], ['/']])('follows the same-site path %s', (next) => {
    expect(safeNext(next)).toBe(next);
  });

  it.each([
    ['//evil.com'],
    ['//evil.com/learn'],
    ['https://evil.com'],
    ['http://evil.com/learn'],
    ['/\\evil'],
    ['/\\/evil.com'],
    ['\\\\evil.com'],
    ['javascript:alert(1)'],
    ['evil.com'],
    [''],
    [null],
    [undefined],
  ])('refuses %s', (next) => {
    expect(safeNext(next)).toBeNull();
  });
});

describe('isPublicPath', () => {
  it.each([['/'], ['/login'], ['/register'], ['/api/health'], ['/invite/abc'], ['/bahasa/en'], ['/_astro/x.css'], ['/favicon.svg']])(
    '%s needs no session',
    (path) => expect(isPublicPath(path)).toBe(true),
  );

  it.each([
    ['/learn'],
    ['/mentor'],
    ['/mentor/invite'],
    ['/trainer'],
    ['/api/progress'],
    ['/logout'],
    ['/login/../trainer'],
    ['/loginx'],
    ['/invite'],
    ['/api/healthz'],
  ])('%s needs a session', (path) => expect(isPublicPath(path)).toBe(false));
});

describe('areaFor', () => {
  it('maps each area to the roles of DESIGN.md', () => {
    expect(areaFor('/learn')?.roles).toEqual(['learner', 'trainer']);
    expect(areaFor('/learn/modul/1')?.roles).toEqual(['learner', 'trainer']);
    expect(areaFor('/mentor')?.roles).toEqual(['mentor', 'trainer']);
    expect(areaFor('/mentor/invite')?.roles).toEqual(['mentor', 'trainer']);
    expect(areaFor('/trainer')?.roles).toEqual(['trainer']);
    expect(areaFor('/trainer/report')?.roles).toEqual(['trainer']);
  });

  it('does not match a path that only starts with the same letters', () => {
    expect(areaFor('/learning')).toBeUndefined();
    expect(areaFor('/mentors')).toBeUndefined();
    expect(areaFor('/trainers-guide')).toBeUndefined();
    expect(areaFor('/login')).toBeUndefined();
    expect(areaFor('/')).toBeUndefined();
  });

  it('no area is public, and each role may enter its own home', () => {
    for (const area of AREA_ROLES) expect(isPublicPath(area.prefix)).toBe(false);
    for (const [role, home] of Object.entries(ROLE_HOME)) expect(areaFor(home)?.roles).toContain(role);
    expect(areaFor('/trainer')?.roles).not.toContain('mentor');
    expect(areaFor('/mentor')?.roles).not.toContain('learner');
  });
});

describe('validation schemas', () => {
  it('text trims, refuses empty and over-long input', () => {
    const schema = text(10);
    expect(schema.parse('  hai  ')).toBe('hai');
    expect(parseForm(z.object({ f: schema }), { f: '   ' })).toEqual({ ok: false, errors: { f: 'fieldEmpty' } });
    expect(parseForm(z.object({ f: schema }), {})).toEqual({ ok: false, errors: { f: 'fieldEmpty' } });
    expect(parseForm(z.object({ f: schema }), { f: 'x'.repeat(1000) })).toEqual({ ok: false, errors: { f: 'textLong' } });
    expect(parseForm(z.object({ f: text(10, 'joinCodeEmpty') }), { f: '' })).toEqual({ ok: false, errors: { f: 'joinCodeEmpty' } });
  });

  it('optionalText turns empty into null and caps the length', () => {
    const schema = z.object({ f: optionalText(5) });
    expect(parseForm(schema, {})).toEqual({ ok: true, data: { f: null } });
    expect(parseForm(schema, { f: '   ' })).toEqual({ ok: true, data: { f: null } });
    expect(parseForm(schema, { f: ' ab ' })).toEqual({ ok: true, data: { f: 'ab' } });
    expect(parseForm(schema, { f: 'x'.repeat(1000) })).toEqual({ ok: false, errors: { f: 'textLong' } });
  });

  it('phone normalizes to E.164 and names the problem', () => {
    const schema = z.object({ phone });
    expect(parseForm(schema, { phone: '+62 812-3456-7890' })).toEqual({ ok: true, data: { phone: '+6281234567890' } });
    expect(parseForm(schema, {})).toEqual({ ok: false, errors: { phone: 'phoneEmpty' } });
    expect(parseForm(schema, { phone: '' })).toEqual({ ok: false, errors: { phone: 'phoneEmpty' } });
    expect(parseForm(schema, { phone: '+1 415 555 0100' })).toEqual({ ok: false, errors: { phone: 'phoneForeign' } });
    expect(parseForm(schema, { phone: '9'.repeat(1000) })).toEqual({ ok: false, errors: { phone: 'phoneInvalid' } });
    expect(parseForm(schema, { phone: 12345 })).toEqual({ ok: false, errors: { phone: 'phoneEmpty' } });
  });

  it('password: empty, short, long', () => {
    const schema = z.object({ password });
    expect(parseForm(schema, { password: '' })).toEqual({ ok: false, errors: { password: 'passwordEmpty' } });
    expect(parseForm(schema, {})).toEqual({ ok: false, errors: { password: 'passwordEmpty' } });
    expect(parseForm(schema, { password: 'pendek' })).toEqual({ ok: false, errors: { password: 'passwordShort' } });
    expect(parseForm(schema, { password: 'x'.repeat(1000) })).toEqual({ ok: false, errors: { password: 'passwordLong' } });
    expect(parseForm(schema, { password: 'cukup-panjang' })).toEqual({ ok: true, data: { password: 'cukup-panjang' } });
  });

  it('personName: empty, whitespace, long', () => {
    const schema = z.object({ name: personName });
    expect(parseForm(schema, { name: '   ' })).toEqual({ ok: false, errors: { name: 'nameEmpty' } });
    expect(parseForm(schema, { name: 'x'.repeat(1000) })).toEqual({ ok: false, errors: { name: 'nameLong' } });
    expect(parseForm(schema, { name: ' Bu Sari ' })).toEqual({ ok: true, data: { name: 'Bu Sari' } });
  });

  it('isoDate accepts real calendar dates only', () => {
    const schema = z.object({ d: isoDate });
    expect(parseForm(schema, { d: '2026-11-01' })).toEqual({ ok: true, data: { d: '2026-11-01' } });
    expect(parseForm(schema, { d: '2028-02-29' })).toEqual({ ok: true, data: { d: '2028-02-29' } });
    expect(parseForm(schema, { d: '' })).toEqual({ ok: true, data: { d: null } });
    for (const bad of ['2026-13-01', '2026-02-30', '2026-02-31', '2027-02-29', '2026-04-31', '01-11-2026', 'besok', '2026-1-1']) {
      expect(parseForm(schema, { d: bad }), bad).toEqual({ ok: false, errors: { d: 'dateInvalid' } });
    }
  });

  it('httpsLink refuses every scheme but https', () => {
    const schema = z.object({ l: httpsLink });
    expect(parseForm(schema, { l: 'https://chat.whatsapp.com/AbC123' })).toEqual({ ok: true, data: { l: 'https://chat.whatsapp.com/AbC123' } });
    expect(parseForm(schema, { l: '' })).toEqual({ ok: true, data: { l: null } });
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'http://chat.whatsapp.com/x',
      'data:text/html,<script>',
      '//evil.com',
      'https://x.com/"><script>',
      'https://a b',
    ]) {
      expect(parseForm(schema, { l: bad }), bad).toEqual({ ok: false, errors: { l: 'linkInvalid' } });
    }
    expect(parseForm(schema, { l: 'https://' + 'x'.repeat(1000) })).toEqual({ ok: false, errors: { l: 'textLong' } });
  });

  it('parseForm reports the first problem per field, with keys the dictionary knows', () => {
    const schema = z.object({ name: personName, phone, password });
    const result = parseForm(schema, { name: '', phone: 'abc', password: 'x' });
    expect(result).toEqual({ ok: false, errors: { name: 'nameEmpty', phone: 'phoneInvalid', password: 'passwordShort' } });
    if (!result.ok) Object.values(result.errors).forEach(expectKnownKey);
  });

  it('formToObject keeps the first string value and ignores files', () => {
    const form = new FormData();
    form.append('a', '1');
    form.append('a', '2');
    form.append('file', new Blob(['x']), 'x.txt');
    form.append('b', '');
    expect(formToObject(form)).toEqual({ a: '1', b: '' });
  });
});
