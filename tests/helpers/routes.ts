/**
 * Shared by the security suite (authz-matrix.test.ts, fuzz.test.ts): the app's routes as found in
 * src/pages at test time (so a route added tomorrow is covered without touching the tests), an
 * HTML form reader (field names come from the page itself), and a small HTTP client that never
 * follows redirects and remembers every status it saw.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './server';

export interface Route {
  /** The file under src/pages, e.g. `mentor/learners/[id].astro`. */
  file: string;
  /** The URL pattern, e.g. `/mentor/learners/[id]`. */
  pattern: string;
  /** Dynamic parameters in order, e.g. `['id']`; a rest parameter is written `...path`. */
  params: string[];
  /** `page` (.astro: answers GET and POST) or `endpoint` (.ts/.js: only the methods it exports). */
  kind: 'page' | 'endpoint';
  methods: string[];
}

const PAGES = join(ROOT, 'src/pages');
const ROUTE_FILE = /\.(astro|ts|js|mjs|md|mdx|html)$/;

/** Every route file under src/pages, the way Astro maps files to URLs (`_`-prefixed names are not routes). */
export function discoverRoutes(dir = PAGES): Route[] {
  const routes: Route[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (ROUTE_FILE.test(name) && !name.endsWith('.d.ts')) routes.push(routeOf(relative(dir, full)));
    }
  };
  walk(dir);
  return routes;
}

function routeOf(file: string): Route {
  const source = readFileSync(join(PAGES, file), 'utf8');
  const ext = file.match(ROUTE_FILE)![1];
  const kind = ext === 'ts' || ext === 'js' || ext === 'mjs' ? 'endpoint' : 'page';
  const segments = file
    .replace(ROUTE_FILE, '')
    .split('/')
    .filter((s, i, all) => !(s === 'index' && i === all.length - 1));
  const pattern = '/' + segments.join('/');
  const params = [...pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => (m[1] ? `...${m[2]}` : m[2]));
  const methods =
    kind === 'page'
      ? ['GET', 'POST']
      : [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|ALL)\b/g)].map((m) => m[1]);
  return { file, pattern, params, kind, methods: [...new Set(methods)] };
}

/** Fills a pattern's parameters: `fill('/mentor/learners/[id]', { id: 'x' })`. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest, name) => {
    const value = values[rest ? `...${name}` : name] ?? values[name];
    if (value === undefined) throw new Error(`no value for [${rest ?? ''}${name}] in ${pattern}`);
    return rest ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

// ------------------------------------------------------------------ forms

export interface FormField {
  name: string;
  value: string;
  type: string;
  options?: string[];
}

export interface HtmlForm {
  method: string;
  action: string | null;
  enctype: string;
  fields: FormField[];
  /** Named submit buttons (e.g. `intent`): each is one way of sending the form. */
  submits: Array<{ name: string; value: string }>;
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | null => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  if (!m) return new RegExp(`\\s${name}(?=[\\s>/])`, 'i').test(tag) ? '' : null;
  return decode(m[1] ?? m[2] ?? m[3] ?? '');
};

/** The forms of a page, with their fields (inputs, textareas, selects) and named submit buttons. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = `<form ${m[1]}>`;
    const body = m[2];
    const fields: FormField[] = [];
    const submits: HtmlForm['submits'] = [];
    for (const tag of body.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(tag[0], 'name');
      const type = (attr(tag[0], 'type') ?? 'text').toLowerCase();
      if (!name) continue;
      if (type === 'submit' || type === 'image') {
        submits.push({ name, value: attr(tag[0], 'value') ?? '' });
        continue;
      }
      if ((type === 'checkbox' || type === 'radio') && fields.some((f) => f.name === name && f.type === type)) {
        fields.find((f) => f.name === name && f.type === type)!.options!.push(attr(tag[0], 'value') ?? 'on');
        continue;
      }
      const value = attr(tag[0], 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
      fields.push({ name, value, type, ...(type === 'checkbox' || type === 'radio' ? { options: [value] } : {}) });
    }
    for (const tag of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attr(`<t ${tag[1]}>`, 'name');
      if (name) fields.push({ name, value: decode(tag[2]), type: 'textarea' });
    }
    for (const tag of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(`<s ${tag[1]}>`, 'name');
      if (!name) continue;
      const options = [...tag[2].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => attr(`<o ${o[1]}>`, 'value') ?? decode(o[2]).trim());
      const selected = [...tag[2].matchAll(/<option\b([^>]*)>/gi)].find((o) => /\sselected\b/i.test(o[1]));
      fields.push({ name, value: selected ? (attr(`<o ${selected[1]}>`, 'value') ?? '') : (options[0] ?? ''), type: 'select', options });
    }
    for (const tag of body.matchAll(/<button\b([^>]*)>/gi)) {
      const t = `<b ${tag[1]}>`;
      const name = attr(t, 'name');
      const type = (attr(t, 'type') ?? 'submit').toLowerCase();
      if (name && type === 'submit') submits.push({ name, value: attr(t, 'value') ?? '' });
    }
    forms.push({
      method: (attr(open, 'method') ?? 'get').toUpperCase(),
      action: attr(open, 'action'),
      enctype: (attr(open, 'enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(),
      fields,
      submits,
    });
  }
  return forms;
}

/** The values a browser would send for a form as shown (checkboxes ticked, first radio chosen). */
export function formValues(form: HtmlForm, submit?: { name: string; value: string }): Array<[string, string]> {
  const out: Array<[string, string]> = form.fields.filter((f) => f.type !== 'file').map((f) => [f.name, f.value]);
  if (submit) out.push([submit.name, submit.value]);
  return out;
}

/** Where a form posts to, as a path on the server (a form without action posts to its own page). */
export function formTarget(form: HtmlForm, pagePath: string): string | null {
  if (form.action === null || form.action === '') return pagePath;
  try {
    const url = new URL(form.action, 'http://app.invalid' + pagePath);
    if (url.origin !== 'http://app.invalid') return null;
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ HTTP

export interface Reply {
  method: string;
  path: string;
  status: number;
  location: string | null;
  contentType: string;
  body: string;
  headers: Headers;
}

export interface FetchOptions {
  method?: string;
  /** The session token (sent as the melek_session cookie). */
  cookie?: string;
  /** Origin header on non-GET requests: the server's own by default, `false` for none. */
  origin?: string | false;
  headers?: Record<string, string>;
  body?: BodyInit;
}

/**
 * One request to the app as a browser sends it: the session cookie, the app's own Origin on a
 * write (Astro's checkOrigin), redirects not followed. Returns the Response unread. Every HTTP
 * test goes through this (or httpClient below, which reads the body and records statuses).
 */
export async function appFetch(baseUrl: string, path: string, options: FetchOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', `melek_session=${options.cookie}`);
  const origin = options.origin ?? baseUrl;
  if (method !== 'GET' && method !== 'HEAD' && origin !== false) headers.set('origin', origin);
  return fetch(baseUrl + path, { method, headers, body: options.body, redirect: 'manual' });
}

/** A client for one server: never follows redirects, reads every body, records every status. */
export function httpClient(baseUrl: string) {
  const seen: Array<{ method: string; path: string; status: number; who?: string }> = [];
  async function request(path: string, options: FetchOptions & { who?: string } = {}): Promise<Reply> {
    const method = options.method ?? (options.body !== undefined ? 'POST' : 'GET');
    const response = await appFetch(baseUrl, path, options);
    const body = await response.text();
    seen.push({ method, path, status: response.status, who: options.who });
    return {
      method,
      path,
      status: response.status,
      location: response.headers.get('location'),
      contentType: response.headers.get('content-type') ?? '',
      body,
      headers: response.headers,
    };
  }
  return { request, seen };
}

/** The session cookie value a response sets, if any. */
export function sessionFrom(response: { headers: Headers }): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const m = line.match(/^melek_session=([^;]*)/);
    if (m && m[1]) return decodeURIComponent(m[1]);
  }
  return undefined;
}

/** HTML entity-decoded text (Astro escapes user text; a marker must be found either way). */
export const decoded = decode;

/**
 * Logs in through the login form like a browser (same origin, form-encoded) and returns the
 * session token; throws unless the server answers 303 with a session cookie. The one login helper
 * of the HTTP tests.
 */
export async function loginWith(baseUrl: string, phone: string, password: string): Promise<string> {
  const response = await appFetch(baseUrl, '/login', { body: new URLSearchParams({ phone, password }) });
  const token = sessionFrom(response);
  if (response.status !== 303 || !token) throw new Error(`login ${phone}: ${response.status}, expected 303 with a session cookie`);
  return token;
}
