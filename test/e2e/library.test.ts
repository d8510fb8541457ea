import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { browserAvailable, watchContext } from '../helpers/browser';
import { sharedBrowser } from '../helpers/shared-browser';
import type { PageWatch } from '../helpers/browser';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { setUpChild } from '../helpers/child';
import { createApp } from '../../src/server/app';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import { interactionTypes } from '../../src/content/bundle';

const enabled = browserAvailable();

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

/**
 * Waits until the app's service worker (dist/sw.js) controls the page. The app registers it in
 * production builds only; the e2e build may be a development build, so register it here too.
 */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    if (!(await sw.getRegistration('/'))) await sw.register('/sw.js', { scope: '/' });
    await sw.ready;
    if (!sw.controller)
      await new Promise((ok) => sw.addEventListener('controllerchange', ok, { once: true }));
  });
}

/** The titles the library shows (h2 of each entry), in order. */
const titles = (page: Page) => page.locator('.lib-list .lib-title').allTextContents();

describe.skipIf(!enabled)('the library in Chromium', () => {
  let app: FastifyInstance;
  let testDb: TestDb;
  let origin: string;
  let catalogue: Catalogue;
  let browser: Browser;
  let context: BrowserContext;
  let watch: PageWatch;

  beforeAll(async () => {
    catalogue = (await shippedContent()).catalogue;
    testDb = await freshSqlite();
    app = await createApp({ db: testDb.db, webDir: 'dist', logLevel: 'warn', catalogue });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await sharedBrowser([], 'allow');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.dispose();
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    watch = watchContext(context, origin);
    return context.newPage();
  }

  /** Titles of every activity about passwords: its topic, or a password game in it. */
  function passwordActivities(): string[] {
    return [...catalogue.activities.values()]
      .filter((a) => a.topic === 'passwords' || interactionTypes(a).includes('password'))
      .map((a) => a.title.text);
  }

  /** Titles of activities with no word starting "password" in what the search reads. */
  function unrelatedActivities(): string[] {
    return [...catalogue.activities.values()]
      .filter((a) => {
        const topic = catalogue.topics.get(a.topic);
        const words = [
          a.title.text,
          a.summary.text,
          a.goal.text,
          topic?.title.text,
          topic?.summary.text,
          ...(topic?.skills.map((s) => s.title.text) ?? []),
          ...interactionTypes(a),
        ].join(' ');
        return !/\bpassword/i.test(words);
      })
      .map((a) => a.title.text);
  }

  it('finds the password activities offline, after one visit', async () => {
    const expected = passwordActivities();
    expect(expected.length).toBeGreaterThan(0);
    const page = await newPage();
    await page.goto(`${origin}/library`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    // Wait until the service worker controls the page, then load once through it.
    await controlledByServiceWorker(page);
    await page.reload();
    await page.locator('.lib-list').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('password');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/\d+ found/);
    const shown = await titles(page);
    for (const title of expected) expect(shown).toContain(title);
    // No game is shown that says nothing about passwords anywhere the search looks.
    const games = await page.locator('.lib-activity .lib-title').allTextContents();
    for (const title of unrelatedActivities()) expect(games).not.toContain(title);
    expect(page.url()).toBe(`${origin}/library?q=password`);
    await context.setOffline(false);
    await context.close();
  });

  it('combines filters, and the link brings the same list back', async () => {
    const page = await newPage();
    await page.goto(`${origin}/library`);
    await page.locator('.lib-list').waitFor();
    const all = (await titles(page)).length;
    await page.getByLabel('Age', { exact: true }).selectOption('8-10');
    const band = (await titles(page)).length;
    await page.getByLabel('Type', { exact: true }).selectOption('activity');
    const bandGames = await titles(page);
    await page.getByLabel('Level', { exact: true }).selectOption('comprehend');
    const narrowed = await titles(page);

    const expected = (level?: string) =>
      [...catalogue.activities.values()]
        .filter((a) => a.band === '8-10' && (!level || a.level === level))
        .map((a) => a.title.text);
    expect(bandGames.sort()).toEqual(expected().sort());
    expect(narrowed.sort()).toEqual(expected('comprehend').sort());
    expect(all).toBeGreaterThan(band);
    expect(band).toBeGreaterThan(bandGames.length);
    expect(page.url()).toBe(`${origin}/library?band=8-10&level=comprehend&type=activity`);

    // A shared link opens with the same filters.
    await page.goto(page.url());
    await page.locator('.lib-list').waitFor();
    expect((await titles(page)).sort()).toEqual(narrowed.sort());
    await expect(page.getByLabel('Level', { exact: true }).inputValue()).resolves.toBe(
      'comprehend',
    );
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    expect((await titles(page)).length).toBe(all);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens a challenge, a guide for each audience and a lesson plan, all without violations', async () => {
    const page = await newPage();
    await page.goto(`${origin}/library?type=challenge`);
    await page.getByRole('link', { name: 'Make a family password plan' }).click();
    await page.getByRole('heading', { name: 'Make a family password plan', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'What to do' }).waitFor();
    await expect(page.getByRole('listitem').count()).resolves.toBeGreaterThanOrEqual(4);
    const card = page.getByRole('link', { name: 'Print the card (A4)' });
    // Through the print page, in a new tab, which says in words when the PDF cannot be had.
    expect(await card.getAttribute('href')).toBe(
      '/print/challenges/family-password-plan?lang=en&paper=a4',
    );
    expect(await card.getAttribute('target')).toBe('_blank');
    expect(await axeViolations(page)).toEqual([]);

    const guide = catalogue.guides.get('scams-8-10' as never)!;
    await page.goto(`${origin}/guides/${guide.id}/parents`);
    await page.getByRole('heading', { name: guide.title.text, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Settings checklist' }).waitFor();
    await page.getByText(guide.parents.settingsChecklist[0]!.text).waitFor();
    // The {helpline} placeholder is filled from the country pack.
    await page.getByText('(find it at Child Helpline International) can help you').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'The guide for teachers' }).click();
    await page.getByRole('heading', { name: 'In class' }).waitFor();
    await page.getByText(guide.teachers.inClass[0]!.text).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const a = catalogue.activities.get('sample-prize-message' as never)!;
    await page
      .getByRole('listitem')
      .filter({ hasText: a.title.text })
      .getByRole('link', { name: 'Lesson plan' })
      .click();
    await page.getByRole('heading', { name: `Lesson plan: ${a.title.text}` }).waitFor();
    await page.getByRole('heading', { name: 'The 30-minute plan' }).waitFor();
    await page.getByText(a.goal.text).waitFor();
    // A lesson plan speaks to the teacher: the activity's lines for a parent stay out.
    await expect(page.getByText(a.adultPrompt.text).count()).resolves.toBe(0);
    for (const p of a.playTogether) await expect(page.getByText(p.text).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Play with the class' }).waitFor();
    await page.getByText(guide.teachers.conversationStarters[0]!.text).waitFor();
    const parts = await page.locator('.plan-part h3').allTextContents();
    const minutes = parts.map((p) => Number(/(\d+) minutes/.exec(p)?.[1]));
    expect(minutes.reduce((x, y) => x + y, 0)).toBe(30);
    const worksheet = page.getByRole('link', { name: 'Print the worksheet (A4)' });
    expect(await worksheet.getAttribute('href')).toBe(
      `/print/worksheets/${a.id}?lang=en&paper=a4&answers=0`,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps a worksheet that was opened available offline', async () => {
    const page = await newPage();
    await page.goto(`${origin}/library`);
    await controlledByServiceWorker(page);
    const url = '/api/worksheets/sample-prize-message.pdf?lang=en&paper=a4&answers=0';
    const fetchPdf = (u: string) =>
      page.evaluate(async (href) => {
        const res = await fetch(href);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { status: res.status, head: String.fromCharCode(...bytes.slice(0, 5)) };
      }, u);
    expect(await fetchPdf(url)).toEqual({ status: 200, head: '%PDF-' });
    await expect
      .poll(() => page.evaluate(async (u) => Boolean(await caches.match(u)), url))
      .toBe(true);
    await context.setOffline(true);
    expect(await fetchPdf(url)).toEqual({ status: 200, head: '%PDF-' });
    await context.setOffline(false);
    await context.close();
  });

  it('shows the adult prompts beside the game in play-together mode', async () => {
    const page = await newPage();
    await setUpChild(page, origin);
    const a = catalogue.activities.get('sample-prize-message' as never)!;
    await page.goto(`${origin}/play/${a.id}?together=1`);
    const panel = page.getByRole('complementary', { name: 'For the adult' });
    await panel.waitFor();
    const first = a.scenes[a.start]!;
    await panel.getByText(first.playTogether!.text).waitFor();
    for (const p of a.playTogether) await panel.getByText(p.text).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Switching it off hides the panel and drops ?together=1 from the address.
    const toggle = page.getByRole('button', { name: 'Play together' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect(panel.count()).resolves.toBe(0);
    expect(page.url()).toBe(`${origin}/play/${a.id}`);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
