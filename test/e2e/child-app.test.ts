import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import type { PageWatch } from '../helpers/browser';
import { chooseLanguage, setUpChild } from '../helpers/child';
import { FAKE_SPEECH } from '../helpers/speech';
import type { Spoken } from '../helpers/speech';

const enabled = browserAvailable();

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);

describe.skipIf(!enabled)("the child's app in Chromium", () => {
  const suite = browserSuite();
  let context: BrowserContext;
  let watch: PageWatch;

  async function newPage(init?: string): Promise<Page> {
    context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    if (init) await context.addInitScript(init);
    watch = watchContext(context, suite.server.origin);
    return context.newPage();
  }

  it('reads the privacy notice aloud for 5–7 with an on-device voice only', async () => {
    const page = await newPage(FAKE_SPEECH);
    await page.goto(suite.server.origin + '/');
    await chooseLanguage(page);
    await page.getByRole('button', { name: '5 to 7' }).click();
    await page.getByRole('button', { name: 'Owl' }).click();
    await page.getByRole('heading', { name: 'Your progress stays here' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __spoken: unknown[] }).__spoken.length > 0,
    );
    const spoken = (
      await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken)
    ).filter((s) => s.text);
    expect(spoken[0]?.text).toContain('Kite does not ask your name.');
    expect(spoken.every((s) => s.voice === 'Device English')).toBe(true);
    // The visible speaker button reads the same text, and stops.
    const speaker = page.getByRole('button', { name: 'Read aloud' }).first();
    await speaker.click();
    const after = await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
    expect(after.filter((s) => s.text).length).toBeGreaterThan(spoken.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Let's play" }).click();
    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('reads a 5–7 scene aloud with its choices, so a child who cannot read can play', async () => {
    const activity = JSON.parse(
      readFileSync('content/packs/core/activities/images-5-7-evaluate.json', 'utf8'),
    ) as {
      start: string;
      scenes: Record<string, { interaction: { args: { options: { text: { text: string } }[] } } }>;
    };
    const options = activity.scenes[activity.start]!.interaction.args.options.map(
      (o) => o.text.text,
    );
    const page = await newPage(FAKE_SPEECH);
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    await page.goto(suite.server.origin + '/play/images-5-7-evaluate');
    await page.locator('.player-choice').waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { __spoken: Spoken[] }).__spoken.some((s) =>
        s.text?.includes('What do you do?'),
      ),
    );
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: Spoken[] }).__spoken,
    );
    const scene = spoken.find((s) => s.text?.includes('What do you do?'));
    for (const o of options) expect(scene?.text).toContain(o);
    expect(scene?.voice).toBe('Device English');
    await page
      .getByRole('button', { name: 'Stop reading' })
      .or(page.getByRole('button', { name: 'Read aloud' }))
      .first()
      .waitFor();
    await context.close();
  });

  it('shows no speaker button when the device has only network voices', async () => {
    const page = await newPage(FAKE_SPEECH.replace('localService: true', 'localService: false'));
    await page.goto(suite.server.origin + '/');
    await chooseLanguage(page);
    await page.getByRole('button', { name: '5 to 7' }).click();
    await page.getByRole('button', { name: 'Owl' }).click();
    await page.getByRole('heading', { name: 'Your progress stays here' }).waitFor();
    await expect(page.getByRole('button', { name: 'Read aloud' }).count()).resolves.toBe(0);
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: Spoken[] }).__spoken,
    );
    expect(spoken.filter((s) => s.text)).toEqual([]);
    await context.close();
  });

  it("plays the pack's recording when there is one, even with no on-device voice", async () => {
    const recorder = `(() => {
      window.__played = [];
      HTMLMediaElement.prototype.play = function () {
        window.__played.push(this.src);
        setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
        return Promise.resolve();
      };
    })();`;
    const page = await newPage(
      FAKE_SPEECH.replace('localService: true', 'localService: false') + recorder,
    );
    await setUpChild(page, suite.server.origin);
    await page.goto(suite.server.origin + '/play/sample-prize-message?scene=inbox');
    await page.locator('.player-inbox').waitFor();
    await page.getByRole('button', { name: 'Read aloud' }).first().click();
    await page.waitForFunction(
      () => (window as unknown as { __played: string[] }).__played.length > 0,
    );
    const played = await page.evaluate(
      () => (window as unknown as { __played: string[] }).__played,
    );
    expect(played).toEqual([
      `${suite.server.origin}/content/packs/sample/audio/en/sample-prize-message.inbox.body.ogg`,
    ]);
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: Spoken[] }).__spoken,
    );
    expect(spoken.filter((s) => s.text)).toEqual([]);
    // A scene without recordings, on a device without a local voice: no speaker at all.
    await page.goto(suite.server.origin + '/play/sample-prize-message?scene=what-now');
    await page.locator('.player-choice').waitFor();
    await expect(page.getByRole('button', { name: 'Read aloud' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('has help on every screen, with helplines and their verification date, and no violations', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin);
    await page.getByRole('link', { name: 'Get help' }).click();
    await page.getByRole('heading', { name: 'Get help', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'What to do now' }).waitFor();
    await page
      .getByText(/Checked on \d{4}-\d{2}-\d{2}/)
      .first()
      .waitFor();
    await expect(page.getByText('Child Helpline International').count()).resolves.toBeGreaterThan(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('shows who can see my progress and erases it after a plain confirmation', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin);
    await page.evaluate(async () => {
      // One progress event for this profile, as the Play page would write it.
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('kite');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const profile = await new Promise<string>((ok) => {
        const r = db.transaction('meta').objectStore('meta').get('currentProfile');
        r.onsuccess = () => ok(r.result as string);
      });
      await new Promise((ok) => {
        const tx = db.transaction('events', 'readwrite');
        tx.objectStore('events').put({ id: 'e1', learner: profile });
        tx.oncomplete = ok;
      });
    });
    await page.goto(suite.server.origin + '/privacy');
    await page.getByRole('heading', { name: 'Who can see my progress' }).waitFor();
    await page.getByText('Only you, on this device.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Erase my progress on this device' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('status').filter({ hasText: 'was erased' }).waitFor();
    const left = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('kite');
        r.onsuccess = () => ok(r.result);
      });
      return new Promise<number>((ok) => {
        const r = db.transaction('events').objectStore('events').count();
        r.onsuccess = () => ok(r.result);
      });
    });
    expect(left).toBe(0);
    await context.close();
  });

  it('keeps siblings apart: two profiles, one with a picture lock', async () => {
    const page = await newPage();
    await setUpChild(page, suite.server.origin, { avatar: 'Fox' });
    await page.goto(suite.server.origin + '/settings');
    await page.getByRole('button', { name: 'Set picture lock' }).click();
    const lock = page.getByRole('group', { name: 'Picture lock' });
    for (const a of ['Cat', 'Owl', 'Bee']) await lock.getByRole('button', { name: a }).click();
    await page.getByRole('button', { name: 'Remove picture lock' }).waitFor();
    await page.goto(suite.server.origin + '/profiles');
    await page.getByRole('button', { name: 'Add a player' }).click();
    await chooseLanguage(page);
    await page.getByRole('button', { name: '14 to 16' }).click();
    await page.getByRole('button', { name: 'Whale' }).click();
    await page.getByRole('button', { name: "Let's play" }).click();
    await page.getByRole('heading', { name: 'Your topics' }).waitFor(); // 14–16: the older skin
    await page.goto(suite.server.origin + '/profiles');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Fox' }).click();
    for (const a of ['Cat', 'Bee', 'Owl']) await page.getByRole('button', { name: a }).click();
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    for (const a of ['Cat', 'Owl', 'Bee']) await page.getByRole('button', { name: a }).click();
    await page.getByText('Hi, Fox!').waitFor();
    await context.close();
  });

  it('suggests a break after about 20 minutes of continuous play, with no countdown', async () => {
    const page = await newPage();
    await page.clock.install();
    await setUpChild(page, suite.server.origin);
    await page.goto(suite.server.origin + '/play/sample-prize-message');
    await page.locator('.play-head h1').waitFor();
    await page.clock.fastForward('19:00');
    await expect(
      page.getByText('How about a little break?', { exact: false }).count(),
    ).resolves.toBe(0);
    await page.clock.fastForward('01:30');
    await page.getByText('How about a little break?', { exact: false }).waitFor();
    await expect(page.getByText(/\d+:\d\d/).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(
      page.getByText('How about a little break?', { exact: false }).count(),
    ).resolves.toBe(0);
    await context.close();
  });
});
