import type { Role } from '../../db/schema/auth';

/** Where each role lands after login. */
export const ROLE_HOME: Record<Role, string> = {
  learner: '/learn',
  mentor: '/mentor',
  trainer: '/trainer',
};

/** Which roles may enter an area (DESIGN.md roles table); trainers may preview the learner area. */
export const AREA_ROLES: Array<{ prefix: string; roles: Role[] }> = [
  { prefix: '/learn', roles: ['learner', 'trainer'] },
  { prefix: '/mentor', roles: ['mentor', 'trainer'] },
  { prefix: '/trainer', roles: ['trainer'] },
];

/** Paths anyone may open without logging in. Everything else needs a session. */
const PUBLIC_EXACT = new Set(['/', '/login', '/register', '/api/health', '/favicon.svg', '/robots.txt']);
const PUBLIC_PREFIXES = ['/invite/', '/bahasa/', '/verify/', '/_astro/', '/h5p/'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_EXACT.has(path) || PUBLIC_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * Paths served without looking at the session, so their responses never carry a Set-Cookie:
 * the sandboxed H5P player and the package files, which shared caches keep for a year.
 */
export function isSessionFreePath(path: string): boolean {
  return path.startsWith('/h5p/');
}

export function areaFor(path: string): { prefix: string; roles: Role[] } | undefined {
  return AREA_ROLES.find((a) => path === a.prefix || path.startsWith(a.prefix + '/'));
}

/** Only same-site paths are followed after login, never another origin. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  return next;
}
