import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { chooseLanguage, setUpChild } from '../helpers/child';
import { playNewFriend } from '../helpers/new-friend';

// Issue 10: a look that grows up with them (the teen skin), a full-size "Get help" on the
// content note, links that survive first run, a not-found page (and a 404 from the server),
// and the password word lists loaded only when a password activity opens.
const enabled = browserAvailable();

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

/** A 360 × 740 touch phone. */
const phone = (browser: Browser) =>
  browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

describe.skipIf(!enabled)('a look that grows up with them', () => {
  const suite = browserSuite();

  for (const band of ['11-13', '14-16'] as const) {
    it(`${band}: home is a topic list with progress, no sky map and no avatar greeting`, async () => {
      const context = await phone(suite.browser);
      const watch = watchContext(context, suite.server.origin);
      const page = await context.newPage();
      await setUpChild(page, suite.server.origin, { band, avatar: 'Fox' });
      await page.getByRole('heading', { name: 'Your topics' }).waitFor();
      expect(await page.locator('html').getAttribute('data-band')).toBe(band);
      expect(await page.getByRole('heading', { name: 'Your sky map' }).count()).toBe(0);
      expect(await page.locator('.topic-map, .island').count()).toBe(0);
      expect(await page.getByText('Hi, Fox!').count()).toBe(0);
      // Each topic: a progress bar of levels mastered and a done count.
      const rows = page.locator('.topic-row');
      expect(await rows.count()).toBeGreaterThan(0);
      const bars = page.getByRole('progressbar');
      expect(await bars.count()).toBe(await rows.count());
      expect(await bars.first().getAttribute('aria-valuenow')).toBe('0');
      expect(await bars.first().getAttribute('aria-valuemax')).toBe('3');
      await expect(rows.first().locator('.topic-count').textContent()).resolves.toMatch(
        /^0 of \d+ done$/,
      );
      // Kiri is a small guide, not the centre of the screen.
      const kiri = await page.locator('.teen-guide img').boundingBox();
      expect(kiri!.width).toBeLessThanOrEqual(40);
      // The background is the band's calmer sky, not the children's.
      const sky = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--sky').trim(),
      );
      expect(sky).not.toBe('#dff1ff');
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('8-10 keeps the sky map and the children’s theme', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '8-10' });
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    expect(await page.locator('html').getAttribute('data-band')).toBe('8-10');
    expect(await page.locator('.topic-list').count()).toBe(0);
    await context.close();
  });

  it('a finished activity shows as done in its topic on the teen home', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    const link = page.locator('.teen-activity').filter({ hasText: 'A new friend in the game' });
    const row = page.locator('.topic-row').filter({ has: link });
    const before = (await row.locator('.topic-count').textContent())!;
    const [, done, total] = /^(\d+) of (\d+) done$/.exec(before)!;
    expect(done).toBe('0');
    expect(await link.locator('.done-mark').count()).toBe(0);
    await link.tap();
    await playNewFriend(page);
    await page.getByRole('link', { name: 'Home' }).first().tap();
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await expect(row.locator('.topic-count').textContent()).resolves.toBe(`1 of ${total} done`);
    await expect(link.locator('.done-mark').textContent()).resolves.toContain('done');
    await context.close();
  });
});

describe.skipIf(!enabled)('help, links and pages that are not there', () => {
  const suite = browserSuite();

  it('"Get help" on a content note is a full-size target (at least 44 × 44 px)', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '14-16' });
    await page.goto(`${suite.server.origin}/play/contact-14-16-evaluate`);
    await page.getByRole('heading', { name: 'Before you start' }).waitFor();
    const help = page.locator('main').getByRole('link', { name: 'Get help' });
    const box = (await help.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await axeViolations(page)).toEqual([]);
    await help.tap();
    await page.getByRole('heading', { name: 'What to do now' }).waitFor();
    await context.close();
  });

  it('a shared /play link survives first run (keyboard only)', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.origin}/play/sample-prize-message?together=1`);
    await chooseLanguage(page, { how: 'keyboard' });
    expect(new URL(page.url()).pathname).toBe('/start');
    const press = async (name: string) => {
      await page.getByRole('button', { name }).focus();
      await page.keyboard.press('Enter');
    };
    await press('8 to 10');
    await press('Fox');
    await press("Let's play");
    await page.locator('.play-head h1').waitFor();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/play/sample-prize-message?together=1');
    await context.close();
  });

  it('a library link survives first run, and first run never leaves the app', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.server.origin}/start?next=${encodeURIComponent('//example.org/x')}`);
    await chooseLanguage(page, { how: 'tap' });
    await page.getByRole('button', { name: '8 to 10' }).tap();
    await page.getByRole('button', { name: 'Fox' }).tap();
    await page.getByRole('button', { name: "Let's play" }).tap();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    expect(page.url()).toBe(`${suite.server.origin}/`);
    // A game opened from a library link, by a newcomer on another device.
    const other = await phone(suite.browser);
    const p2 = await other.newPage();
    await p2.goto(`${suite.server.origin}/play/sample-new-friend`);
    await chooseLanguage(p2, { how: 'tap' });
    await p2.getByRole('button', { name: '11 to 13' }).tap();
    await p2.getByRole('button', { name: 'Owl' }).tap();
    await p2.getByRole('button', { name: "Let's play" }).tap();
    await p2.locator('.play-head h1').waitFor();
    expect(new URL(p2.url()).pathname).toBe('/play/sample-new-friend');
    await other.close();
    await context.close();
  });

  it('an unknown path shows a friendly not-found page with the way home; the server says 404', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);
    const res = await page.goto(`${suite.server.origin}/no-such-page`);
    expect(res!.status()).toBe(404);
    await page.getByRole('heading', { name: "This page isn't here" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the home page' }).tap();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();

    // App pages answer 200; other paths 404 with the app shell; the API keeps its JSON.
    const status = async (path: string) => (await fetch(suite.server.origin + path)).status;
    expect(await status('/play/anything')).toBe(200);
    expect(await status('/library')).toBe(200);
    expect(await status('/guides/g/parents')).toBe(200);
    const notApp = await fetch(`${suite.server.origin}/library/extra/part`);
    expect(notApp.status).toBe(404);
    expect(notApp.headers.get('content-type')).toMatch(/text\/html/);
    expect(await notApp.text()).toContain('<div id="app">');
    expect(await status('/api/nothing')).toBe(404);
    await context.close();
  });

  it('an unknown activity offers the way back', async () => {
    const context = await phone(suite.browser);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);
    await page.goto(`${suite.server.origin}/play/no-such-activity`);
    await page.getByRole('heading', { name: 'We could not find this activity.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the home page' }).tap();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    await context.close();
  });
});

describe.skipIf(!enabled)('password word lists', () => {
  const suite = browserSuite({}, 'allow');

  it('are not fetched on a first visit, load when a password activity opens, and are all kept after a first activity', async () => {
    const context = await phone(suite.browser);
    const requests: string[] = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const dicts = (list: string[]) => list.filter((u) => u.startsWith('/assets/dict-'));
    // First visit, service worker install included: none of the ~400 KB.
    expect(dicts(requests)).toEqual([]);
    const cached = () =>
      page.evaluate(async () => {
        const cache = await caches.open('kite-dictionaries');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
    expect(await cached()).toEqual([]);
    // Nor in any cache of the service worker (the precache included).
    const anyCached = await page.evaluate(async () => {
      const found: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys())
          if (r.url.includes('/assets/dict-')) found.push(`${name}: ${r.url}`);
      return found;
    });
    expect(anyCached).toEqual([]);

    await page.goto(`${suite.server.origin}/play/sample-profile-setup?scene=password`);
    await page.locator('.player-password').waitFor();
    await expect.poll(() => dicts(requests).length).toBeGreaterThanOrEqual(2);
    // Through the service worker's runtime route, so they are kept for offline play.
    const expected = (await (
      await fetch(`${suite.server.origin}/dictionaries.json`)
    ).json()) as string[];
    await expect.poll(async () => (await cached()).length, { timeout: 15_000 }).toBeGreaterThan(0);

    // After a first activity is played, every list is kept in the background.
    await page.goto(`${suite.server.origin}/play/sample-new-friend`);
    await playNewFriend(page);
    await expect.poll(async () => (await cached()).sort(), { timeout: 20_000 }).toEqual(expected);
    await context.close();
  });
});
