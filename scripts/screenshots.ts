// npm run screenshots — regenerates docs/screenshots/: first run, home (8–10 and the older skin
// for 14–16), each game player, help, privacy, library online and offline, the not-found page
// (360×740, as on a cheap phone), 5–7 scenes with picture answers (and the note for adults on a
// device with no voice), the sky map after a finished activity, the calm ending of a sensitive
// activity (14–16), the teacher's class mode on a projector (1280×800), Khmer in a Cambodian
// deployment (first run, home, a 5–7 player, help) and page 1 of an English and a Khmer worksheet.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { chooseLanguage, setUpChild } from '../test/helpers/child';
import { startServer } from '../test/helpers/server';
import { FAKE_SPEECH } from '../test/helpers/speech';
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

/** 5–7 scenes whose answers are pictures: [file name, path, player type]. */
const PICTURE_SCENES: readonly [string, string, string][] = [
  ['play-5-7-picture-choice', 'wellbeing-5-7-evaluate', 'choice'],
  ['play-5-7-picture-sort', 'contact-5-7-identify?scene=sort', 'sort'],
  ['play-5-7-picture-sequence', 'wellbeing-5-7-evaluate?scene=bed', 'sequence'],
  // "Do it" scenes: the child does the safe thing in a toy app (issue 11).
  ['play-5-7-do-it-settings', 'privacy-5-7-evaluate', 'settings'],
  ['play-5-7-do-it-chat', 'passwords-5-7-evaluate', 'chat'],
];

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

// The sample pack's activities are what these use, so the build bundles it.
await (buildWebIfStale as (o: { quiet: boolean; packs: string }) => Promise<boolean>)({
  quiet: true,
  packs: 'core,sample',
});
mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const first = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await first.goto(server.origin + '/');
  // The build offers Khmer too: first run asks the language first (km-first-run.png below).
  await chooseLanguage(first);
  await shot(first, 'first-run');
  await first.close();

  {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await setUpChild(page, server.origin, { band: '14-16' });
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await shot(page, 'home-14-16');
    await context.close();
  }

  {
    // The library after one visit, opened again offline; then a page it has not kept.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.origin + '/library');
    await page.locator('.lib-list').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForTimeout(3000);
    await context.setOffline(true);
    await page.reload();
    await page.locator('.lib-list').waitFor();
    await shot(page, 'library-offline');
    await page.goto(server.origin + '/print/worksheets/sample-prize-message?lang=en&paper=a4');
    await page.getByRole('heading', { name: "You're offline" }).waitFor();
    await shot(page, 'print-offline');
    await context.setOffline(false);
    await page.goto(server.origin + '/no-such-page');
    await page.getByRole('heading', { name: "This page isn't here" }).waitFor();
    await shot(page, 'not-found');
    await context.close();
  }

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

  // Ages 5–7: answers, cards and steps with pictures and a speaker each (an on-device voice).
  const young = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  await young.addInitScript(FAKE_SPEECH);
  const child = await young.newPage();
  await setUpChild(child, server.origin, { band: '5-7', avatar: 'Owl' });
  for (const [name, path, type] of PICTURE_SCENES) {
    await child.goto(`${server.origin}/play/${path}`);
    await child.locator(`.player-${type}`).waitFor();
    await child.waitForTimeout(300);
    await shot(child, name);
    await child.locator(`.player-${type}`).scrollIntoViewIfNeeded();
    await child.evaluate(() => scrollBy(0, 260));
    await shot(child, `${name}-answers`);
  }
  await young.close();
  // A device with no voice: recordings play, and the adult is told.
  const mute = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await mute.addInitScript(FAKE_SPEECH.replace('localService: true', 'localService: false'));
  const adult = await mute.newPage();
  await setUpChild(adult, server.origin, { band: '5-7', avatar: 'Owl' });
  await adult.goto(`${server.origin}/settings`);
  await adult.getByRole('heading', { name: 'For the grown-up: reading aloud' }).waitFor();
  await adult
    .getByRole('heading', { name: 'For the grown-up: reading aloud' })
    .scrollIntoViewIfNeeded();
  await shot(adult, 'settings-no-voice');
  await mute.close();
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
  // Khmer, in a Cambodian deployment (KITE_COUNTRY=kh): first run's language step, a 5–7 home,
  // a 5–7 scene with picture answers and the help page.
  const kh = await startServer('dist', { country: 'kh' });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(kh.origin + '/');
    await page.getByRole('button', { name: 'ខ្មែរ' }).waitFor();
    await shot(page, 'km-first-run');
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await page.locator('html[lang=km]').waitFor();
    await page.getByRole('button', { name: '5 ដល់ 7' }).click();
    await page.getByRole('button', { name: 'ទីទុយ' }).click();
    await page.getByRole('button', { name: 'តោះលេង' }).click();
    await page.locator('.activity-card').first().waitFor();
    await shot(page, 'km-home');
    await page.goto(`${kh.origin}/play/wellbeing-5-7-evaluate`);
    await page.locator('.player').waitFor();
    await shot(page, 'km-player');
    await page.goto(`${kh.origin}/help`);
    await page.locator('.helplines h3').first().waitFor();
    await shot(page, 'km-help');
    await context.close();
  } finally {
    await kh.stop();
  }
} finally {
  await browser.close();
  await server.stop();
}
await worksheetScreenshots(OUT);
