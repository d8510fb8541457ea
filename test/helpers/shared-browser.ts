import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import type { ServiceWorkers } from './browser';

/** The Chromium processes of this test worker, one per set of extra flags. */
const running = new Map<string, Promise<Browser>>();

function chromiumWith(extraArgs: readonly string[]): Promise<Browser> {
  const key = extraArgs.join(' ');
  let browser = running.get(key);
  if (!browser) {
    browser = chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...extraArgs],
    });
    running.set(key, browser);
    // A browser that crashed or was closed is launched again for the next file.
    browser.then(
      (b) => b.on('disconnected', () => running.delete(key)),
      () => running.delete(key),
    );
  }
  return browser;
}

/**
 * A Chromium for one test file, as {@link launchBrowser} gives, but running in a process that
 * the files of a test worker share: the e2e project runs its files one after the other in one
 * worker (vitest.config.ts), and launching Chromium for each cost about a second of CPU. The
 * files stay apart as Chromium keeps contexts apart: each has its own cookies, storage, cache
 * and service workers. `close()` closes the contexts and pages this handle opened, not the
 * browser; the browser ends with the worker (Playwright closes it when the process is stopped).
 * `serviceWorkers` is the default of the handle's contexts (see {@link ServiceWorkers}).
 */
export async function sharedBrowser(
  extraArgs: readonly string[] = [],
  serviceWorkers: ServiceWorkers = 'block',
): Promise<Browser> {
  const browser = await chromiumWith(extraArgs);
  const opened = new Set<BrowserContext>();
  const track = (context: BrowserContext) => {
    opened.add(context);
    context.once('close', () => opened.delete(context));
    return context;
  };
  const newContext = async (o: BrowserContextOptions = {}) =>
    track(await browser.newContext({ serviceWorkers, ...o }));
  const newPage = async (o: BrowserContextOptions = {}): Promise<Page> => {
    const page = await browser.newPage({ serviceWorkers, ...o });
    track(page.context());
    return page;
  };
  const close = async () => {
    await Promise.all([...opened].map((c) => c.close().catch(() => undefined)));
  };
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext') return newContext;
      if (prop === 'newPage') return newPage;
      if (prop === 'close') return close;
      // Only this file's contexts, as a browser of its own would list.
      if (prop === 'contexts') return () => [...opened];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
