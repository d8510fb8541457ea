import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';

const enabled = browserAvailable();

/** The sextortion activity: sensitive, written for 14–16. */
const SENSITIVE = 'contact-14-16-evaluate';

describe.skipIf(!enabled)('who may play what, on every path (deployment without "images")', () => {
  const suite = browserSuite({ disabledTopics: ['images'] });
  let context: BrowserContext;
  let watch: PageWatch;

  async function newPage(): Promise<Page> {
    context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    watch = watchContext(context, suite.server.origin);
    return context.newPage();
  }

  const refusedAs = async (page: Page, heading: string) => {
    await page.getByRole('heading', { name: heading }).waitFor();
    await expect(page.locator('.player, .scene').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: "I'm ready to start" }).count()).resolves.toBe(0);
  };

  it('refuses a deep link to a switched-off topic, in the game and the library pages', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin, { band: '8-10' });
    await page.goto(`${suite.server.origin}/play/images-8-10-identify`);
    await refusedAs(page, 'Not offered here');
    await page.getByRole('link', { name: 'Back to my activities' }).click();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    await expect(page.locator('a[href^="/play/images-"]').count()).resolves.toBe(0);

    for (const path of ['/guides/images-8-10/parents', '/lessons/images-8-10-identify']) {
      await page.goto(suite.server.origin + path);
      await page.getByText('This topic is not offered here.').waitFor();
    }
    await page.goto(`${suite.server.origin}/library?q=photo`);
    await page.locator('.lib-status [role=status]').waitFor();
    await expect(page.locator('.lib-item.topic-images').count()).resolves.toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('never lets a 5–7 profile start a sensitive activity: deep link, history, search', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    // A deep link (a bookmark, a shared URL).
    await page.goto(`${suite.server.origin}/play/${SENSITIVE}`);
    await refusedAs(page, 'This one is for older players');
    // Home in the app, then back through the browser's history.
    await page.getByRole('link', { name: 'Back to my activities' }).click();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    await page.goBack();
    await refusedAs(page, 'This one is for older players');
    // The library's search, opened from the child's profile, does not list it.
    await page.goto(`${suite.server.origin}/library?q=threat`);
    await page.locator('.lib-status [role=status]').waitFor();
    await expect(page.locator(`a[href="/play/${SENSITIVE}"]`).count()).resolves.toBe(0);
    await expect(page.getByText('The threat message').count()).resolves.toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens a sensitive activity for a 14–16 profile, with its content note first', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin, { band: '14-16' });
    await page.goto(`${suite.server.origin}/library?q=threat`);
    await page.locator(`a[href="/play/${SENSITIVE}"]`).first().click();
    await page.getByRole('heading', { name: 'Before you start' }).waitFor();
    await page.getByRole('button', { name: "I'm ready to start" }).click();
    await page.locator('.scene').waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
