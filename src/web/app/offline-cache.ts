/**
 * Content fetched before the service worker took control of the page was not seen by it, so
 * it is not cached yet. Every content URL the app reads is noted here, and handed to the worker
 * to keep when it takes control, with the content the browser itself loaded for the page
 * (pictures): after the very first visit, it is all there offline. A page left by a full load
 * before that (a reload, or a link into Kite, before the worker was ready) passes its list to
 * the next page of the tab (session storage, URLs of content only, written as the page goes);
 * otherwise home's content would stay unkept, and offline home would have no activities.
 */
const CARRIED = 'kite-unkept';
const noted = new Set<string>(carried());
const startedControlled =
  typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
let controlled = startedControlled;
let handedOver = false;
let kept = false;
if (typeof addEventListener === 'function') addEventListener('pagehide', carryUnkept);

/** Content the browser itself loaded for this page (pictures in <img>), from resource timing. */
function contentLoaded(): string[] {
  if (typeof performance === 'undefined' || !performance.getEntriesByType) return [];
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name, location.href))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/content/'))
    .map((u) => u.href);
}

/** What this page read without the worker, with what earlier pages of the tab passed on. */
const unkept = () => [...new Set([...noted, ...(startedControlled ? [] : contentLoaded())])];

function carried(): string[] {
  try {
    const list: unknown = JSON.parse(sessionStorage.getItem(CARRIED) ?? '[]');
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/** As the page goes: the list passed on, unless the worker kept it all. */
function carryUnkept(): void {
  try {
    const urls = kept ? [] : unkept();
    if (urls.length > 0) sessionStorage.setItem(CARRIED, JSON.stringify(urls));
    else sessionStorage.removeItem(CARRIED);
  } catch {
    // Storage refused (private mode, full): the list stays with this page only.
  }
}

export function noteFetched(url: string): void {
  if (!controlled) noted.add(url);
}

/**
 * Called once the service worker controls the page: hands over what this page, and pages of
 * this tab before it, read without the worker.
 */
export function refetchForOffline(): void {
  controlled = true;
  if (handedOver) return;
  handedOver = true;
  const urls = unkept();
  if (urls.length === 0) {
    kept = true;
    return;
  }
  void keepOffline(urls).then((all) => {
    kept = all;
  });
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
