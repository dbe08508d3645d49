// `npm run lint`: typescript-eslint's recommended rules for TypeScript and eslint-plugin-astro's for
// .astro files — the Astro ecosystem's convention. Run by `npm test`.
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', '.astro/', 'public/', 'src/h5p-library/', 'playwright-report/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // Melek matches control characters on purpose: to refuse them in names, paths and redirects.
      'no-control-regex': 'off',
      // `_name` marks a parameter or binding kept on purpose (a callback's shape, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Config files run on Node.
  { files: ['*.mjs', '*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // Playwright's fixtures take an empty object pattern when they use no other fixture.
  { files: ['tests/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
);
