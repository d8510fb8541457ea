import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { sharedBrowser } from '../helpers/shared-browser';
import type { PageWatch } from '../helpers/browser';
import { startServer } from '../helpers/server';
import type { RunningServer } from '../helpers/server';
import { lastAnnouncement, openActivity, setUpChild } from '../helpers/child';
import { FAKE_SPEECH } from '../helpers/speech';
import type { Spoken } from '../helpers/speech';

// `sample-profile-setup` (band 8-10) plays the settings, password, sort and feed players in
// turn. It is played to its ending twice: with the pointer (including a real drag in sort) and
// with the keyboard only. The passphrase's typed text must stay in the page's memory.

const enabled = browserAvailable();
const ACTIVITY = 'sample-profile-setup';
/** A word typed into the passphrase field; it must never reach a request, storage or speech. */
const SECRET = 'quokka';

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

/** Waits until the page's live region announces `safety` and then `words` of the feedback. */
async function announced(page: Page, safety: string, words: string): Promise<void> {
  await expect
    .poll(() => lastAnnouncement(page), { timeout: 5000 })
    .toMatch(new RegExp(`^${safety}\\. .*${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

/**
 * Presses Tab until the focused element matches `selector` and its accessible name (as the
 * page computes it from aria-labelledby, aria-label, labels or text) matches `name`.
 */
async function tabTo(page: Page, selector: string, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([sel, source, flags]) => {
        const el = document.activeElement;
        if (!el || !el.matches(sel)) return false;
        const by = el.getAttribute('aria-labelledby');
        const labels = (el as HTMLInputElement).labels;
        const accessible = by
          ? by
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : (el.getAttribute('aria-label') ??
            (labels && labels.length > 0
              ? [...labels].map((l) => l.textContent).join(' ')
              : el.textContent));
        return new RegExp(source, flags).test((accessible ?? '').trim());
      },
      [selector, name.source, name.flags] as const,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} named ${name}`);
}

/** Everything in every IndexedDB object store, localStorage and sessionStorage, as text. */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
    ];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out.push(`${info.name}/${store}: ${JSON.stringify(rows)}`);
      }
      db.close();
    }
    return out.join('\n');
  });
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** After feedback, its Next button takes the focus; Enter moves on. */
async function nextByKeyboard(page: Page): Promise<void> {
  await expect.poll(() => focusedName(page)).toBe('Next');
  await page.keyboard.press('Enter');
}

describe.skipIf(!enabled)('settings, password, sort and feed players in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let watch: PageWatch;
  let requests: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(FAKE_SPEECH);
    watch = watchContext(context, server.origin);
    requests = [];
    context.on('request', (req) => requests.push(`${req.url()}\n${req.postData() ?? ''}`));
    const page = await context.newPage();
    await setUpChild(page, server.origin);
    await openActivity(page, server.origin, ACTIVITY);
    return page;
  }

  /** The typed passphrase is nowhere but the field: not sent, stored or spoken. */
  async function expectSecretKept(page: Page): Promise<void> {
    const stored = await storedText(page);
    expect(stored).toContain('"type":"password"'); // the answer (score and flags) was recorded
    expect(stored.toLowerCase()).not.toContain(SECRET);
    expect(requests.filter((r) => r.toLowerCase().includes(SECRET))).toEqual([]);
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: Spoken[] }).__spoken,
    );
    expect(spoken.filter((s) => s.text?.toLowerCase().includes(SECRET))).toEqual([]);
  }

  async function expectCleanRun(): Promise<void> {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    await context.close();
  }

  it('plays to the ending with the pointer, dragging cards in sort', async () => {
    const page = await newPage();

    // settings: Save as it comes first (risky), then change the three settings.
    await page.getByRole('switch', { name: 'Show where I am on my posts' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await announced(page, 'Risky choice', 'show where you are');
    await page.getByRole('button', { name: 'Try again' }).click();
    const profile = page.getByRole('group', { name: 'Who can see my profile' });
    await profile.getByText('Friends only').click();
    await expect
      .poll(() => profile.getByRole('radio', { name: 'Friends only' }).isChecked())
      .toBe(true);
    const location = page.getByRole('switch', { name: 'Show where I am on my posts' });
    await location.click();
    expect(await location.getAttribute('aria-checked')).toBe('false');
    await page.getByRole('group', { name: 'Who can message me' }).getByText('Nobody').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await announced(page, 'Safe choice', 'only people you know');
    await page.getByRole('button', { name: 'Next' }).click();

    // password: the sister's name and a year are easy to guess; then random words.
    const meter = page.getByRole('meter', { name: 'How hard to guess' });
    await meter.waitFor();
    await page.getByRole('button', { name: 'Nia' }).click();
    await page.getByRole('button', { name: '2016' }).click();
    await expect.poll(() => page.locator('.pw-tips').textContent()).toContain('people know');
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await announced(page, 'Risky choice', "sister's name");
    await page.getByRole('button', { name: 'Try again' }).click();
    const field = page.getByRole('textbox', { name: 'Your passphrase' });
    await expect.poll(() => field.inputValue()).toBe('');
    expect(await field.getAttribute('autocomplete')).toBe('off');
    expect(await field.getAttribute('spellcheck')).toBe('false');
    expect(await field.evaluate((el) => el.closest('form'))).toBeNull();
    await page.getByRole('button', { name: 'purple' }).click();
    await page.getByRole('button', { name: 'river' }).click();
    await field.click();
    await field.press('End');
    await page.keyboard.type(` ${SECRET} lantern`);
    await expect.poll(() => meter.getAttribute('aria-valuenow')).toBe('4');
    expect(await meter.getAttribute('aria-valuetext')).toBe('Very hard to guess');
    await expect.poll(() => page.locator('.pw-word').textContent()).toBe('Very hard to guess');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await announced(page, 'Safe choice', 'Strong!');
    await expectSecretKept(page);
    await page.getByRole('button', { name: 'Next' }).click();

    // sort: drag two cards with the mouse, tap-then-tap the other two.
    const card = (name: string) => page.locator('.sort-card', { hasText: name });
    const bin = (name: string) => page.locator('.sort-bin', { hasText: name });
    const dragTo = async (cardName: string, binName: string) => {
      await page.locator('.sort-tray').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const from = (await card(cardName).boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 4, from.y + from.height / 2 + 12, {
        steps: 3,
      });
      // A box below the screen's edge: hold the card near the edge and the page scrolls.
      for (let i = 0; ; i++) {
        const to = (await bin(binName).boundingBox())!;
        const y = to.y + to.height / 2;
        if (y > 90 && y < 660) {
          await page.mouse.move(to.x + to.width / 2, y);
          break;
        }
        expect(i, 'the page scrolls while a card is dragged to the edge').toBeLessThan(60);
        await page.mouse.move(180, y >= 660 ? 725 - (i % 2) * 4 : 30 + (i % 2) * 4);
      }
      await page.mouse.up();
    };
    await card('Your favourite animal').waitFor();
    await dragTo('Your favourite animal', 'OK to share');
    await expect.poll(() => bin('OK to share').locator('.sort-card').count()).toBe(1);
    await dragTo('Your home address', 'Keep private');
    await expect
      .poll(() => bin('Keep private').locator('.sort-card').allTextContents())
      .toEqual(['Your home address']);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.sort-problem').textContent()).toContain('every card');
    await card('Your password').click();
    expect(await card('Your password').getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Keep private/ }).click();
    await card('A photo of your friend').click();
    await page.getByRole('button', { name: /^Ask an adult first/ }).click();
    expect(await page.locator('.sort-tray .sort-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Check' }).click();
    await announced(page, 'Safe choice', 'you ask before sharing');
    await page.getByRole('button', { name: 'Next' }).click();

    // feed: sharing the prize post is not safe; then check its source and report it.
    const post = (author: string) =>
      page.getByRole('group', { name: `What will you do with this post from ${author}?` });
    await post('Leo').waitFor();
    await post('Leo').getByRole('button', { name: 'Like' }).click();
    await post('Free Prizes 4 U').getByRole('button', { name: 'Share' }).click();
    await post('Mei').getByRole('button', { name: 'Scroll past' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await announced(page, 'Not safe', 'made yesterday');
    await page.getByRole('button', { name: 'Try again' }).click();
    const prize = page.getByRole('article', { name: 'Free Prizes 4 U' });
    await prize.getByRole('button', { name: 'Check the source' }).click();
    await prize.getByText('This account was made yesterday').waitFor();
    await post('Leo').getByRole('button', { name: 'Like' }).click();
    await post('Free Prizes 4 U').getByRole('button', { name: 'Report' }).click();
    await post('Free Prizes 4 U').getByRole('button', { name: 'Share' }).click();
    await post('Free Prizes 4 U').getByRole('button', { name: 'Report' }).click();
    expect(
      await post('Free Prizes 4 U')
        .getByRole('button', { name: 'Share' })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.feed-problem').textContent()).toContain('every post');
    await post('Mei').getByRole('button', { name: 'Scroll past' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();
    await announced(page, 'Safe choice', 'Well done');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();

    await expectSecretKept(page);
    await expectCleanRun();
  }, 120_000);

  it('plays to the ending with the keyboard only', async () => {
    const page = await newPage();
    const pressed = (selector: string) =>
      page.evaluate((sel) => document.querySelector(sel)?.getAttribute('aria-pressed'), selector);

    // settings: arrows move within an option group; Space flips the switch.
    await page.getByRole('switch', { name: 'Show where I am on my posts' }).waitFor();
    await tabTo(page, 'input[type=radio][name$="-profile"]', /^Everyone$/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '[role=switch]', /Show where I am/);
    await page.keyboard.press('Space');
    await tabTo(page, 'input[type=radio][name$="-messages"]', /^Everyone$/);
    await page.keyboard.press('ArrowDown');
    expect(
      await page
        .getByRole('group', { name: 'Who can message me' })
        .getByRole('radio', { name: 'Friends only' })
        .isChecked(),
    ).toBe(true);
    await tabTo(page, 'button', /^Save$/);
    await page.keyboard.press('Enter');
    await announced(page, 'Safe choice', 'only people you know');
    await nextByKeyboard(page); // feedback takes the focus

    // password: two tiles, then type, then Enter in the field.
    await page.getByRole('meter', { name: 'How hard to guess' }).waitFor();
    await tabTo(page, '.pw-tile', /purple/);
    await page.keyboard.press('Enter');
    await tabTo(page, '.pw-tile', /cloud/);
    await page.keyboard.press('Space');
    await tabTo(page, 'input', /Your passphrase/);
    await page.keyboard.press('End');
    await page.keyboard.type(` ${SECRET} jumps`);
    await expect.poll(() => page.locator('.pw-word').textContent()).toBe('Very hard to guess');
    await page.keyboard.press('Enter');
    await announced(page, 'Safe choice', 'Strong!');
    await expectSecretKept(page);
    await nextByKeyboard(page);

    // sort: arrow keys move a card between boxes (focus stays on it, the move is announced);
    // Enter picks a card up and Enter on a box puts it there.
    const said = () => page.locator('.sort [aria-live=polite]').textContent();
    await tabTo(page, '.sort-card', /Your favourite animal/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(said).toBe('“Your favourite animal” is now in “OK to share”.');
    expect(await focusedName(page)).toBe('Your favourite animal');
    await tabTo(page, '.sort-card', /Your password/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(said).toBe('“Your password” is now in “Keep private”.');
    await tabTo(page, '.sort-card', /Your home address/);
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('You picked “Your home address”. Now choose a box.');
    expect(await pressed('.sort-card[aria-pressed=true]')).toBe('true');
    await tabTo(page, '.sort-zone-head', /^Keep private/);
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('“Your home address” is now in “Keep private”.');
    await tabTo(page, '.sort-card', /A photo of your friend/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(said).toBe('“A photo of your friend” is now in “Ask an adult first”.');
    await tabTo(page, 'button', /^Check$/);
    await page.keyboard.press('Enter');
    await announced(page, 'Safe choice', 'you ask before sharing');
    await nextByKeyboard(page);

    // feed: each post's buttons in reading order.
    await page.getByRole('article', { name: 'Leo' }).waitFor();
    await tabTo(page, '.post-action', /^Like$/);
    await page.keyboard.press('Enter');
    await tabTo(page, '.post-source-button', /Check the source/); // the prize post's
    await page.keyboard.press('Enter');
    await page
      .getByRole('article', { name: 'Free Prizes 4 U' })
      .getByText('This account was made yesterday')
      .waitFor();
    await tabTo(page, '.post-action', /^Report$/);
    await page.keyboard.press('Space');
    await tabTo(page, '.post-source-button', /Check the source/); // Mei's post
    await tabTo(page, '.post-action', /^Scroll past$/);
    await page.keyboard.press('Enter');
    expect(
      await page
        .getByRole('group', { name: 'What will you do with this post from Mei?' })
        .getByRole('button', { name: 'Scroll past' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await tabTo(page, 'button', /^Done$/);
    await page.keyboard.press('Enter');
    await announced(page, 'Safe choice', 'Well done');
    await nextByKeyboard(page);
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();

    await expectSecretKept(page);
    await expectCleanRun();
  }, 120_000);
});
