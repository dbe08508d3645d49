/**
 * After every `astro build`: bundles Melek's own HTTP server (src/server/main.ts) into
 * dist/server/melek.mjs with esbuild (Astro's own dependency). It imports Astro's handler from
 * ./entry.mjs at run time. Everything that starts Melek runs `node dist/server/melek.mjs`:
 * `npm start` (src/cli/start.ts), the tests (tests/helpers/server.ts, dist-snapshot.ts), the
 * benchmarks and the crash test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const SERVER_FILE = 'melek.mjs';

export async function buildServer(root: string, serverDir: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    outfile: join(serverDir, SERVER_FILE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** The Astro integration: `integrations: [..., melekServer()]` in astro.config.mjs. */
export function melekServer() {
  let root = process.cwd();
  let serverDir = join(root, 'dist/server');
  return {
    name: 'melek-server',
    hooks: {
      'astro:config:done': ({ config }: { config: { root: URL; build: { server: URL } } }) => {
        root = fileURLToPath(config.root);
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:build:done': async () => {
        await buildServer(root, serverDir);
      },
    },
  };
}
