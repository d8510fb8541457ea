import type { Page } from 'playwright-core';

/** Bands as the first-run buttons name them. */
const BAND_LABEL = { '5-7': '5 to 7', '8-10': '8 to 10', '11-13': '11 to 13', '14-16': '14 to 16' };

/**
 * Goes through first run as a child would (English where a language is asked, band, avatar,
 * privacy notice) and waits for home.
 * With `keyboard`, uses only Tab/Enter.
 */
export async function setUpChild(
  page: Page,
  origin: string,
  { band = '8-10', avatar = 'Fox' }: { band?: keyof typeof BAND_LABEL; avatar?: string } = {},
): Promise<void> {
  await page.goto(origin + '/');
  // Where the build offers more than one language, first run asks for it first.
  const language = page.getByRole('heading', { name: 'Pick your language' });
  await language.or(page.getByRole('heading', { name: 'How old are you?' })).waitFor();
  if (await language.isVisible()) await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: BAND_LABEL[band] }).click();
  await page.getByRole('button', { name: avatar }).click();
  await page.getByRole('button', { name: "Let's play" }).click();
  // 5–10 see the sky map; 11–16 the older skin's topic list.
  await page.getByRole('heading', { name: /^(Your sky map|Your topics)$/ }).waitFor();
}

/**
 * First run's first step in the default build, which offers English and Khmer: the language,
 * each named in its own script. Picks `name` (English by default) as a child would (`click`,
 * `tap` on a touch screen, or `keyboard`: focus and Enter) and waits for the age question.
 */
export async function chooseLanguage(
  page: Page,
  { name = 'English', how = 'click' }: { name?: string; how?: 'click' | 'tap' | 'keyboard' } = {},
): Promise<void> {
  await page.getByRole('heading', { name: 'Pick your language' }).waitFor();
  const button = page.getByRole('button', { name, exact: true });
  if (how === 'keyboard') {
    await button.focus();
    await page.keyboard.press('Enter');
  } else if (how === 'tap') await button.tap();
  else await button.click();
  if (name === 'English') await page.getByRole('heading', { name: 'How old are you?' }).waitFor();
}

/** Opens an activity by id from anywhere in the app. */
export async function openActivity(page: Page, origin: string, id: string): Promise<void> {
  await page.goto(`${origin}/play/${id}`);
  await page.locator('.play-head h1').waitFor();
}

/** The text the Play page last put in its live region (what a screen reader announces). */
export async function lastAnnouncement(page: Page): Promise<string> {
  return (await page.locator('[role=status][aria-live=polite]').first().textContent()) ?? '';
}

/** Waits until the service worker controls the page and home's content is kept offline. */
export async function keepOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForLoadState('networkidle');
  // The worker keeps the band's pictures and the content the page read in the background
  // (src/web/app/offline-cache.ts): wait until its caches stop growing, rather than a fixed
  // time, which a loaded machine outran.
  const entries = () =>
    page.evaluate(async () => {
      let n = 0;
      for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
      return n;
    });
  // Every content file and the deployment's settings the page has read must be kept: a page
  // that read them before the worker took control has them kept by the worker afterwards.
  const unkept = () =>
    page.evaluate(async () => {
      const read = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin)
        .filter((u) => u.pathname.startsWith('/content/') || u.pathname === '/api/client-config')
        .map((u) => u.href);
      const missing: string[] = [];
      for (const url of new Set(read)) if (!(await caches.match(url))) missing.push(url);
      return missing;
    });
  let missing = await unkept();
  for (let i = 0; missing.length > 0 && i < 60; i++) {
    await page.waitForTimeout(250);
    missing = await unkept();
  }
  if (missing.length > 0) throw new Error(`Not kept for offline: ${missing.join(', ')}`);
  let last = -1;
  for (let quiet = 0, i = 0; quiet < 3 && i < 120; i++) {
    const now = await entries();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
    await page.waitForTimeout(500);
  }
}
