import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { en } from '../../src/i18n/en';
import { id as dictionary } from '../../src/i18n/id';
import { bodyLimitFor, DEFAULT_BODY_LIMIT, REVIEW_FORM_MAX_BYTES } from '../../src/lib/body-limits';
import { formRefusal, readForm, readFormLimited, readPageForm } from '../../src/lib/server/forms/read-form';
import { text } from '../../src/lib/validation';

const ORIGIN = 'http://localhost:4321';
const urlencoded = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(ORIGIN + path, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

/** A body streamed without Content-Length, as a chunked upload arrives. */
function chunked(path: string, bytes: number, contentType = 'application/x-www-form-urlencoded') {
  const chunk = new TextEncoder().encode(`a=${'x'.repeat(1022)}&`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
  return new Request(ORIGIN + path, { method: 'POST', body, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
}

describe('readForm: one way to read a form post', () => {
  it('reads a valid urlencoded form: values, intent and the FormData itself', async () => {
    const read = await readForm(urlencoded('/learn/usaha', { intent: 'sales', band: 'b2', note: 'satu' }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.intent).toBe('sales');
    expect(read.values).toEqual({ intent: 'sales', band: 'b2', note: 'satu' });
    expect(read.data).toEqual(read.values);
    expect(read.form.get('band')).toBe('b2');
  });

  it('reads multipart forms too, keeping repeated fields in the FormData', async () => {
    const body = new FormData();
    body.append('seller', 'a');
    body.append('seller', 'b');
    const read = await readForm(new Request(ORIGIN + '/learn/jaringan/promo', { method: 'POST', body }));
    expect(read.ok && read.form.getAll('seller')).toEqual(['a', 'b']);
    expect(read.ok && read.values.seller).toBe('a');
  });

  it('refuses a declared body over the route cap with 413 and the Indonesian message, before reading', async () => {
    const limit = bodyLimitFor('/login').bytes;
    const read = await readForm(urlencoded('/login', { phone: '0812' }, { 'content-length': String(limit + 1) }));
    expect(read).toMatchObject({ ok: false, status: 413, reason: 'tooLarge', message: dictionary.bodyTooLarge });
  });

  it('cuts off a streamed body that grows past the cap (no Content-Length), the cap taken from body-limits.ts', async () => {
    const over = await readForm(chunked('/learn/ulang', REVIEW_FORM_MAX_BYTES + 2048));
    expect(over).toMatchObject({ ok: false, status: 413, message: dictionary.bodyTooLarge });
    // The same body fits the default cap of another route.
    const fits = await readForm(chunked('/learn/usaha', REVIEW_FORM_MAX_BYTES + 2048));
    expect(fits.ok).toBe(true);
    const defaultOver = await readForm(chunked('/learn/usaha', DEFAULT_BODY_LIMIT + 1024));
    expect(defaultOver).toMatchObject({ ok: false, status: 413 });
    // An explicit cap wins over the table.
    expect(await readForm(chunked('/learn/usaha', 4096), { maxBytes: 1024 })).toMatchObject({ ok: false, status: 413 });
  });

  it('a body of the wrong type is a 415 with a message, unless too large (413 whatever its type)', async () => {
    const json = new Request(ORIGIN + '/login', { method: 'POST', body: JSON.stringify({ phone: '0812' }), headers: { 'content-type': 'application/json' } });
    const read = await readForm(json);
    expect(read).toMatchObject({ ok: false, status: 415, reason: 'contentType', message: dictionary.formNotAForm });
    expect(await readForm(chunked('/login', 64 * 1024, 'text/plain'))).toMatchObject({ ok: false, status: 413 });
  });

  it('broken multipart is a 400 with a message', async () => {
    const broken = new Request(ORIGIN + '/register', {
      method: 'POST',
      body: '--xyz\r\nnot really multipart',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect(await readForm(broken)).toMatchObject({ ok: false, status: 400, reason: 'malformed', message: dictionary.formUnreadable });
  });

  it('answers in the locale asked for', async () => {
    const json = new Request(ORIGIN + '/login', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(await readForm(json, { locale: 'en' })).toMatchObject({ ok: false, status: 415, message: en.formNotAForm });
  });

  it('an intent the page does not know is a 400; a known one passes', async () => {
    const intents = ['confirm', 'decline'] as const;
    expect(await readForm(urlencoded('/learn/jaringan', { intent: 'drop-table' }), { intents })).toMatchObject({
      ok: false,
      status: 400,
      reason: 'unknownIntent',
      message: dictionary.formIntentUnknown,
    });
    expect(await readForm(urlencoded('/learn/jaringan', {}), { intents })).toMatchObject({ ok: false, status: 400, reason: 'unknownIntent' });
    const known = await readForm(urlencoded('/learn/jaringan', { intent: 'decline', partnershipId: 'p1' }), { intents });
    expect(known.ok && known.intent).toBe('decline');
  });

  it('validates with the zod schema of the intent: data is its output, field errors are dictionary keys', async () => {
    const schemas = { note: z.object({ intent: z.literal('note'), body: text(20) }), hide: z.object({ intent: z.literal('hide') }) };
    const valid = await readForm(urlencoded('/mentor/learners/x', { intent: 'note', body: '  Sudah telepon  ' }), { schemas });
    expect(valid.ok && valid.data).toEqual({ intent: 'note', body: 'Sudah telepon' });
    const invalid = await readForm(urlencoded('/mentor/learners/x', { intent: 'note', body: 'x'.repeat(30) }), { schemas });
    expect(invalid).toMatchObject({ ok: false, status: 400, reason: 'invalid', message: dictionary.formInvalid, errors: { body: 'textLong' } });
    const empty = await readForm(urlencoded('/mentor/learners/x', { intent: 'note' }), { schemas });
    expect(empty).toMatchObject({ ok: false, errors: { body: 'fieldEmpty' } });
    const unknown = await readForm(urlencoded('/mentor/learners/x', { intent: 'delete' }), { schemas });
    expect(unknown).toMatchObject({ ok: false, status: 400, reason: 'unknownIntent' });
  });
});

describe('readPageForm: the pages’ way', () => {
  it('an unreadable body reads as an empty form, so the page itself names what is missing', async () => {
    const json = new Request(ORIGIN + '/login', { method: 'POST', body: '{"phone":"0812"}', headers: { 'content-type': 'application/json' } });
    const read = await readPageForm(json, 'id');
    expect(read.ok && [...read.form.keys()]).toEqual([]);
    const broken = new Request(ORIGIN + '/register', {
      method: 'POST',
      body: '--xyz\r\nnope',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect((await readPageForm(broken, 'id')).ok).toBe(true);
  });

  it('but too large is still refused, and the refusal answers as plain text with its status', async () => {
    const read = await readPageForm(chunked('/learn/usaha', DEFAULT_BODY_LIMIT + 4096), 'id');
    expect(read).toMatchObject({ ok: false, status: 413 });
    if (read.ok) return;
    const response = formRefusal(read);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(dictionary.bodyTooLarge);
  });
});

describe('readFormLimited (moved from trainer/form-body)', () => {
  it('reports tooLarge and malformed as before', async () => {
    expect(await readFormLimited(chunked('/x', 8192), 1024)).toEqual({ ok: false, reason: 'tooLarge' });
    const broken = new Request(ORIGIN + '/x', { method: 'POST', body: 'zzz', headers: { 'content-type': 'multipart/form-data; boundary=abc' } });
    expect(await readFormLimited(broken, 1024)).toEqual({ ok: false, reason: 'malformed' });
  });
});
