import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import type { Browser, Page } from 'playwright-core';
import { loadCatalogue } from '../../src/content/catalogue';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { readOggOpus } from '../../src/server/studio/ogg-opus';
import { outbox } from '../helpers/account-client';
import { browserAvailable, FAKE_MICROPHONE_ARGS, watchContext } from '../helpers/browser';
import { sharedBrowser } from '../helpers/shared-browser';
import { signInAdult } from '../helpers/adult-browser';
import { People, wallClock } from '../helpers/people';
import { startServer } from '../helpers/server';
import type { RunningServer } from '../helpers/server';

// Issue 15: a coordinator records a Khmer text in the studio, in Chromium with a fake
// microphone: sign-in returns to the studio, consent first, then record, listen, record again
// and approve; the take is in the pack as Ogg Opus with its manifest entry; a teacher is told in
// words that the studio is not theirs. Recorded into a
// temporary copy of the Khmer fixture, so the repository is never written.
const enabled = browserAvailable();
const TITLE = 'km-strong-password.title';

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

describe.skipIf(!enabled)('the recording studio in the browser', () => {
  const mail = outbox();
  const root = mkdtempSync(join(tmpdir(), 'kite-studio-e2e-'));
  const content = join(root, 'content');
  const audio = join(content, 'packs', 'khmer', 'audio', 'km');
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    cpSync('test/fixtures/khmer', content, { recursive: true });
    const { catalogue } = await loadCatalogue(content);
    server = await startServer('dist', {
      catalogue,
      studio: { dir: content },
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
    });
    browser = await sharedBrowser(FAKE_MICROPHONE_ARGS, 'allow');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a coordinator gives consent, records, listens, records again and approves', async () => {
    const origin = server.origin;
    const people = new People(server.app, mail, wallClock());
    await people.bootstrap();
    const coordinator = people.operators.coordinator;
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();

    // Signed out, the studio sends the coordinator to sign in, and back afterwards.
    await page.goto(`${origin}/studio/`);
    await page.waitForURL(/\/account\/signin\?next=%2Fstudio%2F$/);
    await signInAdult(page, coordinator);
    await page.waitForURL(`${origin}/studio/`);

    // The overview: Khmer first, what lacks a voice per pack and band.
    await page.getByRole('heading', { level: 1, name: 'Recording studio' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What still needs a voice' }).waitFor();
    expect(await page.getByLabel('Language').inputValue()).toBe('km');
    const row = page.getByRole('row', { name: /khmer/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['8-10', '0']),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Record khmer, ages 8-10' }).click();

    // Consent before the first recording: nothing until the box is ticked.
    await page.getByRole('heading', { level: 2, name: 'Before the first recording' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Give consent and start' }).click();
    await page.getByRole('alert').getByText('Tick the box to agree first.').waitFor();
    expect(existsSync(join(audio, 'manifest.json'))).toBe(false);
    await page.getByLabel('I am the speaker and I agree').check();
    await page.getByRole('button', { name: 'Give consent and start' }).click();
    await page.getByText(/^Consent recorded on \d{4}-\d{2}-\d{2}\. Speaker spk-/).waitFor();

    // The first text to record: the Khmer title.
    const text = page.locator('blockquote.studio-text');
    expect(await text.textContent()).toBe('ពាក្យសម្ងាត់ខ្លាំង');
    expect(await text.getAttribute('lang')).toBe('km');

    const takeOnce = async () => {
      await page.getByRole('button', { name: /^(Record|Record again)$/ }).click();
      await page.getByText('Recording… speak now, then press Stop.').waitFor();
      await page.waitForTimeout(1200);
      await page.getByRole('button', { name: 'Stop' }).click();
      const player = page.locator('audio');
      await player.waitFor();
      return (await player.getAttribute('src')) ?? '';
    };
    const first = await takeOnce();
    expect(await axeViolations(page)).toEqual([]);
    // Listen: the take plays.
    const played = await page.locator('audio').evaluate(async (el: HTMLAudioElement) => {
      await el.play();
      await new Promise((r) => setTimeout(r, 400));
      el.pause();
      return el.currentTime;
    });
    expect(played).toBeGreaterThan(0);
    // Record again: a new take replaces the first, which is never sent.
    const second = await takeOnce();
    expect(second).not.toBe(first);
    expect(existsSync(join(audio, `${TITLE}.ogg`))).toBe(false);

    await page.getByRole('button', { name: 'Approve and save' }).click();
    await page.getByText('Saved.').waitFor();
    // The studio goes on to the next text that lacks a voice.
    expect(await text.textContent()).not.toBe('ពាក្យសម្ងាត់ខ្លាំង');

    const manifest = JSON.parse(readFileSync(join(audio, 'manifest.json'), 'utf8'));
    const speaker = manifest.speakers[0].id as string;
    expect(manifest.speakers[0].licence).toBe('CC-BY-4.0');
    const ogg = readFileSync(join(audio, `${TITLE}.ogg`));
    expect(manifest.recordings).toEqual({
      [TITLE]: {
        hash: expect.stringMatching(/^[0-9a-f]{8}$/),
        by: 'person',
        bytes: ogg.length,
        speaker,
      },
    });
    const seconds = readOggOpus(new Uint8Array(ogg)).seconds;
    expect(seconds).toBeGreaterThan(0.8);
    // The stored file is audio Chromium plays: decoded, it lasts as long as the take.
    const decoded = await page.evaluate(async (bytes) => {
      const ctx = new OfflineAudioContext(1, 48_000, 48_000);
      return (await ctx.decodeAudioData(new Uint8Array(bytes).buffer)).duration;
    }, Array.from(ogg));
    expect(decoded).toBeCloseTo(seconds, 1);

    // Back on the overview, the text counts as recorded.
    await page.getByRole('button', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 2, name: 'What still needs a voice' }).waitFor();
    expect(
      await page.getByRole('row', { name: /khmer/ }).getByRole('cell').nth(1).textContent(),
    ).toBe('1');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();

    // A teacher may not record: the studio says so in words.
    const teacher = (await people.make('teacher')).person;
    const other = await browser.newContext();
    const tab = await other.newPage();
    await signInAdult(tab, teacher, { open: `${origin}/account/signin?next=%2Fstudio%2F` });
    await tab.waitForURL(`${origin}/studio/`);
    await tab
      .getByRole('alert')
      .getByText(
        'The recording studio is for coordinators and admins. Your account cannot open it.',
      )
      .waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    await other.close();
  });

  it('is never the service worker’s: a device it controls gets the studio from the server', async () => {
    const origin = server.origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The shell's navigation fallback would answer /studio/ with the app (and its not-found
    // page) at /studio/; the server sends a signed-out person to sign in instead.
    await page.goto(`${origin}/studio/`);
    await page.waitForURL(/\/account\/signin\?next=%2Fstudio%2F$/);
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls.filter((u) => /studio/.test(u));
    });
    expect(kept).toEqual([]);
    await context.close();
  });
});
