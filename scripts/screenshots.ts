// npm run screenshots — regenerates docs/screenshots/: first run, home, each game player, help,
// privacy, library (360×740, as on a cheap phone), the sky map after a finished activity, the
// calm ending of a sensitive activity (14–16), the teacher's class mode on a projector
// (1280×800) and page 1 of an English and a Khmer worksheet.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { setUpChild } from '../test/helpers/child';
import { startServer } from '../test/helpers/server';
import { worksheetScreenshots } from './screenshots-worksheets';
// @ts-expect-error: plain .mjs script
import { buildWebIfStale } from './web-build.mjs';

const OUT = 'docs/screenshots';

/** One scene of each game type in the sample pack, opened with `?scene=` and the band it needs. */
const PLAYERS: readonly {
  type: string;
  band: '8-10' | '11-13';
  activity: string;
  scene: string;
}[] = [
  { type: 'choice', band: '8-10', activity: 'sample-prize-message', scene: 'what-now' },
  { type: 'inbox', band: '8-10', activity: 'sample-prize-message', scene: 'inbox' },
  { type: 'hotspot', band: '8-10', activity: 'sample-prize-message', scene: 'clues' },
  { type: 'settings', band: '8-10', activity: 'sample-profile-setup', scene: 'settings' },
  { type: 'password', band: '8-10', activity: 'sample-profile-setup', scene: 'password' },
  { type: 'sort', band: '8-10', activity: 'sample-profile-setup', scene: 'share-sort' },
  { type: 'feed', band: '8-10', activity: 'sample-profile-setup', scene: 'feed' },
  { type: 'chat', band: '11-13', activity: 'sample-new-friend', scene: 'chat1' },
  { type: 'sequence', band: '11-13', activity: 'sample-new-friend', scene: 'steps' },
];

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

await (buildWebIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const first = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await first.goto(server.origin + '/');
  await first.getByRole('heading', { name: 'How old are you?' }).waitFor();
  await shot(first, 'first-run');
  await first.close();

  for (const band of ['8-10', '11-13'] as const) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, server.origin, { band });
    if (band === '8-10') {
      await shot(page, 'home');
      await page.goto(server.origin + '/help');
      await page.getByRole('heading', { name: 'What to do now' }).waitFor();
      await shot(page, 'help');
      await page.goto(server.origin + '/privacy');
      await page.getByRole('heading', { name: 'Who can see my progress' }).waitFor();
      await shot(page, 'privacy');
      await page.goto(server.origin + '/library');
      await page.locator('main h1').first().waitFor();
      await shot(page, 'library');
    }
    for (const p of PLAYERS.filter((x) => x.band === band)) {
      await page.goto(`${server.origin}/play/${p.activity}?scene=${p.scene}`);
      await page.locator(`.player-${p.type}`).waitFor();
      await page.waitForTimeout(300);
      await shot(page, `player-${p.type}`);
    }
    await context.close();
  }

  // The sky map after a 5–7 child finished an activity: a done mark, a star filling.
  {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, server.origin, { band: '5-7', avatar: 'Owl' });
    await page.goto(`${server.origin}/play/privacy-5-7-identify?scene=help`);
    await page.locator('.choice-button', { hasText: 'Show my grown-up.' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('link', { name: 'Back to the map' }).click();
    await page.locator('.island-done').first().waitFor();
    await page.locator('.island.topic-privacy').scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 120));
    await shot(page, 'home-progress');
    await context.close();
  }

  // The calm ending after a sensitive activity, for a 14–16 profile.
  {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, server.origin, { band: '14-16' });
    await page.goto(`${server.origin}/play/contact-14-16-evaluate?scene=remove`);
    await page.getByRole('button', { name: "I'm ready to start" }).click();
    await page.locator('.choice-button', { hasText: 'Report it on the app' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.locator('.ending-calm').waitFor();
    await page.evaluate(() => scrollTo(0, 0));
    await shot(page, 'ending-calm');
    await context.close();
  }

  // A teacher's class mode, from a lesson plan, on a projector: no child profile.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/lessons/privacy-5-7-identify`);
    await page.getByRole('link', { name: 'Play with the class' }).click();
    await page.locator('.class-mode .player-choice').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot(page, 'class-mode');
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
await worksheetScreenshots(OUT);
