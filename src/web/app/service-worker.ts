import { afterFirstScreen } from './first-screen';
import { refetchForOffline } from './offline-cache';

/** The web app manifest (vite.config.ts): named in the page once the first screen is up. */
const MANIFEST_URL = '/manifest.webmanifest';

/**
 * Registers the service worker that vite-plugin-pwa generates (dist/sw.js). It precaches the app
 * shell and fonts and keeps the content a child has opened, so Kite plays offline after one
 * visit. A new version waits until every Kite tab is closed, so it never swaps code under a
 * game in progress.
 *
 * Both the worker and the manifest (which the browser reads, with an icon, to offer installing
 * Kite) wait until the first screen is up (./first-screen.ts): the worker's first install
 * downloads the whole shell, about 1 MB, which on a slow phone shared the connection (six
 * requests at a time over HTTP/1.1) and the processor with what the child was waiting for.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV) return;
  void afterFirstScreen().then(() => {
    addManifestLink();
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.addEventListener('controllerchange', refetchForOffline);
    // A worker installed by an earlier page may have taken control of this one while it loaded,
    // before the listener above: what this page (and this tab before it) read is handed over now.
    if (navigator.serviceWorker.controller) refetchForOffline();
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a service worker Kite still works online; nothing to tell the child.
    });
  });
}

function addManifestLink(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = MANIFEST_URL;
  document.head.append(link);
}
