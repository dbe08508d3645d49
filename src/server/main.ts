/**
 * The production server: `node dist/server/melek.mjs` (bundled from this file after every
 * `astro build`, see src/cli/build-server.ts). Loads Astro's handler (the Node adapter in
 * middleware mode, dist/server/entry.mjs) and serves it behind Melek's own HTTP server
 * (src/server/http-server.ts) on HOST:PORT (default localhost:4321).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMelekServer, type AstroHandler } from './http-server';
import { runBeforeExit } from '../lib/server/before-exit';

const here = dirname(fileURLToPath(import.meta.url));
const { handler } = (await import(pathToFileURL(join(here, 'entry.mjs')).href)) as { handler: AstroHandler };

const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);
const server = createMelekServer({ handler, clientDir: join(here, '../client'), trustProxy: process.env.TRUST_PROXY === '1' });
server.listen(port, host, () => {
  if (process.env.MELEK_QUIET !== '1')
    console.error(`[melek] listening on http://${host}:${port}${process.env.TRUST_PROXY === '1' ? ' (behind a trusted proxy)' : ''}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    // Lesson views still waiting in memory are written first (src/lib/server/progress/view-batch.ts).
    void runBeforeExit().finally(() => process.exit(0));
  });
}
