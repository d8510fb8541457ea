import { readFileSync } from 'node:fs';
import { runAxe } from '../helpers/axe';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';
import { FAKE_SPEECH } from '../helpers/speech';
import type { Spoken } from '../helpers/speech';

// Playable without reading (ages 5–7), on a 360 × 740 touch screen: pictures on the answers, a
// speaker per answer, the sequence read in the order on screen, feedback read aloud, and the
// pack's recordings (also offline) on a device with no voice.
const enabled = browserAvailable();

interface Txt {
  id: string;
  text: string;
}
interface Act {
  start: string;
  scenes: Record<
    string,
    {
      body: Txt;
      interaction: {
        args: { options?: { id: string; text: Txt }[]; steps?: { id: string; text: Txt }[] };
        answerGroups: { outcome: { feedback?: Txt } }[];
      };
    }
  >;
}
const activity = (id: string) =>
  JSON.parse(readFileSync(`content/packs/core/activities/${id}.json`, 'utf8')) as Act;
const TIMER = activity('wellbeing-5-7-evaluate'); // start scene "timer": a picture choice
const timer = TIMER.scenes[TIMER.start]!;
const options = timer.interaction.args.options!;
const steps = TIMER.scenes.bed!.interaction.args.steps!;

/** A device with no voice: the stub's only local voice becomes a network voice (never used). */
const NO_VOICE = FAKE_SPEECH.replace('localService: true', 'localService: false');
/** Records the src of every recording the page plays, instead of playing it. */
const RECORDER = `(() => {
  window.__played = [];
  HTMLMediaElement.prototype.play = function () {
    window.__played.push(this.src);
    setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
    return Promise.resolve();
  };
})();`;

const spokenTexts = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken))
    .filter((s) => s.text)
    .map((s) => s.text!);
const played = (page: Page) =>
  page.evaluate(() => (window as unknown as { __played: string[] }).__played);
const clearSpoken = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __spoken: Spoken[] }).__spoken.length = 0;
  });

describe.skipIf(!enabled)('playing without reading (5–7)', () => {
  const suite = browserSuite();
  const recording = (id: string) => `${suite.server.origin}/content/packs/core/audio/en/${id}.ogg`;

  async function child(
    init: string,
    serviceWorkers: 'allow' | 'block' = 'block',
  ): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      serviceWorkers,
    });
    await context.addInitScript(init);
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    return { context, page, watch };
  }

  it('shows a big picture on every answer, with its alt text', async () => {
    const { context, page, watch } = await child(FAKE_SPEECH);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player-choice').waitFor();
    const pictures = page.locator('.choice-button img.answer-picture');
    await expect.poll(() => pictures.count()).toBe(options.length);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('img.answer-picture')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    for (let i = 0; i < options.length; i++) {
      const button = page.getByRole('button', { name: options[i]!.text.text });
      // The answer's name: its words, then the picture's alt text.
      expect(await button.getAttribute('class')).toContain('has-picture');
      const img = button.locator('img.answer-picture');
      expect(await img.getAttribute('alt')).toBeTruthy();
      const box = (await img.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(96); // big enough to choose by
    }
    const axe = await runAxe(page);
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it("tapping one answer's speaker speaks only that answer", async () => {
    const { context, page } = await child(FAKE_SPEECH);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player-choice').waitFor();
    await expect
      .poll(() => spokenTexts(page))
      .toContainEqual(expect.stringContaining(timer.body.text));
    await clearSpoken(page);
    const answer = options[1]!.text.text;
    await page.getByTitle(`Listen: ${answer}`).tap();
    await expect.poll(() => spokenTexts(page)).toEqual([answer]);
    await context.close();
  });

  it('reads a sequence in the order on screen, also after a step moves', async () => {
    const { context, page } = await child(FAKE_SPEECH);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate?scene=bed`);
    await page.locator('.seq-list').waitFor();
    const screen = async () => {
      const ids = await page
        .locator('.seq-card')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.step!));
      return ids.map((id) => steps.find((s) => s.id === id)!.text.text);
    };
    const readOrder = (said: string) =>
      steps
        .map((s) => s.text.text)
        .filter((s) => said.includes(s))
        .sort((a, b) => said.indexOf(a) - said.indexOf(b));
    await expect.poll(() => spokenTexts(page)).toHaveLength(1);
    const first = (await spokenTexts(page))[0]!;
    const shown = await screen();
    expect(shown).not.toEqual(steps.map((s) => s.text.text)); // never the written (right) order
    expect(readOrder(first)).toEqual(shown);

    await page.getByRole('button', { name: `Move down: ${shown[0]}` }).tap();
    await clearSpoken(page);
    await page.getByRole('button', { name: 'Read aloud', exact: true }).tap();
    await expect.poll(() => spokenTexts(page)).toHaveLength(1);
    const moved = await screen();
    expect(moved[1]).toBe(shown[0]);
    expect(readOrder((await spokenTexts(page))[0]!)).toEqual(moved);
    await context.close();
  });

  it('reads the feedback aloud by itself for 5–7', async () => {
    const { context, page } = await child(FAKE_SPEECH);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player-choice').waitFor();
    await page.getByRole('button', { name: options[0]!.text.text }).tap();
    const feedback = timer.interaction.answerGroups[0]!.outcome.feedback!.text;
    await page.locator('.feedback').getByText(feedback).waitFor();
    await expect.poll(() => spokenTexts(page)).toContainEqual(expect.stringContaining(feedback));
    await context.close();
  });

  it('reads the ending aloud by itself for 5–7', async () => {
    const { context, page } = await child(FAKE_SPEECH);
    const help = activity('contact-5-7-identify').scenes.help!;
    const right = help.interaction.args.options!.find((o) => o.id === 'grown-up')!;
    await page.goto(`${suite.server.origin}/play/contact-5-7-identify?scene=help`);
    await page.locator('.player-choice').waitFor();
    await page.getByRole('button', { name: right.text.text }).tap();
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    await page.getByRole('heading', { name: 'You finished!' }).waitFor();
    await expect
      .poll(async () => (await spokenTexts(page)).at(-1))
      .toMatch(/^You finished!.*Who can help.*Talk to an adult you trust/);
    await context.close();
  });

  it("with no voice on the device, plays the pack's recordings and tells the adult", async () => {
    const { context, page } = await child(NO_VOICE + RECORDER);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player-choice').waitFor();
    // The scene is read from its recordings: the text, then every answer.
    await expect
      .poll(() => played(page))
      .toEqual([timer.body.id, ...options.map((o) => o.text.id)].map(recording));
    await page.getByRole('heading', { name: 'For the grown-up: reading aloud' }).waitFor();
    const axe = await runAxe(page);
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const answer = options[2]!;
    await page.getByTitle(`Listen: ${answer.text.text}`).tap();
    await expect.poll(async () => (await played(page)).at(-1)).toBe(recording(answer.text.id));
    expect(await spokenTexts(page)).toEqual([]);
    // Feedback comes from its recording too.
    await page.getByRole('button', { name: options[0]!.text.text }).tap();
    const feedback = timer.interaction.answerGroups[0]!.outcome.feedback!;
    await expect.poll(async () => (await played(page)).at(-1)).toBe(recording(feedback.id));
    // The note is calm, once: "Got it" hides it for good; settings keep saying it.
    await page.getByRole('button', { name: 'Got it' }).tap();
    await page.reload();
    await page.locator('.kiri-says, .player-choice').first().waitFor();
    await page.waitForTimeout(1500);
    expect(
      await page.getByRole('heading', { name: 'For the grown-up: reading aloud' }).count(),
    ).toBe(0);
    await page.goto(`${suite.server.origin}/settings`);
    await page.getByText('This device has no voice of its own').waitFor();
    await context.close();
  });

  it('keeps the recordings offline after the first play', { timeout: 150_000 }, async () => {
    const { context, page } = await child(NO_VOICE + RECORDER, 'allow');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(`${suite.server.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player-choice').waitFor();
    // Every recording of the band's activities goes into the cache in the background.
    const want = await page.evaluate(async () => {
      const index = (await (await fetch('/content/en/audio.json')).json()) as Record<
        string,
        string
      >;
      const band = (await (await fetch('/content/en/bands/5-7.json')).json()) as {
        activities: { id: string }[];
      };
      return Object.entries(index)
        .filter(([id]) => band.activities.some((a) => id.startsWith(`${a.id}.`)))
        .map(([, url]) => url);
    });
    expect(want.length).toBeGreaterThan(300);
    await expect
      .poll(
        () => page.evaluate(async () => (await (await caches.open('kite-audio')).keys()).length),
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(want.length);

    await context.setOffline(true);
    // Another activity, never opened: its recordings play from the cache.
    await page.goto(`${suite.server.origin}/play/kindness-5-7-identify`);
    await page.locator('.play-head h1').waitFor();
    const url = want.find((u) => u.includes('/kindness-5-7-identify.'))!;
    const loaded = await page.evaluate(
      (src) =>
        new Promise<string>((ok) => {
          const a = new Audio();
          a.preload = 'auto';
          a.onloadedmetadata = () => ok(`duration ${a.duration > 0}`);
          a.onerror = () => ok(`error ${a.error?.code}`);
          a.src = src;
        }),
      url,
    );
    expect(loaded).toBe('duration true');
    const index = await page.evaluate(async () => (await fetch('/content/en/audio.json')).status);
    expect(index).toBe(200);
    await context.close();
  });
});
