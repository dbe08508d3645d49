/** The three roles; the users table's role column takes its values from here. */
export const ROLES = ['learner', 'mentor', 'trainer'] as const;
export type Role = (typeof ROLES)[number];

/** Where each role lands after login. */
export const ROLE_HOME: Record<Role, string> = {
  learner: '/learn',
  mentor: '/mentor',
  trainer: '/trainer',
};

/** Which roles may enter an area (the roles table: docs/ARCHITECTURE.md; which learners: server/access/learner-scope.ts); trainers may preview the learner area. */
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

/**
 * Only a same-origin path is followed after login or a language switch, never another origin.
 * The value (already percent-decoded once by URLSearchParams, and checked again after one more
 * decoding) must start with "/", its second character must be neither "/" nor "\\" (browsers
 * read "//host" and "/\\host" as another origin), and it may hold no backslash, whitespace or
 * control character anywhere: browsers strip tabs and newlines from URLs, so "/<TAB>/evil.example"
 * becomes "//evil.example", and a control character in a Location header fails the response.
 * Anything else is null: the caller sends the user to their role's home.
 */
export function safeNext(next: string | null | undefined): string | null {
  // Printable ASCII only: a Location header cannot carry other characters (the response would fail).
  if (!next || next.length > 2000 || !/^[\x21-\x7e]+$/.test(next)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return null;
  }
  for (const value of [next, decoded]) {
    if (!value.startsWith('/') || value[1] === '/' || value[1] === '\\') return null;
    if (/[\\\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]/u.test(value)) return null;
  }
  return next;
}
