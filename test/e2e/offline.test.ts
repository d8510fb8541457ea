import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { keepOffline, setUpChild } from '../helpers/child';
import { playNewFriend } from '../helpers/new-friend';

// After one online visit the service worker has the shell, the players and the band's content:
// the app reloads offline, an activity plays to its end, and its progress survives a reload.
const enabled = browserAvailable();

async function eventCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('kite');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    return new Promise<number>((ok) => {
      const r = db.transaction('events').objectStore('events').count();
      r.onsuccess = () => ok(r.result);
    });
  });
}

describe.skipIf(!enabled)('offline play', () => {
  const suite = browserSuite({}, 'allow');

  it('plays an activity offline after one visit, and its progress survives a reload', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    // The one online visit: the service worker installs and controls the page; home has
    // loaded the band's content and pictures.
    await keepOffline(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .click();
    await playNewFriend(page);
    const events = await eventCount(page);
    expect(events).toBe(3);

    await page.reload();
    await page.locator('.play-head h1').waitFor();
    expect(await eventCount(page)).toBe(events);
    await page.goto(suite.server.origin + '/');
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page.goto(suite.server.origin + '/help');
    await page.getByText('Child Helpline International').first().waitFor();
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('reads an activity from the kept band bundle, so a device keeps one copy of its activities', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(async () =>
      (await caches.keys()).length > 0
        ? (await caches.match('/content/en/bands/11-13.json')) !== undefined
        : false,
    );
    const activityFiles: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/content/en/activities/'))
        activityFiles.push(r.url());
    });
    // A fresh page load (nothing in memory) straight into a game, as from a bookmark.
    await page.goto(suite.server.origin + '/play/sample-new-friend');
    await page.locator('.play-head h1').waitFor();
    expect(activityFiles).toEqual([]);
    await context.close();
  });

  it("keeps home's content when the first page is left before the worker is ready", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    // The worker's script is held back until the child has left the first page by a full load
    // (a reload, or a link into Kite), so that page never gets a worker to hand its reads to.
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await context.route('**/sw.js', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await page.goto(suite.server.origin + '/play/privacy-11-13-identify');
    await page.locator('.play-head h1').waitFor();
    release();
    await keepOffline(page);

    await context.setOffline(true);
    await page.goto(suite.server.origin + '/');
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .waitFor();
    await context.close();
  });
});
