import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Page } from 'playwright-core';
import { usableMessages } from '../../src/engine';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';

// Issue 15, on the real build and content: a Cambodian deployment (KITE_COUNTRY=kh) where a
// 5–7 child picks Khmer on first run, plays the first part of Kiri's course in Khmer, and finds
// the Cambodian helpline on the help page. Every word looked for is read from the Khmer files
// (content/ui/km.json, content/locales/km/), so the test checks that the app shows them.
const enabled = browserAvailable();

const english = JSON.parse(readFileSync('content/ui/en.json', 'utf8')) as Record<string, string>;
const uiKm = usableMessages(english, JSON.parse(readFileSync('content/ui/km.json', 'utf8')));
/** The Khmer UI string of `key`; fails the test when Khmer has none. */
function ui(key: string): string {
  const s = uiKm[key];
  if (s === undefined) throw new Error(`content/ui/km.json has no current "${key}"`);
  return s;
}
const contentKm = new Map<string, string>();
for (const f of readdirSync('content/locales/km')) {
  const file = JSON.parse(readFileSync(join('content/locales/km', f), 'utf8')) as {
    strings: Record<string, { text: string }>;
  };
  for (const [id, t] of Object.entries(file.strings)) contentKm.set(id, t.text);
}
/** The Khmer text of content id `id`. */
function km(id: string): string {
  const s = contentKm.get(id);
  if (s === undefined) throw new Error(`content/locales/km has no "${id}"`);
  return s;
}

const COURSE = 'kiri-5-7';
const course = JSON.parse(readFileSync(`content/packs/core/courses/${COURSE}.json`, 'utf8')) as {
  title: { id: string };
  modules: { id: string; activities: string[] }[];
};
const MODULE = course.modules[0]!;

/** Each activity of the first part, its last scene and the right answer there. */
const LAST_STEPS: readonly { activity: string; scene: string; answer: string }[] = [
  {
    activity: 'contact-5-7-identify',
    scene: 'help',
    answer: 'contact-5-7-identify.help.grown-up',
  },
  { activity: 'contact-5-7-comprehend', scene: 'why', answer: 'contact-5-7-comprehend.why.help' },
  {
    activity: 'contact-5-7-evaluate',
    scene: 'new-chat',
    answer: 'contact-5-7-evaluate.new-chat.reply.show',
  },
];

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);

describe.skipIf(!enabled)('Khmer in a Cambodian deployment (the real content)', () => {
  const suite = browserSuite({ country: 'kh' });

  it("first run in Khmer, the first part of Kiri's course, and the help page's helpline", async () => {
    const { origin } = suite.server;
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const watch = watchContext(context, origin);
    const page = await context.newPage();

    // First run: the language first, named in its own script.
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await page.getByRole('heading', { name: ui('first.bandQuestion') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: ui('first.band.5-7') }).click();
    await page.getByRole('button', { name: ui('avatar.fox') }).click();
    await page.getByRole('button', { name: ui('first.start') }).click();

    // Home, then the course's map and its first part's story, in Khmer.
    await page.getByRole('heading', { name: ui('course.homeTitle') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: new RegExp(`^${km(course.title.id)}`) }).click();
    await page.getByRole('heading', { name: km(course.title.id), level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: ui('course.start') }).click();
    await page.getByRole('heading', { name: ui('course.story') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Each activity of the part, through the Play page, ending on its last scene's right answer.
    const query = `course=${COURSE}&module=${MODULE.id}`;
    expect(LAST_STEPS.map((s) => s.activity)).toEqual(MODULE.activities);
    for (const [i, step] of LAST_STEPS.entries()) {
      await page.getByRole('link', { name: ui('course.startModule') }).click();
      await page.waitForURL(`**/play/${step.activity}?${query}`);
      if (i === 0) {
        await page.locator('.scene-heading').waitFor();
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.goto(`${origin}/play/${step.activity}?scene=${step.scene}&${query}`);
      await page.getByRole('button', { name: km(step.answer) }).click();
      await page.getByRole('button', { name: ui('play.next'), exact: true }).click();
      await page.getByRole('heading', { name: ui('play.finished') }).waitFor();
      await page.getByRole('link', { name: ui('course.backToMap') }).click();
    }

    // Kiri's question: the right answer ends with who can help, in Khmer.
    await page.getByRole('link', { name: ui('course.startModule') }).click();
    await page.getByRole('heading', { name: ui('course.checkTitle') }).waitFor();
    await page
      .locator('.choice-button', { hasText: km(`course.${COURSE}.${MODULE.id}.check.tell`) })
      .click();
    await page.getByRole('heading', { name: ui('course.rightAnswer') }).waitFor();
    await page.getByRole('heading', { name: ui('play.whoCanHelp') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The help page: Child Helpline Cambodia (confirmed), in Khmer; nothing still to verify.
    await page
      .getByRole('link', { name: ui('nav.help') })
      .first()
      .click();
    await page.getByRole('heading', { name: ui('help.title'), level: 1 }).waitFor();
    const lines = page.locator('.helplines');
    await lines.getByRole('heading', { name: km('country.kh.helpline.chc.name') }).waitFor();
    await lines.getByRole('link', { name: /1280/ }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const unconfirmed of ['country.kh.helpline.ihc.name', 'country.kh.helpline.police.name'])
      expect(text).not.toContain(km(unconfirmed));
    expect(text).not.toContain('1288');
    expect(await axeViolations(page)).toEqual([]);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
