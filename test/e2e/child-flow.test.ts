import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { openActivity, setUpChild } from '../helpers/child';
import { dumpIdb } from '../helpers/idb';

const enabled = browserAvailable();

/** A 5–7 activity: a choice ("ask"), a sort of five cards ("sort"), a choice ("help"). */
const PRIVACY = 'privacy-5-7-identify';
const ASK = 'Ask my grown-up.';
const HELP = 'Show my grown-up.';
/** The sort's cards and their right boxes. */
const RIGHT: Record<string, 'Keep it private' | 'OK to share'> = {
  'Where I live': 'Keep it private',
  'My school': 'Keep it private',
  'Where I am now': 'Keep it private',
  'My best colour': 'OK to share',
  'I like cats': 'OK to share',
};

/** The sextortion activity (sensitive, 14–16) and its last scene's safe answer. */
const SENSITIVE = 'contact-14-16-evaluate';
const SENSITIVE_LAST = 'remove';
const SENSITIVE_LAST_ANSWER = 'Report it on the app';

/** The library's age filter, as labelled (content/ui/en.json `library.band`). */
const BAND_LABEL = 'Age';

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);

const card = (page: Page, name: string) => page.locator('.sort-card', { hasText: name });
const box = (page: Page, name: string) =>
  page.locator('.sort-zone', { has: page.locator('.sort-zone-head', { hasText: name }) });

/** Puts a card in a box by tapping the card, then the box's heading. */
async function place(page: Page, name: string, bin: string) {
  await card(page, name).click();
  await page.locator('.sort-zone-head', { hasText: bin }).click();
  await box(page, bin).locator('.sort-card', { hasText: name }).waitFor();
}

/** Which box each card sits in ('' = still to sort). */
async function placements(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(RIGHT)) {
    const zone = page.locator('.sort-zone', { has: card(page, name) });
    const tray = (await zone.getAttribute('class'))?.includes('sort-tray') ?? false;
    out[name] = tray ? '' : ((await zone.locator('.sort-zone-name').textContent()) ?? '');
  }
  return out;
}

describe.skipIf(!enabled)(
  'the child app as children use it (360 × 740, touch and keyboard)',
  () => {
    const suite = browserSuite();
    let context: BrowserContext;
    let watch: PageWatch;

    async function newPage({ touch = true } = {}): Promise<Page> {
      context = await suite.browser.newContext({
        viewport: { width: 360, height: 740 },
        hasTouch: touch,
        isMobile: touch,
      });
      watch = watchContext(context, suite.server.origin);
      return context.newPage();
    }

    it('never lets a 5–7 profile start any sensitive activity, by any path', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      const index = (await (await fetch(`${origin}/content/en/index.json`)).json()) as {
        activities: { id: string; sensitiveMinBand?: string }[];
      };
      const sensitive = index.activities.filter((a) => a.sensitiveMinBand).map((a) => a.id);
      expect(sensitive.length).toBeGreaterThanOrEqual(3);
      // Home offers none of them.
      for (const id of sensitive)
        await expect(page.locator(`a[href="/play/${id}"]`).count()).resolves.toBe(0);
      // The library opened from the child's profile shows the child's band, and none of them.
      await page.goto(`${origin}/library`);
      await page.locator('.lib-status [role=status]').waitFor();
      await expect(page.getByLabel(BAND_LABEL, { exact: true }).inputValue()).resolves.toBe('5-7');
      for (const id of sensitive)
        await expect(page.locator(`a[href="/play/${id}"]`).count()).resolves.toBe(0);
      for (const id of sensitive) {
        // A deep link or a bookmark, then the browser's history back to it.
        await page.goto(`${origin}/play/${id}`);
        await page.getByRole('heading', { name: 'This one is for older players' }).waitFor();
        await expect(page.locator('.scene, .player').count()).resolves.toBe(0);
        await expect(
          page.getByRole('button', { name: "I'm ready to start" }).count(),
        ).resolves.toBe(0);
        await page.getByRole('link', { name: 'Back to my activities' }).click();
        await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
        await page.goBack();
        await page.getByRole('heading', { name: 'This one is for older players' }).waitFor();
        await expect(page.locator('.scene, .player').count()).resolves.toBe(0);
        // The class mode is no way round it either.
        await page.goto(`${origin}/class/play/${id}`);
        await page.getByRole('heading', { name: 'Not for class mode' }).waitFor();
        await expect(page.locator('.scene, .player').count()).resolves.toBe(0);
      }
      const events = (await dumpIdb(page)).filter((r) => r.store === 'events');
      expect(events).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('ends a sensitive activity calmly, checking in, for a 14–16 profile', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '14-16' });
      await page.goto(`${origin}/play/${SENSITIVE}?scene=${SENSITIVE_LAST}`);
      await page.getByRole('button', { name: "I'm ready to start" }).click();
      await page.locator('.choice-button', { hasText: SENSITIVE_LAST_ANSWER }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      const title = page.getByRole('heading', {
        name: 'You reached the end. How are you feeling?',
      });
      await title.waitFor();
      await page.getByText('Here is who you can talk to').waitFor();
      await page.getByRole('heading', { name: 'Who can help' }).waitFor();
      await expect(page.getByText('You finished!').count()).resolves.toBe(0);
      await expect(page.locator('.ending').getByText('Safe choice').count()).resolves.toBe(0);
      // Focus is on the ending's heading.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ending-title');
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('shows a finished activity on the sky map at once: a done mark and a star that moves', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      const island = page.locator('.island.topic-privacy');
      await expect(island.locator('.star').first().getAttribute('data-fill')).resolves.toBe('0');
      await expect(island.getByText(/activities done/).count()).resolves.toBe(0);
      await page.getByText('A star lights up when you know a topic well.').waitFor();

      await page.locator(`a[href="/play/${PRIVACY}"]`).last().click();
      await page.locator('.choice-button', { hasText: ASK }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      for (const [name, bin] of Object.entries(RIGHT)) await place(page, name, bin);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.locator('.choice-button', { hasText: HELP }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('heading', { name: 'You finished!' }).waitFor();
      await page.getByRole('link', { name: 'Back to the map' }).click();

      await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
      await island.getByText(/^1 of \d+ activities done$/).waitFor();
      const fill = Number(await island.locator('.star').first().getAttribute('data-fill'));
      expect(fill).toBeGreaterThan(0);
      const activityCard = page.locator(`a.activity-card[href="/play/${PRIVACY}"]`);
      await activityCard.getByText('Done').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('saves after every scene: a reload mid-sort returns to the sort with its placements', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      await openActivity(page, origin, PRIVACY);
      await page.locator('.choice-button', { hasText: ASK }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await place(page, 'Where I live', 'Keep it private');
      await place(page, 'I like cats', 'OK to share');
      // The draft is written to IndexedDB after the move shows (a write of its own): reload
      // once it is stored, as a child's reload a moment later would find it.
      const draft = async () =>
        (await dumpIdb(page)).find((r) => String(r.key).startsWith('draft:'))?.value as
          { value?: Record<string, string> } | undefined;
      await expect.poll(async () => (await draft())?.value?.cat).toBe('share');
      await page.reload();
      await card(page, 'Where I live').waitFor();
      expect(await placements(page)).toEqual({
        'Where I live': 'Keep it private',
        'My school': '',
        'Where I am now': '',
        'My best colour': '',
        'I like cats': 'OK to share',
      });
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('"Try again" on a sort keeps the right cards and returns the wrong ones to the pile', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      await openActivity(page, origin, PRIVACY);
      await page.locator('.choice-button', { hasText: ASK }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      const wrong = { ...RIGHT, 'Where I live': 'OK to share', 'I like cats': 'Keep it private' };
      for (const [name, bin] of Object.entries(wrong)) await place(page, name, bin);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByRole('button', { name: 'Try again', exact: true }).click();
      await card(page, 'Where I live').waitFor();
      expect(await placements(page)).toEqual({
        'Where I live': '',
        'My school': 'Keep it private',
        'Where I am now': 'Keep it private',
        'My best colour': 'OK to share',
        'I like cats': '',
      });
      // The kept cards survive a reload too.
      await page.goto(`${origin}/play/${PRIVACY}`);
      await card(page, 'Where I live').waitFor();
      expect((await placements(page))['My school']).toBe('Keep it private');
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('goes from one activity page straight to another through the history without a crash', async () => {
      const page = await newPage();
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      // Home's list of every activity appears topic by topic after the first paint.
      await page.locator('a.activity-card[href*="privacy"]').first().waitFor();
      await page.locator('a.activity-card:not([href*="privacy"])').first().waitFor();
      const ids = [
        ...(await page
          .locator('a.activity-card')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
      ];
      const [first, second] = [
        ids.find((h) => h.includes('privacy'))!,
        ids.find((h) => !h.includes('privacy'))!,
      ];
      await page.goto(origin + first);
      await page.locator('.scene').waitFor();
      // In-app navigation to the second activity (a link), then back and forward.
      await page.evaluate((href) => {
        history.pushState(null, '', href);
        dispatchEvent(new PopStateEvent('popstate'));
      }, second);
      await page.locator('.scene').waitFor();
      for (const step of ['back', 'forward', 'back', 'forward'] as const) {
        if (step === 'back') await page.goBack();
        else await page.goForward();
        await page.waitForURL(origin + (step === 'back' ? first : second));
        await page.locator('.scene .player').waitFor();
        await page.locator('.player button').first().waitFor();
      }
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });

    it('keyboard only: after a page change, Next or Try again, focus is on the heading and the first answer is ≤ 3 Tabs away', async () => {
      const page = await newPage({ touch: false });
      const { origin } = suite.server;
      await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
      const focused = () => page.evaluate(() => document.activeElement?.className ?? '');
      /** Tab presses until focus is on an element matching `selector` (at most 20). */
      const tabsTo = async (selector: string) => {
        for (let tabs = 1; tabs <= 20; tabs++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
            return tabs;
        }
        return Infinity;
      };
      // A page change: home → the activity, with the keyboard.
      await page.locator(`a.activity-card[href="/play/${PRIVACY}"]`).focus();
      await page.keyboard.press('Enter');
      await page.locator('.choice-button').first().waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      // A wrong answer, then Try again.
      await page.locator('.choice-button', { hasText: 'Type where I live.' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Try again', exact: true }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
      await page.keyboard.press('Enter');
      await page.locator('.choice-button').first().waitFor();
      expect(await focused()).toContain('scene-heading');
      expect(await tabsTo('.choice-button')).toBeLessThanOrEqual(3);
      // The right answer, then Next.
      await page.locator('.choice-button', { hasText: ASK }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Next', exact: true }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next');
      await page.keyboard.press('Enter');
      await card(page, 'Where I live').waitFor();
      expect(await focused()).toContain('scene-heading');
      expect(await tabsTo('.sort-card')).toBeLessThanOrEqual(3);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
