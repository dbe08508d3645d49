/**
 * Work to finish before the server process exits on SIGTERM/SIGINT (src/server/main.ts), such as
 * the page views still queued in memory (progress/view-batch.ts). The list lives on globalThis
 * because main.ts is bundled apart from Astro's pages: each bundle has its own copy of this module.
 */
declare global {
  var melekBeforeExit: Array<() => Promise<unknown>> | undefined;
}

export function onBeforeExit(task: () => Promise<unknown>): void {
  (globalThis.melekBeforeExit ??= []).push(task);
}

/** Runs every registered task; gives up after `limitMs` so a stuck database cannot hold the exit. */
export async function runBeforeExit(limitMs = 2000): Promise<void> {
  const tasks = (globalThis.melekBeforeExit ?? []).map((task) => task().catch(() => undefined));
  await Promise.race([Promise.all(tasks), new Promise((resolve) => setTimeout(resolve, limitMs).unref())]);
}
