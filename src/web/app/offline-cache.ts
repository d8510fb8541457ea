/**
 * Content fetched before the service worker took control of the page was not seen by it, so
 * it is not cached yet. Every content URL the app reads is noted here, and handed to the worker
 * to keep when it takes control: after the very first visit, it is all there offline.
 */
const noted = new Set<string>();
let controlled = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);

export function noteFetched(url: string): void {
  noted.add(url);
}

/** Called once the service worker controls the page. */
export function refetchForOffline(): void {
  if (controlled) return;
  controlled = true;
  void keepOffline([...noted]);
}

/** How long to wait for the worker to say it kept one URL (it does not answer a failure). */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Has the service worker fetch and keep `urls` for offline use, `parallel` at a time, so the
 * child's own requests stay quick. The worker does the downloading, off the page's main thread
 * (a band's bundle read by the page was a long task on a slow phone): Workbox's router answers
 * a `CACHE_URLS` message by passing each URL through the route, and so the cache, that a fetch
 * of it would take (vite.config.ts). Waits for an active worker; true when it kept them all.
 */
export async function keepOffline(urls: readonly string[], parallel = 3): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  if (urls.length === 0) return true;
  const { active } = await navigator.serviceWorker.ready;
  if (!active || !navigator.onLine) return false;
  const queue = [...urls];
  let all = true;
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift())
      if (!(await keepOne(active, url))) all = false;
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return all;
}

/** One URL; false when the worker did not say it kept it (it answers only success). */
function keepOne(worker: ServiceWorker, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = (kept: boolean) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(kept);
    };
    const timer = setTimeout(() => done(false), ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = () => done(true);
    worker.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [url] } }, [channel.port2]);
  });
}
