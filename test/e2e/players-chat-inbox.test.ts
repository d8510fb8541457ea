// Plays the chat, sequence, inbox and hotspot players (with the continue and choice scenes
// around them) to an ending in Chromium: once with the pointer (including a real pointer drag
// in the sequence) and once with the keyboard only, checking the page's live region, axe-core,
// console errors and that nothing is requested from another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { sharedBrowser } from '../helpers/shared-browser';
import type { PageWatch } from '../helpers/browser';
import { startServer } from '../helpers/server';
import type { RunningServer } from '../helpers/server';
import { lastAnnouncement, openActivity, setUpChild } from '../helpers/child';

const enabled = browserAvailable();

/** The steps of sample-new-friend's sequence, and the order the content accepts. */
const STEPS: Record<string, string> = {
  stop: 'Stop replying',
  save: 'Take screenshots to keep a record',
  block: 'Block and report the account',
  tell: 'Tell an adult you trust what happened',
};
const GOOD_ORDER = ['stop', 'save', 'block', 'tell'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await runAxe(page);
  expect(
    result.violations.map(
      (v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target).join(' | ')}`,
    ),
  ).toEqual([]);
}

/** Waits until the Play page's live region says something containing every part. */
async function expectAnnounced(page: Page, ...parts: string[]): Promise<void> {
  for (const part of parts) {
    await expect.poll(() => lastAnnouncement(page), { timeout: 10_000 }).toContain(part);
  }
}

const pollAttr = (l: Locator, name: string) => expect.poll(() => l.getAttribute(name));
const pollText = (l: Locator) => expect.poll(async () => (await l.textContent())?.trim());
const pollCount = (l: Locator) => expect.poll(() => l.count());

/** Nothing sticks out sideways (the players work from 320 px wide). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** Responses with an error status, named by URL (the console only says "404"). */
const badResponses = new WeakMap<PageWatch, string[]>();

function expectClean(watch: PageWatch): void {
  expect(badResponses.get(watch) ?? []).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.failedRequests).toEqual([]);
}

/** The name of the focused element, as far as these tests need it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden=true]').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches (keyboard only, like a child would). */
async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<void> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** Feedback focuses its Next (or Try again) button; Enter goes on. */
async function nextWithKeyboard(page: Page): Promise<void> {
  await expect.poll(() => focusedName(page)).toMatch(/^(Next|Try again)$/);
  await page.keyboard.press('Enter');
}

function stepOrder(page: Page): Promise<string[]> {
  return page
    .locator('.seq-card')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.step ?? ''));
}

/** Drags the card at `from` by its grip onto the place of the card at `to`, with the mouse. */
async function dragStep(page: Page, from: number, to: number): Promise<void> {
  // The whole list in view, just under the sticky top bar.
  await page.evaluate(() => {
    const list = document.querySelector('.seq-list')!;
    window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY - 80);
  });
  const grip = (await page.locator('.seq-grip').nth(from).boundingBox())!;
  const target = (await page.locator('.seq-card').nth(to).boundingBox())!;
  const x = grip.x + grip.width / 2;
  const y = grip.y + grip.height / 2;
  const ty = target.y + target.height / 2 + (to < from ? -8 : 8);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + (ty > y ? 6 : -6), { steps: 2 });
  await page.mouse.move(x, ty, { steps: 12 });
  await page.mouse.up();
}

describe.skipIf(!enabled)('chat, inbox, hotspot and sequence players in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function child(
    band: '8-10' | '11-13',
    width = 360,
  ): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext({ viewport: { width, height: 740 } });
    contexts.push(context);
    const watch = watchContext(context, server.origin);
    const page = await context.newPage();
    const bad: string[] = [];
    badResponses.set(watch, bad);
    page.on('response', (r) => {
      if (r.status() >= 400) bad.push(`${r.status()} ${r.url().replace(server.origin, '')}`);
    });
    await setUpChild(page, server.origin, { band });
    // Let home finish loading its pictures, so leaving it aborts nothing.
    await page.waitForLoadState('networkidle');
    return { page, watch };
  }

  it('plays "A new friend in the game" with the pointer at 320 px, dragging the steps into order', async () => {
    const { page, watch } = await child('11-13', 320);
    await openActivity(page, server.origin, 'sample-new-friend');

    // Chat: the thread, its polite announcement of the new messages, and a reply.
    await page.locator('.chat-thread').waitFor();
    await expect
      .poll(() => page.locator('.chat [role=log], [role=log]').first().textContent())
      .toContain('Jay says: hey! saw you play');
    await expect(page.getByText('Practice', { exact: true }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: 'No thanks.' }).click();
    await expectAnnounced(page, 'Safe choice.', 'Good thinking.');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Second chat: an action reply.
    await page.getByRole('button', { name: 'Block and report' }).click();
    await expectAnnounced(page, 'Safe choice.');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Sequence: real pointer drags on the grips until the order is right.
    await page.locator('.seq-list').waitFor();
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    for (let i = 0; i < GOOD_ORDER.length; i++) {
      const order = await stepOrder(page);
      const from = order.indexOf(GOOD_ORDER[i]!);
      if (from === i) continue;
      await dragStep(page, from, i);
      await expect
        .poll(() => stepOrder(page))
        .toEqual(
          (() => {
            const next = order.filter((id) => id !== GOOD_ORDER[i]);
            next.splice(i, 0, GOOD_ORDER[i]!);
            return next;
          })(),
        );
      await expect
        .poll(() => page.locator('.sequence-player [aria-live=polite]').textContent())
        .toContain(`${STEPS[GOOD_ORDER[i]!]} is now number ${i + 1} of 4.`);
    }
    expect(await stepOrder(page)).toEqual(GOOD_ORDER);
    await page.getByRole('button', { name: 'Check' }).click();
    await expectAnnounced(page, 'Safe choice.', "That's a strong plan.");
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();
    expectClean(watch);
  });

  it('plays "A new friend in the game" with the keyboard only', async () => {
    const { page, watch } = await child('11-13');
    await openActivity(page, server.origin, 'sample-new-friend');

    await page.locator('.chat-thread').waitFor();
    await tabTo(page, 'Wow, yes please!');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Risky choice.', 'Free gifts from someone');
    await nextWithKeyboard(page);

    // The gems scene: the thread shows the child's reply and Jay's new messages.
    await expect
      .poll(() => page.locator('[role=log]').first().textContent())
      .toContain("Jay says: don't tell your parents");
    await pollCount(page.locator('.chat-me')).toBe(1);
    await tabTo(page, 'Block and report');
    await page.keyboard.press('Space');
    await expectAnnounced(page, 'Safe choice.');
    await nextWithKeyboard(page);

    // Sequence with the move buttons; focus follows the moved step, each move is announced.
    await page.locator('.seq-list').waitFor();
    for (let i = 0; i < GOOD_ORDER.length; i++) {
      const id = GOOD_ORDER[i]!;
      let at = (await stepOrder(page)).indexOf(id);
      if (at === i) continue;
      await tabTo(page, `Move up: ${STEPS[id]}`);
      while (at > i) {
        await page.keyboard.press('Enter');
        at -= 1;
        await expect.poll(async () => (await stepOrder(page)).indexOf(id)).toBe(at);
        await expect
          .poll(() => page.locator('.sequence-player [aria-live=polite]').textContent())
          .toBe(`${STEPS[id]} is now number ${at + 1} of 4.`);
        expect(await focusedName(page)).toMatch(new RegExp(`^Move (up|down): ${STEPS[id]}$`));
      }
    }
    expect(await stepOrder(page)).toEqual(GOOD_ORDER);
    await tabTo(page, 'Check');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Safe choice.', "That's a strong plan.");
    await nextWithKeyboard(page);
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();
    expectClean(watch);
  });

  it('plays "The prize message" with the pointer at 320 px', async () => {
    const { page, watch } = await child('8-10', 320);
    await openActivity(page, server.origin, 'sample-prize-message');

    // Continue scene.
    await page.getByRole('button', { name: 'Open the inbox' }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    await expectAnnounced(page, 'Safe choice.');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Inbox: open a message, check where its link goes, flag it. Only one trick first.
    await page.locator('.inbox-list').waitFor();
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    const prize = page.getByRole('button', { name: /^Prize Team/ });
    await prize.click();
    await pollAttr(prize, 'aria-expanded').toBe('true');
    await pollText(page.locator('.inbox-address')).toBe('win@prize-now.example');
    await page.getByRole('button', { name: 'Link in this message' }).click();
    await pollText(page.locator('.inbox-link-target')).toContain(
      'This link goes to:http://prize-now.example/claim',
    );
    await page.getByRole('button', { name: 'Trick', exact: true }).click();
    await pollAttr(page.getByRole('button', { name: 'Trick', exact: true }), 'aria-pressed').toBe(
      'true',
    );
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: 'Check' }).click();
    await expectAnnounced(page, 'Risky choice.', "There's still a trick in the inbox.");
    await page.getByRole('button', { name: 'Try again' }).click();

    // The scene starts fresh: nothing flagged.
    await pollText(page.locator('.inbox-count')).toBe('Marked as tricks: 0');
    for (const sender of [/^Prize Team/, /^Postbox Safety Team/]) {
      await page.getByRole('button', { name: sender }).click();
      await page.getByRole('button', { name: 'Trick', exact: true }).click();
    }
    await pollText(page.locator('.inbox-count')).toBe('Marked as tricks: 2');
    await page.getByRole('button', { name: 'Check' }).click();
    await expectAnnounced(page, 'Safe choice.', 'Good thinking! Both tricks want you to hurry');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Hotspot in a message: tap the clues, then Done.
    await page.locator('.hotspot-post').waitFor();
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    for (const part of [/^From: Prize Team/, /^You won/, /^Claim it/, /^Tap here/]) {
      const button = page.getByRole('button', { name: part });
      await button.click();
      await pollAttr(button, 'aria-pressed').toBe('true');
    }
    await pollText(page.locator('.hotspot-count')).toBe('Clues you marked: 4');
    await page.getByRole('button', { name: 'Done' }).click();
    await expectAnnounced(page, 'Safe choice.', 'You found them all');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Choice.
    await page.getByRole('button', { name: /^Don't tap anything/ }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: /^Don't tap anything/ }).click();
    await expectAnnounced(page, 'Safe choice.', 'Real prizes don');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();
    expectClean(watch);
  });

  it('plays "The prize message" with the keyboard only', async () => {
    const { page, watch } = await child('8-10');
    await openActivity(page, server.origin, 'sample-prize-message');

    await tabTo(page, 'Open the inbox');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Safe choice.');
    await nextWithKeyboard(page);

    await page.locator('.inbox-list').waitFor();
    for (const sender of [/^Prize Team/, /^Postbox Safety Team/]) {
      await tabTo(page, sender);
      await page.keyboard.press('Enter');
      // Focusing the link shows where it goes.
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('Link in this message');
      await pollText(page.locator('.inbox-link-target')).toContain('This link goes to:');
      await tabTo(page, 'Trick');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe(
        'true',
      );
    }
    await tabTo(page, 'Check');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Safe choice.', 'Good thinking! Both tricks want you to hurry');
    await nextWithKeyboard(page);

    await page.locator('.hotspot-post').waitFor();
    for (const part of [/^From: Prize Team/, /^You won/, /^Claim it/, /^Tap here/]) {
      await tabTo(page, part);
      await page.keyboard.press('Space');
    }
    await pollCount(page.locator('.hotspot-part[aria-pressed=true]')).toBe(4);
    await tabTo(page, 'Done');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Safe choice.', 'You found them all');
    await nextWithKeyboard(page);

    await tabTo(page, /^Don't tap anything/);
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Safe choice.', 'Real prizes don');
    await nextWithKeyboard(page);
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();
    expectClean(watch);
  });
});
