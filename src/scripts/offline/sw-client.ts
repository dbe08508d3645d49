/** Talking to the service worker from a page (src/sw/messages.ts lists the messages). */
import type { SwMessage } from '../../sw/messages';

/** Sends a message and waits (briefly) for the worker's answer; resolves undefined without a worker. */
export async function tellWorker(message: SwMessage, timeoutMs = 3000): Promise<unknown> {
  const container = navigator.serviceWorker;
  if (!container) return undefined;
  const worker =
    container.controller ?? (await Promise.race([container.ready.then((r) => r.active), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]));
  if (!worker) return undefined;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}
