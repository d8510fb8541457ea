import { refetchForOffline } from './offline-cache';

/**
 * Registers the service worker that vite-plugin-pwa generates (dist/sw.js). It precaches the app
 * shell and fonts and keeps the content a child has opened, so Kite plays offline after one
 * visit. A new version waits until every Kite tab is closed, so it never swaps code under a
 * game in progress.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.addEventListener('controllerchange', refetchForOffline);
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a service worker Kite still works online; nothing to tell the child.
    });
  });
}
