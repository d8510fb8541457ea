/**
 * Content fetched before the service worker took control of the page was not seen by it, so
 * it is not cached yet. Every content URL the app reads is noted here, and fetched once more
 * when the worker takes control: after the very first visit, it is all there offline.
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
  for (const url of noted) void fetch(url).catch(() => {});
}
