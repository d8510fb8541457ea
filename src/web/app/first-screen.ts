/**
 * When the first screen is up: the page has loaded and its content has arrived and been drawn.
 * What the first screen does not need (the service worker, which downloads the whole app shell,
 * about 1 MB, for offline play) waits for it, so on a slow phone it does not share the
 * connection and the processor with the content, fonts and pictures the child is waiting for.
 *
 * The content client reports each request (`firstScreenFetch`); the first screen is up once the
 * window has loaded and, since then, no content request has been pending for {@link QUIET_MS}
 * (the load event comes before the page asks for its content: the app reads the child's profile
 * first), or at the latest {@link MAX_WAIT_MS} after the load event (a request that hangs does
 * not hold it back).
 */
const QUIET_MS = 1000;
const MAX_WAIT_MS = 10_000;

let pending = 0;
let lastSettled = 0;

/** Notes a content request of the page; the first screen is not up while it is pending. */
export function firstScreenFetch(request: Promise<unknown>): void {
  pending++;
  const settled = () => {
    pending--;
    lastSettled = performance.now();
  };
  request.then(settled, settled);
}

const loaded = () =>
  new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => resolve(), { once: true });
  });

const idle = () =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });

/** Resolves once the first screen is up (see above), when the main thread is next idle. */
export async function afterFirstScreen(): Promise<void> {
  await loaded();
  const loadedAt = performance.now();
  const deadline = loadedAt + MAX_WAIT_MS;
  for (;;) {
    const now = performance.now();
    const quietFor = pending === 0 ? now - Math.max(lastSettled, loadedAt) : 0;
    if (quietFor >= QUIET_MS || now >= deadline) break;
    await new Promise((r) => setTimeout(r, pending === 0 ? QUIET_MS - quietFor : 250));
  }
  await idle();
}
