import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ServiceWorkers } from './browser';
import { sharedBrowser } from './shared-browser';
import { startServer } from './server';
import type { RunningServer, ServerOptions } from './server';

/** The built app on a random port and a browser, shared by the tests of one `describe`. */
export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the server (with `options`, e.g. switched-off topics) and the browser before the
 * enclosing suite's tests and stops both after.
 * Call it inside `describe`; read `suite.server` and `suite.browser` inside the tests.
 * `serviceWorkers`: whether the app's service worker runs in the browser's contexts
 * (blocked unless the file is about what it does). The Chromium is the test worker's
 * (sharedBrowser); `suite.browser` opens and closes this file's contexts in it.
 */
export function browserSuite(
  options: ServerOptions = {},
  serviceWorkers: ServiceWorkers = 'block',
): BrowserSuite {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer('dist', options);
    suite.browser = await sharedBrowser([], serviceWorkers);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
