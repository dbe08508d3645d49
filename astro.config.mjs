// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx()],
  // Cross-site form posts are refused with 403 (DESIGN.md security floor).
  // allowedDomains: without it Astro ignores the Host header and every URL becomes
  // http://localhost, so the origin check would refuse the app's own forms on any port but 80.
  // ALLOWED_HOSTS (comma-separated, read at build time) pins the names; by default any Host is
  // taken, which is safe for the origin check: a browser cannot forge Host on a cross-site post.
  security: {
    checkOrigin: true,
    allowedDomains: process.env.ALLOWED_HOSTS
      ? process.env.ALLOWED_HOSTS.split(',').map((hostname) => ({ hostname: hostname.trim() }))
      : [{}],
  },
  // Inline the CSS so a lesson paints from the first round trip on 3G.
  build: { inlineStylesheets: 'always' },
  // No prefetching, no dev toolbar: every byte on the learner's phone is paid for.
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  vite: {
    ssr: { external: ['@node-rs/argon2', '@libsql/client'] },
  },
});
