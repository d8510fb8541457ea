import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { openActivity, setUpChild } from '../helpers/child';
import { currentProfileId, dumpIdb, eventsIn, recordsOf } from '../helpers/idb';

const enabled = browserAvailable();

/** A 5–7 activity of choices whose third scene ("tell") is a checkpoint. */
const ACTIVITY = 'wellbeing-5-7-comprehend';
const FIRST = 'did not get enough sleep.';
const FIRST_WRONG = 'The game was too hard.';
const SECOND = 'The app wants me to keep on watching.';
const CHECKPOINT_BODY = 'A video made you sad.';
const START_BODY = 'played games late last night';

/** Clicks the choice containing `label` twice in one task: before the page can re-render. */
async function doubleTap(page: Page, label: string) {
  await page.locator('.choice-button', { hasText: label }).waitFor();
  await page.evaluate((text) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.choice-button')].find((b) =>
      b.textContent?.includes(text),
    );
    if (!button) throw new Error(`no choice ${text}`);
    button.click();
    button.click();
  }, label);
}

const next = (page: Page, name: 'Next' | 'Try again') =>
  page.getByRole('button', { name, exact: true }).click();

describe.skipIf(!enabled)('the answer path in Chromium', () => {
  const suite = browserSuite();
  let context: BrowserContext;
  let watch: PageWatch;

  async function newContext(): Promise<Page> {
    context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    watch = watchContext(context, suite.server.origin);
    return context.newPage();
  }

  it('records a double tap as one answer, with one sequence number per answer', async () => {
    const page = await newContext();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    await openActivity(page, suite.server.origin, ACTIVITY);
    await doubleTap(page, FIRST);
    await page.getByRole('button', { name: 'Next', exact: true }).waitFor();
    await next(page, 'Next');
    // A real double click with the mouse on the next scene.
    await page.locator('.choice-button', { hasText: SECOND }).dblclick();
    await page.getByRole('button', { name: 'Next', exact: true }).waitFor();
    const events = (await eventsIn(page)).sort((x, y) => x.seq - y.seq);
    expect(events.map((e) => [e.seq, e.scene])).toEqual([
      [1, 'tired'],
      [2, 'next'],
    ]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('gives two tabs answering at the same moment distinct sequence numbers', async () => {
    const a = await newContext();
    await setUpChild(a, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    const b = await context.newPage();
    await openActivity(a, suite.server.origin, ACTIVITY);
    await openActivity(b, suite.server.origin, ACTIVITY);
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      // Both tabs answer in the same instant (a wrong answer stays on the scene).
      await Promise.all([doubleTap(a, FIRST_WRONG), doubleTap(b, FIRST_WRONG)]);
      for (const tab of [a, b]) await next(tab, 'Try again');
    }
    const events = await eventsIn(a);
    expect(events).toHaveLength(2 * rounds);
    const seqs = events.map((e) => e.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 2 * rounds }, (_, i) => i + 1));
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  /** Plays to the checkpoint scene and checks a reload resumes there. */
  async function playToCheckpoint(page: Page) {
    await openActivity(page, suite.server.origin, ACTIVITY);
    await page.locator('.choice-button', { hasText: FIRST }).click();
    await next(page, 'Next');
    await page.locator('.choice-button', { hasText: SECOND }).click();
    await next(page, 'Next');
    await page.getByText(CHECKPOINT_BODY).waitFor();
    await openActivity(page, suite.server.origin, ACTIVITY);
    await page.getByText(CHECKPOINT_BODY).waitFor();
  }

  it('"Erase my progress" leaves no record of the learner but the profile, and starts afresh', async () => {
    const page = await newContext();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    const id = await currentProfileId(page);
    await playToCheckpoint(page);
    const before = recordsOf(await dumpIdb(page), id);
    expect(new Set(before.map((r) => r.store))).toEqual(new Set(['profiles', 'meta', 'events']));
    expect(before.some((r) => String(r.key).startsWith('checkpoint:'))).toBe(true);

    await page.goto(suite.server.origin + '/privacy');
    await page.getByRole('button', { name: 'Erase my progress on this device' }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Your progress on this device was erased.').waitFor();

    // What stays is the profile itself and which profile is playing, nothing else.
    const after = recordsOf(await dumpIdb(page), id);
    expect(after.map((r) => [r.store, r.key])).toEqual(
      expect.arrayContaining([
        ['profiles', id],
        ['meta', 'currentProfile'],
      ]),
    );
    expect(after).toHaveLength(2);

    await openActivity(page, suite.server.origin, ACTIVITY);
    await page.getByText(START_BODY).waitFor();
    await expect(page.getByText(CHECKPOINT_BODY).count()).resolves.toBe(0);
    await expect(page.locator('.notice').count()).resolves.toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('removing a player leaves no record of them in any object store', async () => {
    const page = await newContext();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    const id = await currentProfileId(page);
    await playToCheckpoint(page);
    expect(recordsOf(await dumpIdb(page), id).length).toBeGreaterThan(3);

    await page.goto(suite.server.origin + '/settings');
    await page.getByRole('button', { name: 'Remove this player' }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL((url) => url.pathname !== '/settings');
    expect(recordsOf(await dumpIdb(page), id)).toEqual([]);

    // A new player on the same device starts the activity at its beginning.
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Fox' });
    await openActivity(page, suite.server.origin, ACTIVITY);
    await page.getByText(START_BODY).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
