import { getViteConfig } from 'astro/config';

// Playwright's *.spec.ts files live in tests/e2e; vitest takes only *.test.ts.
// Two projects: `unit` needs nothing built; `integration` starts the built server, so its global
// setup builds first whenever dist/ is older than the sources (`vitest run --project unit` skips it).
export default getViteConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/helpers/build-before-integration.ts'] },
      },
    ],
  },
} as never);
