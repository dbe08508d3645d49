/**
 * The write-side loads of issue 20, shared by `npm run bench` (run-all.ts) and `npm run bench:write`
 * (write.ts):
 *
 * - `progressLoad`: POST /api/progress with 10-event batches (fresh UUIDs, one of the given
 *   learners per request), either as fast as the server answers (`rate` unset) or at a FIXED
 *   offered rate of requests per second (autocannon `overallRate`; its p99 corrected for
 *   coordinated omission is reported beside the raw one).
 * - `villageHall`: a village hall's phones logging in from ONE address: `spread` distinct
 *   accounts evenly over `spreadSeconds`, then `burst` other accounts at once.
 *
 * Numbers are printed beside a baseline of the same run by the callers; nothing is asserted.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient } from '@libsql/client';

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
  duration: number;
}
type Tracker = NodeJS.EventEmitter & { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as (
  opts: { url: string; connections: number; duration: number; overallRate?: number; requests?: CannonRequest[] },
  cb: (err: Error | null, result: CannonResult) => void,
) => Tracker;

export const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;

/** User + system CPU time of a process so far, in ms (Linux /proc, clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface ProgressLoad {
  /** Offered requests per second (fixed rate), or undefined for "as fast as answered". */
  offered?: number;
  rps: number;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** autocannon's p99 corrected for coordinated omission (meaningful at a fixed rate). */
  p99corrected: number;
  /** Server CPU per answered request, ms. */
  cpu: number;
  statuses: Record<string, number>;
  errors: number;
}

export const EVENTS_PER_BATCH = 10;

/** POST /api/progress, 10 events per request, rotating over `cookies` (one learner each). */
export function progressLoad(options: {
  url: string;
  cookies: string[];
  lessons: string[];
  serverPid: number | undefined;
  duration: number;
  connections?: number;
  rate?: number;
}): Promise<ProgressLoad> {
  const { url, cookies, lessons } = options;
  let next = 0;
  const request: CannonRequest = {
    method: 'POST',
    path: '/api/progress',
    setupRequest: (req) => {
      const cookie = cookies[next++ % cookies.length];
      const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
        id: crypto.randomUUID(),
        type: i % 2 ? 'time' : 'viewed',
        lessonId: lessons[(next + i) % lessons.length],
        at: Date.now(),
        ...(i % 2 ? { data: { seconds: 30 } } : {}),
      }));
      return { ...req, headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify({ events }) };
    },
  };
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const cpuBefore = processCpuMs(options.serverPid);
    const tracker = autocannon(
      { url, connections: options.connections ?? 50, duration: options.duration, overallRate: options.rate, requests: [request] },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        const ok = statuses['200'] ?? 0;
        resolve({
          offered: options.rate,
          rps: result.requests.total / result.duration,
          eventsPerSecond: (ok * EVENTS_PER_BATCH) / result.duration,
          p50: quantile(latencies, 0.5),
          p95: quantile(latencies, 0.95),
          p99: quantile(latencies, 0.99),
          p99corrected: result.latency.p99,
          cpu: (processCpuMs(options.serverPid) - cpuBefore) / Math.max(1, latencies.length),
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
    tracker.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

/**
 * Gives `count` learners of the database the bench password and returns their phone numbers as
 * typed at the login form (national form, 08…). Learners that already have it are taken first.
 */
export async function hallAccounts(databaseUrl: string, passwordHash: string, count: number): Promise<string[]> {
  const db = createClient({ url: databaseUrl });
  try {
    const rows = await db.execute({
      sql: `SELECT id, phone FROM users WHERE role = 'learner' AND deleted_at IS NULL AND phone IS NOT NULL
            ORDER BY (password_hash = ?) DESC, id LIMIT ?`,
      args: [passwordHash, count],
    });
    const ids = rows.rows.map((r) => String(r.id));
    await db.execute({ sql: `UPDATE users SET password_hash = ? WHERE id IN (${ids.map(() => '?').join(',')})`, args: [passwordHash, ...ids] });
    if (ids.length < count) throw new Error(`only ${ids.length} learners to log in, ${count} wanted`);
    return rows.rows.map((r) => `0${String(r.phone).slice(3)}`);
  } finally {
    db.close();
  }
}

export interface LoginWave {
  count: number;
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  statuses: Record<string, number>;
  /** Logins answered without a session (429 too many, 401, any other status). */
  refused: number;
  /** Logins with no answer within 30 s (the server was too busy), counted apart from refusals. */
  unanswered: number;
  /** Server CPU per login, ms. */
  cpu: number;
}

async function loginOnce(url: string, phone: string, password: string): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: new URLSearchParams({ phone, password }),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    const session = response.headers.getSetCookie().some((c) => c.startsWith('melek_session='));
    return { ms: performance.now() - started, status: response.status === 303 && session ? '303' : String(response.status) };
  } catch {
    return { ms: performance.now() - started, status: 'error' };
  }
}

async function wave(url: string, phones: string[], password: string, spreadMs: number, serverPid: number | undefined): Promise<LoginWave> {
  const cpuBefore = processCpuMs(serverPid);
  const started = performance.now();
  const gap = phones.length > 1 ? spreadMs / phones.length : 0;
  const results = await Promise.all(
    phones.map(async (phone, i) => {
      if (gap > 0) await new Promise((r) => setTimeout(r, i * gap));
      return loginOnce(url, phone, password);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    count: phones.length,
    seconds,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1] ?? NaN,
    statuses,
    refused: results.filter((r) => r.status !== '303' && r.status !== 'error').length,
    unanswered: results.filter((r) => r.status === 'error').length,
    cpu: (processCpuMs(serverPid) - cpuBefore) / Math.max(1, phones.length),
  };
}

/**
 * A village hall: every phone behind one address (the bench client is 127.0.0.1 for all of
 * them), `spread` distinct accounts evenly over `spreadSeconds`, then `burst` other accounts at once.
 */
export async function villageHall(options: {
  url: string;
  phones: string[];
  password: string;
  spread: number;
  spreadSeconds: number;
  burst: number;
  serverPid: number | undefined;
}): Promise<{ spread: LoginWave; burst: LoginWave }> {
  const { url, phones, password } = options;
  if (phones.length < options.spread + options.burst) throw new Error('not enough accounts for the village hall');
  const spread = await wave(url, phones.slice(0, options.spread), password, options.spreadSeconds * 1000, options.serverPid);
  const burst = await wave(url, phones.slice(options.spread, options.spread + options.burst), password, 0, options.serverPid);
  return { spread, burst };
}
