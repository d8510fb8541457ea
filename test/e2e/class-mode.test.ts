import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { dumpIdb } from '../helpers/idb';

const enabled = browserAvailable();

/** A 5–7 activity: a choice ("ask"), a sort, a choice ("help"). */
const ACTIVITY = 'privacy-5-7-identify';
/** A sensitive activity: never in class mode without an adult session. */
const SENSITIVE = 'contact-14-16-evaluate';

describe.skipIf(!enabled)("a teacher's class mode, from a lesson plan", () => {
  const suite = browserSuite();

  it('plays on a projector with large type, addressed to the teacher, recording nothing', async () => {
    // A laptop on a projector, keyboard only; no child profile on this device.
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    const { origin } = suite.server;
    await page.goto(`${origin}/lessons/${ACTIVITY}`);
    await page.getByRole('heading', { name: /^Lesson plan:/ }).waitFor();
    // The lesson plan's teacher steps hold no line written to a parent.
    await expect(page.getByText('Sit with your child').count()).resolves.toBe(0);
    await expect(page.getByText('sit side by side').count()).resolves.toBe(0);
    await expect(page.getByText('your child', { exact: false }).count()).resolves.toBe(0);
    const playPart = page.locator('.plan-part', { has: page.locator('h3#play') });
    await expect(playPart.locator('li').count()).resolves.toBe(0);
    const link = playPart.getByRole('link', { name: 'Play with the class' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/class/play/${ACTIVITY}`);
    await page.locator('.scene').waitFor();
    await expect(page.getByText('How old are you?').count()).resolves.toBe(0);
    await expect(page.getByText('Sit with your child').count()).resolves.toBe(0);
    await expect(page.getByText('sit side by side').count()).resolves.toBe(0);
    const panel = page.getByRole('complementary', { name: 'For the teacher' });
    await panel.getByText('Read each part aloud.').waitFor();
    await page.getByText('Class mode: nothing is saved on this device').waitFor();
    // Large type: the root size grows for the projector.
    const rootSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(rootSize)).toBeGreaterThanOrEqual(26);
    expect(await axeViolations(page)).toEqual([]);

    // Play two answers, a wrong one and a right one, and the next scene.
    await page.locator('.choice-button', { hasText: 'Type where I live.' }).click();
    await page.getByRole('button', { name: 'Try again', exact: true }).click();
    await page.locator('.choice-button', { hasText: 'Ask my grown-up.' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.locator('.sort-card').first().click();
    await page.locator('.sort-zone-head', { hasText: 'Keep it private' }).click();
    expect(await axeViolations(page)).toEqual([]);

    // Nothing was recorded: no events, no checkpoint, no draft, no profile.
    const records = await dumpIdb(page);
    expect(records.filter((r) => r.store === 'events')).toEqual([]);
    expect(records.filter((r) => r.store === 'profiles')).toEqual([]);
    expect(
      records.filter((r) => /^(checkpoint|draft):/.test(String(r.key))).map((r) => r.key),
    ).toEqual([]);
    // A reload starts again at the beginning (nothing to resume).
    await page.reload();
    await page.locator('.choice-button', { hasText: 'Ask my grown-up.' }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('offers no sensitive activity to a class', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    const { origin } = suite.server;
    await page.goto(`${origin}/lessons/${SENSITIVE}`);
    await page.getByRole('heading', { name: /^Lesson plan:/ }).waitFor();
    await expect(page.getByRole('link', { name: 'Play with the class' }).count()).resolves.toBe(0);
    await page.goto(`${origin}/class/play/${SENSITIVE}`);
    await page.getByRole('heading', { name: 'Not for class mode' }).waitFor();
    await expect(page.locator('.scene, .player').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

async function axeViolations(page: Page) {
  return (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);
}
