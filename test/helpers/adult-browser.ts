// An adult signing in in the browser, as people do: email and password, then (for a role with
// two-step sign-in) a code from their authenticator app.
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { Person } from './people';

/** TOTP's 30-second steps, as the authenticator app counts them. */
const STEP_S = 30;

/**
 * Fills the sign-in form on `page` (opening `open` first, when given) for `person`, and their
 * code when they have a second factor: a step after both the clock's and their last code's,
 * since a code is accepted once. Callers wait for the page they expect next.
 */
export async function signInAdult(
  page: Page,
  person: Person,
  { open }: { open?: string } = {},
): Promise<void> {
  if (open !== undefined) await page.goto(open);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (person.secret === null) return;
  const step = Math.max(person.lastStep, Math.floor(Date.now() / 1000 / STEP_S)) + 1;
  await page
    .getByLabel('Code', { exact: true })
    .fill(await generate({ secret: person.secret, epoch: step * STEP_S }));
  person.lastStep = step;
  await page.getByRole('button', { name: 'Continue' }).click();
}
