import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KITE_CHROMIUM ?? '/usr/bin/chromium';

/** The flags Kite's browser tests use (DEVELOPERS.md): no network of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser suite runs here. Without Chromium it is skipped with a visible notice,
 * unless `KITE_TEST_BROWSER=required`, which makes a missing browser a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.KITE_TEST_BROWSER === 'required') {
    throw new Error(`KITE_TEST_BROWSER=required but no Chromium at ${CHROMIUM_PATH}`);
  }
  console.warn(
    `\n[kite] No Chromium at ${CHROMIUM_PATH}: browser tests are SKIPPED (apt-get install chromium; KITE_TEST_BROWSER=required makes this a failure)\n`,
  );
  return false;
}

/**
 * Chromium with a fake microphone (a beep) that is granted without asking: for the recording
 * studio's tests, with {@link launchBrowser}'s `extraArgs`.
 */
export const FAKE_MICROPHONE_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Whether the app's service worker runs in a test's browser contexts. It precaches about 2 MB
 * (the shell, every player, the art) in each new context, which a real device does once but the
 * suite did in every context: most of the browser's work in the files not about offline
 * (child-flow.test.ts took 59 s with it, 32 s without). So contexts block it unless a file asks
 * for it: the files about offline play, caching, the first screen's registration and anything a
 * service worker could change keep it (`allow`), and a context option given by a test wins.
 */
export type ServiceWorkers = 'allow' | 'block';

/**
 * A Chromium of the test's own (sharedBrowser in shared-browser.ts is the one a worker's files share).
 * `env` adds to or replaces variables of the browser's environment, such as a `HOME` whose NSS
 * database (`$HOME/.pki/nssdb`) holds the certificate authorities this browser trusts.
 */
export async function launchBrowser(
  extraArgs: readonly string[] = [],
  serviceWorkers: ServiceWorkers = 'block',
  env: Readonly<Record<string, string>> = {},
): Promise<Browser> {
  const inherited = Object.entries(process.env).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: { ...Object.fromEntries(inherited), ...env },
  });
  if (serviceWorkers === 'allow') return browser;
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext')
        return (o: BrowserContextOptions = {}) => newContext({ serviceWorkers, ...o });
      if (prop === 'newPage')
        return (o: BrowserContextOptions = {}) => newPage({ serviceWorkers, ...o });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** What a page did that a test may want to assert on. */
export interface PageWatch {
  consoleErrors: string[];
  /** Every URL the page asked for that is not on the app's own origin. */
  foreignRequests: string[];
  failedRequests: string[];
}

/** Records console errors, page errors and requests leaving `origin`, for a whole context. */
export function watchContext(context: BrowserContext, origin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [], failedRequests: [] };
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
  });
  context.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // A request the page itself gave up on because it navigated away (a picture still loading
    // when the child taps a link) is not a failure of the app.
    if (error === 'net::ERR_ABORTED') return;
    watch.failedRequests.push(`${req.url()} ${error}`);
  });
  context.on('page', (page) => watchPage(page, watch));
  return watch;
}

function watchPage(page: Page, watch: PageWatch): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
}
