import { getViteConfig } from 'astro/config';

// Playwright's *.spec.ts files live in tests/e2e; vitest takes only *.test.ts.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
} as never);
