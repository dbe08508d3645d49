import { createServer, connect, type Server, type Socket } from 'node:net';
import { test as base } from './fixtures';

/**
 * A TCP proxy in front of the e2e server that can stop answering while the browser stays online
 * (issue 16): the phone still believes it has a connection (navigator.onLine stays true, no
 * `context.setOffline`), but the server cannot be reached — a weak signal, a captive Wi-Fi, a
 * dead data balance.
 *
 *   pass  bytes flow both ways (the normal case)
 *   hang  connections are accepted and requests swallowed: nothing ever comes back
 *   drop  every connection is closed at once (the request fails fast)
 *
 * Switching mode applies to connections already open too (the browser keeps sockets alive), and
 * switching back to `pass` closes the hung ones so the browser opens fresh ones.
 * Open pages on the proxy's `url` (another port of 127.0.0.1: cookies and the service worker
 * belong to that origin).
 */
export type WeakMode = 'pass' | 'hang' | 'drop';

export interface WeakProxy {
  url: string;
  mode(mode: WeakMode): void;
  /** Requests that reached the proxy while it was not passing (bytes swallowed or dropped). */
  blocked(): number;
  /** Bytes sent from the server to the browser so far (everything the phone downloaded). */
  bytesDown(): number;
  close(): Promise<void>;
}

export async function startWeakProxy(target: string): Promise<WeakProxy> {
  const { hostname, port } = new URL(target);
  let current: WeakMode = 'pass';
  let blocked = 0;
  let down = 0;
  const open = new Set<{ client: Socket; upstream?: Socket; hung: boolean }>();

  const server: Server = createServer((client) => {
    const link: { client: Socket; upstream?: Socket; hung: boolean } = { client, hung: false };
    open.add(link);
    const done = () => {
      open.delete(link);
      client.destroy();
      link.upstream?.destroy();
    };
    client.on('error', done);
    client.on('close', done);
    if (current === 'drop') {
      blocked++;
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    link.upstream = upstream;
    upstream.on('error', done);
    upstream.on('close', done);
    upstream.on('data', (chunk) => {
      if (current === 'pass' && !link.hung) {
        down += chunk.length;
        client.write(chunk);
      }
    });
    client.on('data', (chunk) => {
      if (current === 'drop') {
        blocked++;
        done();
        return;
      }
      if (current === 'hang' || link.hung) {
        // Once a request on this socket is swallowed, the socket never answers again.
        if (!link.hung) blocked++;
        link.hung = true;
        return;
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${proxyPort}`,
    mode(mode) {
      current = mode;
      if (mode !== 'hang') {
        for (const link of [...open]) {
          if (mode === 'drop' || link.hung) {
            link.client.destroy();
            link.upstream?.destroy();
            open.delete(link);
          }
        }
      }
    },
    blocked: () => blocked,
    bytesDown: () => down,
    close: () =>
      new Promise<void>((resolve) => {
        for (const link of open) {
          link.client.destroy();
          link.upstream?.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** Playwright's `test` with a weak-connection proxy per test: pages open on the proxy (`baseURL`). */
export const test = base.extend<{ weak: WeakProxy }>({
  weak: async ({}, use) => {
    const proxy = await startWeakProxy(process.env.E2E_BASE_URL!);
    await use(proxy);
    await proxy.close();
  },
  baseURL: async ({ weak }, use) => {
    await use(weak.url);
  },
});
