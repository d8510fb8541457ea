// A class child's steps in the browser (issue #13): signing in with the class code and three
// pictures, reading the app's IndexedDB, waiting until home is kept offline.
import { expect } from 'vitest';
import { runAxe } from './axe';
import type { Page } from 'playwright-core';
import { chooseLanguage } from './child';

export const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

export const AVATAR_NAME: Record<string, string> = {
  bee: 'Bee',
  cat: 'Cat',
  fox: 'Fox',
  frog: 'Frog',
  lion: 'Lion',
  octopus: 'Octopus',
  owl: 'Owl',
  penguin: 'Penguin',
  rabbit: 'Rabbit',
  robot: 'Robot',
  turtle: 'Turtle',
  whale: 'Whale',
};

export interface Child {
  readonly id: string;
  readonly nickname: string;
  readonly pictures: readonly string[];
}

/** Taps three avatar pictures on the sign-in page. */
export async function tapPictures(page: Page, pictures: readonly string[]): Promise<void> {
  for (const p of pictures)
    await page
      .locator('.picture-taps')
      .getByRole('button', { name: AVATAR_NAME[p]!, exact: true })
      .click();
}

/** Each sign-in step is a new screen: the keyboard's focus is on its heading. */
async function focusOnHeading(page: Page, name: RegExp): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toMatch(name);
}

/** Goes through "I have a class code" on a fresh device, with one wrong try if asked. */
export async function signIn(
  page: Page,
  origin: string,
  code: string,
  child: Child,
  wrongFirst = false,
) {
  await page.goto(origin + '/');
  await chooseLanguage(page);
  await page.getByRole('button', { name: 'I have a class code' }).click();
  await signInWithCode(page, code, child, wrongFirst, false, wrongFirst);
}

/** The sign-in pages from the class code on. */
export async function signInWithCode(
  page: Page,
  code: string,
  child: Child,
  wrongFirst = false,
  bringStars = false,
  axe = false,
) {
  const check = async () => {
    if (axe) expect(await axeViolations(page)).toEqual([]);
  };
  await page.getByRole('heading', { name: /Type your class code/ }).waitFor();
  await check();
  // Small letters and a space, as a child may type it.
  await page.getByLabel('Class code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await page.getByRole('button', { name: 'Find my class' }).click();
  await page.getByRole('heading', { name: /Which one is you/ }).waitFor();
  await focusOnHeading(page, /Which one is you/);
  await check();
  await page.getByRole('button', { name: child.nickname }).click();
  await page.getByRole('heading', { name: /Tap your 3 pictures/ }).waitFor();
  await focusOnHeading(page, /Tap your 3 pictures/);
  if (wrongFirst) {
    await tapPictures(page, [...child.pictures].reverse());
    await page.getByRole('alert').getByText('These are not your pictures. Try again.').waitFor();
    await check();
  }
  await tapPictures(page, child.pictures);
  if (bringStars) {
    await page.getByRole('heading', { name: /You have stars on this device/ }).waitFor();
    await page.getByRole('button', { name: 'Bring my stars with me' }).click();
  }
  await page
    .getByRole('heading', { name: `Hello, ${child.nickname}! You are in your class.` })
    .waitFor();
  await page.getByRole('button', { name: "Let's play" }).click();
  // 5–10 see the sky map; 11–16 the older skin's topic list.
  await page.getByRole('heading', { name: /^(Your sky map|Your topics)$/ }).waitFor();
}

/** Every record of an object store of the app's database, read in the page. */
export function storeRecords<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('kite');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
        };
      }),
    store,
  );
}

export const eventIds = async (page: Page) =>
  (await storeRecords<{ id: string }>(page, 'events')).map((e) => e.id).sort();
