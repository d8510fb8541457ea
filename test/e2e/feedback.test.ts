import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Page, Request } from 'playwright-core';
import { shippedContent } from '../helpers/content';
import { UUID_V4 } from '../../src/engine';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { keepOffline, setUpChild } from '../helpers/child';
import { playNewFriend } from '../helpers/new-friend';
import { currentProfileId, dumpIdb, recordsOf } from '../helpers/idb';
import { FAKE_SPEECH } from '../helpers/speech';
import type { Spoken } from '../helpers/speech';

// Children's feedback (COURSE-2) in the real app: the question after an activity, exactly which
// fields reach the server, the queue offline and its one sending when the network is back (a
// replay counts once), "scary" moving to who can help, skipping in one tap, and axe.
const enabled = browserAvailable();
const catalogue = (await shippedContent()).catalogue;
const ACTIVITY = 'sample-new-friend';
const VERSION = catalogue.activities.get(ACTIVITY as never)!.version;
const FIELDS = ['activity', 'answer', 'band', 'day', 'id', 'lang', 'version'];

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`);

/** Every request to POST /api/feedback the page makes, as sent. */
function feedbackRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/feedback') seen.push(r);
  });
  return seen;
}

const queued = async (page: Page) =>
  (await dumpIdb(page)).filter((r) => r.store === 'feedback').map((r) => r.value);

describe.skipIf(!enabled)("children's feedback after an activity", () => {
  const suite = browserSuite({ catalogue });
  const rows = () =>
    suite.server.db.kysely.selectFrom('kite_feedback').selectAll().orderBy('id').execute();
  const clear = () => suite.server.db.kysely.deleteFrom('kite_feedback').execute();

  it('asks, and sends exactly the activity, version, band, language, answer, day and a random id', async () => {
    await clear();
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    const sent = feedbackRequests(page);
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await page.goto(`${suite.server.origin}/play/${ACTIVITY}`);
    await playNewFriend(page);
    const question = page.getByRole('region', { name: 'How was it?' });
    await question.waitFor();
    await question.getByText('Your answer has no name on it.').waitFor();
    // The ending keeps the focus; the question takes nothing by itself.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ending-title');
    expect(await question.getByRole('button').allTextContents()).toEqual([
      'Fun',
      'Too hard',
      'Confusing',
      'Scary',
      'I learned something',
      'I want more like this',
      'Skip',
    ]);
    expect(await question.locator('input, textarea, [contenteditable]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(sent).toEqual([]);

    await question.getByRole('button', { name: 'I learned something' }).click();
    await page.getByText('Thank you for telling us!').waitFor();
    await expect.poll(() => rows().then((r) => r.length)).toBe(1);
    // The browser's report of the request can reach the test after the server stored the row.
    await expect.poll(() => sent.length).toBe(1);
    const request = sent[0]!;
    const body = request.postDataJSON() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(FIELDS);
    const today = new Date().toISOString().slice(0, 10);
    expect(body).toEqual({
      id: expect.stringMatching(UUID_V4),
      activity: ACTIVITY,
      version: VERSION,
      band: '11-13',
      lang: 'en',
      answer: 'learned',
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect([today, new Date(Date.now() - 60_000).toISOString().slice(0, 10)]).toContain(body.day);
    // No cookie, no credential, nothing in the address but the path.
    const headers = await request.allHeaders();
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(new URL(request.url()).search).toBe('');
    // The random id is nobody's: not the learner's, not the device's.
    const learner = await currentProfileId(page);
    const device = (await dumpIdb(page)).find((r) => r.store === 'meta' && r.key === 'device');
    expect(body.id).not.toBe(learner);
    expect(body.id).not.toBe(device?.value);
    expect(JSON.stringify(body)).not.toContain(learner);
    // What the server stored is what was sent, and the queue is empty.
    expect(await rows()).toEqual([
      {
        id: body.id,
        activity: ACTIVITY,
        activity_version: VERSION,
        band: '11-13',
        lang: 'en',
        answer: 'learned',
        day: body.day,
      },
    ]);
    expect(await queued(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('skips in one tap and sends nothing; "scary" goes straight to who can help', async () => {
    await clear();
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const sent = feedbackRequests(page);
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await page.goto(`${suite.server.origin}/play/${ACTIVITY}`);
    await playNewFriend(page);
    await page.getByRole('button', { name: 'Skip' }).click();
    await expect(page.getByRole('region', { name: 'How was it?' }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ending-title');
    await page.waitForTimeout(500);
    expect(sent).toEqual([]);
    expect(await queued(page)).toEqual([]);

    await page.getByRole('button', { name: 'Play again' }).click();
    await playNewFriend(page);
    await page.getByRole('button', { name: 'Scary' }).click();
    await page.getByText('Feeling scared is OK, and you are not in trouble.').waitFor();
    // Focus moves to who can help, which names the helpline.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Who can help');
    await page.locator('.help-now .who-can-help').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => rows().then((r) => r.map((x) => x.answer))).toEqual(['scary']);
    await expect.poll(() => sent.length).toBe(1);
    await context.close();
  });

  it('queues an answer given offline, with no learner in it, and sends it once when back online', async () => {
    await clear();
    // Offline after one visit: this context runs the service worker (the file's others block it).
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    const sent = feedbackRequests(page);
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await keepOffline(page);
    await context.setOffline(true);
    await page.goto(`${suite.server.origin}/play/${ACTIVITY}`);
    await playNewFriend(page);
    await page.getByRole('button', { name: 'Too hard' }).click();
    await page.getByText('Thank you for telling us!').waitFor();
    await expect.poll(() => queued(page).then((q) => q.length)).toBe(1);
    const [record] = (await queued(page)) as Record<string, unknown>[];
    expect(Object.keys(record!).sort()).toEqual(FIELDS);
    expect(record).toEqual(expect.objectContaining({ activity: ACTIVITY, answer: 'too-hard' }));
    // Nothing links it to the learner, so erasing the learner does not find it (idb.ts).
    const learner = await currentProfileId(page);
    expect(recordsOf(await dumpIdb(page), learner).filter((r) => r.store === 'feedback')).toEqual(
      [],
    );
    expect(await rows()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => rows().then((r) => r.length)).toBe(1);
    await expect.poll(() => queued(page)).toEqual([]);
    const stored = (await rows())[0]!;
    expect(stored.id).toBe(record!.id);
    expect(stored.answer).toBe('too-hard');
    await expect
      .poll(() => sent.filter((r) => r.method() === 'POST').map((r) => r.postDataJSON()))
      .toContainEqual(record);

    // A replay (the same answer queued and sent again) answers 200 and counts once.
    await page.evaluate(async (r) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const o = indexedDB.open('kite');
        o.onsuccess = () => ok(o.result);
        o.onerror = () => ko(o.error);
      });
      await new Promise((ok) => {
        const tx = db.transaction('feedback', 'readwrite');
        tx.objectStore('feedback').put(r);
        tx.oncomplete = ok;
      });
      db.close();
      dispatchEvent(new Event('online'));
    }, record);
    await expect.poll(() => queued(page)).toEqual([]);
    const again = await page.evaluate(
      (r) =>
        fetch('/api/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(r),
        }).then((res) => res.status),
      record,
    );
    expect(again).toBe(200);
    expect(await rows()).toHaveLength(1);
    await context.close();
  });

  it('reads the question and each answer aloud for 5–7, on a touch screen', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    await context.addInitScript(FAKE_SPEECH);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '5-7', avatar: 'Owl' });
    await page.goto(`${suite.server.origin}/play/contact-5-7-identify?scene=help`);
    await page.locator('.player-choice').waitFor();
    const help = catalogue.activities.get('contact-5-7-identify' as never)!;
    const scene = help.scenes.help!;
    const right = (
      scene.interaction.args as { options: { id: string; text: { text: string } }[] }
    ).options.find((o) => o.id === 'grown-up')!;
    await page.getByRole('button', { name: right.text.text }).tap();
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    const question = page.getByRole('region', { name: /How was it\?/ });
    await question.waitFor();
    const spoken = async () =>
      (await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken))
        .filter((x) => x.text)
        .map((x) => x.text!);
    await question.getByRole('button', { name: 'Read aloud' }).tap();
    await expect
      .poll(async () => (await spoken()).at(-1))
      .toMatch(
        /^How was it\?.*no name on it.*Fun.*Too hard.*Confusing.*Scary.*I learned something.*I want more like this$/,
      );
    await question.getByTitle('Listen: Scary').tap();
    await expect.poll(async () => (await spoken()).at(-1)).toBe('Scary');
    // Every answer has its picture.
    await expect(question.locator('.feedback-choice img').count()).resolves.toBe(6);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('after a sensitive activity, keeps the question folded behind one quiet line', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin, { band: '14-16' });
    await page.goto(`${suite.server.origin}/play/contact-14-16-evaluate?scene=remove`);
    await page.getByRole('button', { name: "I'm ready to start" }).click();
    await page.locator('.choice-button', { hasText: 'Report it on the app' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page
      .getByRole('heading', { name: 'You reached the end. How are you feeling?' })
      .waitFor();
    const fold = page.locator('details.feedback-calm');
    await fold.waitFor();
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect(page.getByRole('button', { name: 'Fun' }).isVisible()).resolves.toBe(false);
    await page.getByText("Tell us about this activity (you don't have to)").click();
    await page.getByRole('button', { name: 'Fun' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
