import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { keepOffline, setUpChild } from '../helpers/child';
import { dumpIdb } from '../helpers/idb';
import { FAKE_SPEECH } from '../helpers/speech';
import type { Spoken } from '../helpers/speech';

const enabled = browserAvailable();

/** The sample pack's one-module test course (8–10): two activities and a closing check. */
const COURSE = 'sample-8-10';
const MODULE = 'first-steps';
const NICKNAME = 'Pip Quillfeather';
const KHMER_NICKNAME = 'សុខា';

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);

/** Opens the course from the child's home, as a child would. */
async function openCourseFromHome(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  await page.getByRole('heading', { name: "Kiri's course" }).waitFor();
  await page.getByRole('link', { name: /^Sample course/ }).click();
  await page.getByRole('heading', { name: 'Sample course', level: 1 }).waitFor();
}

/** Leaves an activity at its end through the Play page's way back to the course. */
async function backToModule(page: Page) {
  await page.getByRole('heading', { name: 'You finished!' }).waitFor();
  await page.getByRole('link', { name: 'Back to the course' }).click();
  await page.getByRole('heading', { name: /First steps/, level: 1 }).waitFor();
}

describe.skipIf(!enabled)("Kiri's course at 360 × 740, touch", () => {
  const suite = browserSuite({});

  it('resumes at the same scene, finishes the course and prints a one-page certificate that keeps no nickname', async () => {
    const { origin } = suite.server;
    // It goes offline midway: this context runs the service worker (the file's others block it).
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      serviceWorkers: 'allow',
    });
    const watch = watchContext(context, origin);
    const requests: string[] = [];
    context.on('request', (req) => requests.push(`${req.url()} ${req.postData() ?? ''}`));
    const page = await context.newPage();
    await setUpChild(page, origin, { band: '8-10' });

    // The map: modules in order, the first highlighted, one button to start.
    await openCourseFromHome(page, origin);
    const first = page.locator('.course-module.current');
    await first.getByText('First steps').waitFor();
    await expect(first.locator('[aria-current=step]').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Start' }).click();

    // The module's story, then its first activity through the Play page.
    await page.getByRole('heading', { name: "Kiri's story" }).waitFor();
    await page.getByText('A message says you won a prize.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: "Let's go" }).click();
    await page.waitForURL(`**/play/sample-prize-message?course=${COURSE}&module=${MODULE}`);
    await page.getByRole('button', { name: 'Open the inbox' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.locator('.inbox-list').waitFor();
    const second = page.getByRole('heading', { name: 'Question 2' });
    await second.waitFor();
    const inbox = await page.locator('.player').innerText();

    // Leave, come back through home and the course: the same scene.
    await openCourseFromHome(page, origin);
    await page.getByRole('link', { name: 'Continue where I stopped' }).click();
    await page.waitForURL(`**/play/sample-prize-message?course=${COURSE}&module=${MODULE}`);
    await second.waitFor();
    await page.locator('.inbox-list').waitFor();
    expect(await page.locator('.player').innerText()).toBe(inbox);

    // Finish both activities (from their last scene), back to the module each time.
    await page.goto(
      `${origin}/play/sample-prize-message?scene=what-now&course=${COURSE}&module=${MODULE}`,
    );
    await page.locator('.choice-button', { hasText: "Don't tap anything" }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await backToModule(page);
    await page.getByRole('link', { name: "Let's go" }).click();
    await page.waitForURL(`**/play/sample-profile-setup?course=${COURSE}&module=${MODULE}`);
    await page.goto(
      `${origin}/play/sample-profile-setup?scene=feed&course=${COURSE}&module=${MODULE}`,
    );
    const post = (author: string) =>
      page.getByRole('group', { name: `What will you do with this post from ${author}?` });
    await post('Leo').getByRole('button', { name: 'Like' }).click();
    await post('Free Prizes 4 U').getByRole('button', { name: 'Report' }).click();
    await post('Mei').getByRole('button', { name: 'Scroll past' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await backToModule(page);

    // The closing check: a wrong answer explains; the right one ends with who can help.
    await page.getByRole('link', { name: "Let's go" }).click();
    await page.getByRole('heading', { name: "Kiri's question" }).waitFor();
    await page.locator('.choice-button', { hasText: 'Tap now.' }).click();
    await page.getByRole('heading', { name: 'Not quite' }).waitFor();
    await page.locator('.choice-button', { hasText: 'Stop and show a grown-up.' }).click();
    await page.getByRole('heading', { name: 'Right answer' }).waitFor();
    await page.getByRole('heading', { name: 'Who can help' }).waitFor();
    await page.getByRole('link', { name: 'Get your certificate' }).click();

    // The certificate: a nickname typed here only, printed on one page.
    await page.waitForURL(`**/course/${COURSE}/certificate`);
    const field = page.getByLabel('Your name or nickname for the certificate');
    await field.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await field.fill(NICKNAME);
    await page.locator('.cert-name', { hasText: NICKNAME }).waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'kite-cert-'));
    try {
      const pdf = join(dir, 'certificate.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(NICKNAME);
      expect(text).toContain('Certificate');
      expect(text).not.toContain('Print or save as PDF');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+1$/m);
      // A name in Khmer script prints as well (the page loads Kite's Khmer font).
      await field.fill(KHMER_NICKNAME);
      await page.locator('.cert-name', { hasText: KHMER_NICKNAME }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const khmerPdf = join(dir, 'certificate-km.pdf');
      writeFileSync(khmerPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(execFileSync('pdftotext', [khmerPdf, '-'], { encoding: 'utf8' })).toContain(
        KHMER_NICKNAME,
      );
      expect(execFileSync('pdffonts', [khmerPdf], { encoding: 'utf8' })).toMatch(/Khmer/);
      expect(execFileSync('pdfinfo', [khmerPdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Nothing kept or sent the nickname: no request, no IndexedDB record, no web storage, no URL.
    expect(
      requests.filter(
        (r) =>
          r.includes(NICKNAME) ||
          r.includes('Quillfeather') ||
          r.includes(KHMER_NICKNAME) ||
          r.includes(encodeURIComponent(KHMER_NICKNAME)),
      ),
    ).toEqual([]);
    expect(page.url()).not.toContain('Quillfeather');
    expect(JSON.stringify(await dumpIdb(page))).not.toContain('Quillfeather');
    expect(JSON.stringify(await dumpIdb(page))).not.toContain(KHMER_NICKNAME);
    const storage = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(storage).not.toContain('Quillfeather');
    expect(storage).not.toContain(KHMER_NICKNAME);
    // Offline, the certificate is made all the same (the nickname field starts empty again).
    // (Offline, the browser logs the requests the service worker answers from its cache.)
    expect(watch.consoleErrors).toEqual([]);
    await keepOffline(page);
    await context.setOffline(true);
    await page.reload();
    await field.waitFor();
    expect(await field.inputValue()).toBe('');
    await page.getByRole('heading', { name: 'Certificate', level: 1 }).waitFor();
    await context.setOffline(false);
    // The course is done on the map, with the certificate offered.
    await page.goto(`${origin}/course/${COURSE}`);
    await page.getByRole('link', { name: 'Get your certificate' }).waitFor();
    await page.locator('.course-module').getByText('Done').waitFor();
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  }, 180_000);

  it("reads Kiri's story aloud for 5–7, and a 5–7 course leads to no sensitive activity", async () => {
    const { origin } = suite.server;
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    await context.addInitScript(FAKE_SPEECH);
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await setUpChild(page, origin, { band: '5-7', avatar: 'Owl' });
    await page.getByRole('link', { name: /^Kiri's safe sky/ }).click();
    await page.getByRole('heading', { name: "Kiri's safe sky", level: 1 }).waitFor();
    await expect(page.locator('.course-module').count()).resolves.toBeGreaterThanOrEqual(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { name: "Kiri's story" }).waitFor();
    await expect
      .poll(async () =>
        (await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken))
          .filter((s) => s.voice === 'Device English')
          .map((s) => s.text)
          .join(' '),
      )
      .toContain('Hi! I am Kiri.');
    await page.getByRole('button', { name: 'Read aloud' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Every activity the course offers this child opens (none is refused as sensitive).
    const index = (await (await fetch(`${origin}/content/en/index.json`)).json()) as {
      activities: { id: string; sensitiveMinBand?: string }[];
    };
    const sensitive = new Set(index.activities.filter((a) => a.sensitiveMinBand).map((a) => a.id));
    const bundle = (await (await fetch(`${origin}/content/en/courses/5-7.json`)).json()) as {
      courses: { modules: { activities: string[] }[] }[];
    };
    const offered = bundle.courses.flatMap((c) => c.modules.flatMap((m) => m.activities));
    expect(offered.length).toBeGreaterThanOrEqual(10);
    expect(offered.filter((id) => sensitive.has(id))).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('is reached from the teen home too (14–16)', async () => {
    const { origin } = suite.server;
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await setUpChild(page, origin, { band: '14-16' });
    await page.getByRole('heading', { name: "Kiri's course" }).waitFor();
    await page.getByRole('link', { name: /^Kiri's course: your call/ }).click();
    await page.getByRole('heading', { name: "Kiri's course: your call", level: 1 }).waitFor();
    await expect(page.locator('.course-module').count()).resolves.toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
