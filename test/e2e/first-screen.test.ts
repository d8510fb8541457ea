import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';

// What a game opened from a link waits for on a first visit (no service worker yet): the app
// shell's `Link` header names the Play page's files, the first scene's player and the
// deployment's settings, so they load beside the shell's code (bench:web, Lighthouse mobile).
const enabled = browserAvailable();
const GAME = 'sample-prize-message'; // opens on a `continue` scene

describe.skipIf(!enabled)('a game’s first screen on a first visit', () => {
  const suite = browserSuite({}, 'allow');

  it('is hinted by the shell, and every hinted file is fetched once and used', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      serviceWorkers: 'block',
    });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);

    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const res = await page.goto(`${suite.server.origin}/play/${GAME}`);
    await page.locator('.play-head h1').waitFor();
    await page.getByRole('button', { name: 'Open the inbox' }).waitFor();
    // Chromium names a preload left unused a few seconds after the load event.
    await page.waitForTimeout(3500);

    const hinted = String(res!.headers().link ?? '')
      .split(', ')
      .map((part) => /^<([^>]+)>/.exec(part)![1]!);
    const player = hinted.find((u) => /\/continue-player-[\w-]+\.js$/.test(u));
    expect(player, hinted.join('\n')).toBeDefined();
    expect(hinted).toContain('/api/client-config');
    expect(hinted.some((u) => /\/play-[\w-]+\.js$/.test(u))).toBe(true);
    for (const url of hinted.filter((u) => u.startsWith('/assets/')))
      expect(existsSync(join('dist', url)), url).toBe(true);
    // Used, not fetched a second time by the page (a hint the page cannot use is downloaded
    // twice and named in a console warning).
    for (const url of [player!, '/api/client-config'])
      expect(requests.filter((u) => u === url).length, url).toBe(1);
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('registers the service worker and names the manifest only once the first screen is up', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);
    // A first visit to a game: the worker that first run registered is gone, as on a new device.
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
    // When the app asks for the worker, by the page's clock.
    await page.addInitScript(() => {
      const sw = navigator.serviceWorker;
      const register = sw.register.bind(sw);
      sw.register = (...args: Parameters<typeof register>) => {
        (window as unknown as { swAskedAt: number }).swAskedAt = performance.now();
        return register(...args);
      };
    });
    const res = await page.goto(`${suite.server.origin}/play/${GAME}`);
    expect(await res!.text()).not.toMatch(/rel="manifest"/);
    await page.getByRole('button', { name: 'Open the inbox' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.locator('link[rel="manifest"][href="/manifest.webmanifest"]').waitFor({
      state: 'attached',
    });
    const { askedAt, firstScreen } = await page.evaluate(() => ({
      askedAt: (window as unknown as { swAskedAt: number }).swAskedAt,
      // The first screen's settings and content, and when each had arrived.
      firstScreen: performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => /^\/(content|api)\//.test(new URL(e.name).pathname))
        .map((e) => ({ url: new URL(e.name).pathname, end: e.responseEnd })),
    }));
    expect(firstScreen.some((r) => r.url.startsWith('/content/en/activities/'))).toBe(true);
    for (const r of firstScreen) expect(r.end, r.url).toBeLessThanOrEqual(askedAt);
    await context.close();
  });
});
