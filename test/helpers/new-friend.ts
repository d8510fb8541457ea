import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { lastAnnouncement } from './child';

/** The safe order of the last scene of sample-new-friend. */
export const GOOD_ORDER = [
  'Stop replying',
  'Take screenshots to keep a record',
  'Block and report the account',
  'Tell an adult you trust what happened',
];

async function stepOrder(page: Page): Promise<string[]> {
  const names = await page.locator('.seq-list li').allTextContents();
  return names.map((n) => GOOD_ORDER.find((s) => n.includes(s)) ?? n);
}

/** Plays sample-new-friend (chat, chat, sequence) to its end with taps, from its first scene. */
export async function playNewFriend(page: Page): Promise<void> {
  await page.locator('.chat-thread').waitFor();
  await page.getByRole('button', { name: 'No thanks.' }).click();
  await expect.poll(() => lastAnnouncement(page)).toContain('Safe choice.');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Block and report' }).click();
  await expect.poll(() => lastAnnouncement(page)).toContain('Safe choice.');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('.seq-list').waitFor();
  for (let i = 0; i < GOOD_ORDER.length; i++) {
    for (let at = (await stepOrder(page)).indexOf(GOOD_ORDER[i]!); at > i; at--) {
      await page.getByRole('button', { name: `Move up: ${GOOD_ORDER[i]}` }).click();
    }
  }
  expect(await stepOrder(page)).toEqual(GOOD_ORDER);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => lastAnnouncement(page)).toContain('Safe choice.');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: 'You finished!' }).waitFor();
}
