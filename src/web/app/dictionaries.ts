import { keepOffline } from './offline-cache';

/**
 * The password meter's word lists (~400 KB compressed) are not precached: a first visit never
 * downloads them. They load when a password activity opens, and once a child has played an
 * activity the service worker fetches them in the background, one at a time, once the browser
 * is idle, and keeps them (runtime cache `kite-dictionaries`) for offline play.
 * The build lists their hashed URLs in `/dictionaries.json` (vite.config.ts).
 */
let warmed = false;

export function warmDictionaries(): void {
  if (warmed || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  warmed = true;
  const run = async () => {
    try {
      const res = await fetch('/dictionaries.json');
      const urls: unknown = await res.json();
      if (!Array.isArray(urls)) return;
      const lists = urls.filter(
        (url): url is string => typeof url === 'string' && url.startsWith('/assets/dict-'),
      );
      // The worker downloads them, one at a time: ~860 KB never passes the page's main thread.
      if (!(await keepOffline(lists, 1))) warmed = false;
    } catch {
      warmed = false; // offline or interrupted: try again after the next activity
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(() => void run(), { timeout: 5000 });
  else setTimeout(() => void run(), 2000);
}
