// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { offlineBuild } from './src/cli/build-sw.ts';
import { h5pPlayerAssets } from './src/cli/h5p-copy-player.ts';
import { melekServer } from './src/cli/build-server.ts';

export default defineConfig({
  output: 'server',
  // middleware mode: Astro only renders; Melek's own server (src/server/http-server.ts, built to
  // dist/server/melek.mjs by melekServer()) owns the client address, static files, body caps and
  // the security headers of every response (issue 15).
  adapter: node({ mode: 'middleware' }),
  // offlineBuild: after every build, the service worker, offline pages, icons and precompressed
  // static files, which Melek's server sends when the browser takes them (src/cli/build-sw.ts).
  // h5pPlayerAssets: copies h5p-standalone's player into public/h5p-player/ (gitignored) before
  // every build or dev server, so a fresh clone plays H5P without a separate step.
  integrations: [mdx(), h5pPlayerAssets(), offlineBuild(), melekServer()],
  // Cross-site form posts are refused with 403 (DESIGN.md security floor).
  // allowedDomains: without it Astro ignores the Host header and every URL becomes
  // http://localhost, so the origin check would refuse the app's own forms on any port but 80.
  // ALLOWED_HOSTS (comma-separated, read at build time) pins the names; by default any Host is
  // taken, which is safe for the origin check: a browser cannot forge Host on a cross-site post.
  security: {
    checkOrigin: true,
    allowedDomains: process.env.ALLOWED_HOSTS ? process.env.ALLOWED_HOSTS.split(',').map((hostname) => ({ hostname: hostname.trim() })) : [{}],
  },
  // Inline the CSS so a lesson paints from the first round trip on 3G.
  build: { inlineStylesheets: 'always' },
  // No prefetching, no dev toolbar: every byte on the learner's phone is paid for.
  prefetch: false,
  // Lesson images (MDX ![…](./foto.jpg)) become WebP with a srcset and sizes, lazy, with width
  // and height (no layout shift), and never wider than the column (responsiveStyles).
  image: { layout: 'constrained', responsiveStyles: true },
  devToolbar: { enabled: false },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  vite: {
    ssr: { external: ['@node-rs/argon2', '@libsql/client'] },
    // The CSP allows no inline script: never inline a built script into the page (Astro inlines
    // small ones by default). Images and other assets keep Vite's default limit.
    build: { assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined) },
  },
});
