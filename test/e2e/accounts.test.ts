import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { consoleMailer } from '../../src/server/accounts/mailer';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { invite, setupLinkIfNeeded } from '../../src/server/accounts/credentials';

// Issue 12: one grown-up's whole journey through the account pages, against the real API and
// the development mailer (KITE_DEV_MAIL=console) writing to a stream the test reads.
const enabled = browserAvailable();

/** What the console mailer wrote: the mails, in order. */
class MailBox extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  /** The one-time link (path and fragment) of the newest mail to `to`. */
  linkTo(to: string): string {
    const mails = this.text.split('----- mail').filter((m) => m.includes(`To: ${to}\n`));
    const link = /https?:\/\/\S*#token=[\w-]+|\/account\/\S*#token=[\w-]+/.exec(mails.at(-1) ?? '');
    if (!link) throw new Error(`no link in a mail to ${to}:\n${this.text}`);
    const url = new URL(link[0], 'http://x');
    return url.pathname + url.hash;
  }
}

const mailbox = new MailBox();

const axeViolations = async (page: Page) =>
  (await runAxe(page)).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

/** 30-second TOTP steps, as the authenticator app counts them. */
const STEP_S = 30;

describe.skipIf(!enabled)('adults’ accounts in the browser', () => {
  const suite = browserSuite({
    accounts: { argon2: TEST_ARGON2, mailer: consoleMailer(mailbox) },
  });

  it('signs up, verifies, enrols TOTP, signs in with a code, signs another device out, downloads and deletes', async () => {
    const origin = suite.server.origin;
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    const visited = new Set<string>();
    /**
     * Waits for the page's heading, then checks it with axe the first time it is seen (axe takes
     * seconds; `again` checks a page whose content has changed since, e.g. with MFA on).
     */
    const checkPage = async (heading: string, again = false) => {
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const seen = `${new URL(page.url()).pathname} ${heading}`;
      if (visited.has(seen) && !again) return;
      visited.add(seen);
      expect(await axeViolations(page), heading).toEqual([]);
    };
    const email = 'amara.parent@example.org';
    const password = 'lantern orbit meadow copper';

    // The way in is a quiet link below the library, not a prompt on a child's screen.
    await page.goto(`${origin}/library`);
    await page.getByRole('link', { name: /your Kite account/ }).click();
    await checkPage('Sign in');
    await page.getByRole('link', { name: /Create an account/ }).click();
    await checkPage('Create an account');

    // Sign-up: errors in words, tied to their fields, the summary focused.
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.evaluate((e) => e === document.activeElement)).toBe(true);
    const nameInput = page.getByLabel('Your name');
    expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nameInput.getAttribute('aria-describedby')) ?? '';
    const nameError = await page
      .locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`)
      .textContent();
    expect(nameError).toContain('Enter your name.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: /Parent or carer/ }).check();
    await nameInput.fill('Amara');
    await page.getByLabel('Email address').fill(email);
    expect(await page.getByLabel('Email address').getAttribute('autocomplete')).toBe('email');
    const newPassword = page.getByLabel('New password');
    expect(await newPassword.getAttribute('autocomplete')).toBe('new-password');
    // Without two-step sign-in a parent's password needs 15 characters (SEC-03).
    await newPassword.fill('lantern orbit');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.field-error').getByText('Use at least 15 characters.').waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    await newPassword.fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await checkPage('Check your email');

    // The mailed link carries its token in the fragment; the page removes it from the address.
    const verifyLink = mailbox.linkTo(email);
    expect(verifyLink).toMatch(/^\/account\/verify#token=/);
    await page.goto(`${origin}${verifyLink}`);
    await checkPage('Your email is confirmed');
    expect(page.url()).toBe(`${origin}/account/verify`);

    // Sign in with the password: the account page.
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await checkPage('Sign in');
    await page.getByLabel('Email address').fill(email);
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe(
      'current-password',
    );
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await checkPage('Your account');
    await expect(page.getByText('Signed in as Amara.').count()).resolves.toBe(1);

    // Two-step sign-in: the key is shown as text beside the QR code; the app's code turns it on.
    await page.getByRole('link', { name: 'Turn on two-step sign-in' }).click();
    await checkPage('Set up two-step sign-in');
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = ((await page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const codeInput = page.getByLabel('Code', { exact: true });
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    const enrolStep = Math.floor(Date.now() / 1000 / STEP_S);
    await codeInput.fill(await generate({ secret, epoch: enrolStep * STEP_S }));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.locator('.recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    expect(await axeViolations(page)).toEqual([]);
    // Going on needs the "I have saved them" tick.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Tick the box once you have saved the codes.').waitFor();
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/^On\. When you sign in/).waitFor();
    await checkPage('Your account', true);

    // Sign out, and in again with the keyboard alone: now the code step follows the password.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await checkPage('Sign in');
    await page.getByLabel('Email address').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return e?.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : e?.tagName;
      });
    await expect.poll(focused).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Email address');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Password');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(focused).toBe('H2');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Code');
    // A code is accepted once: the app's next code (its clock may run a little ahead).
    await page.keyboard.type(await generate({ secret, epoch: (enrolStep + 1) * STEP_S }));
    await page.keyboard.press('Enter');
    await checkPage('Your account');

    // A second device signs in with a recovery code instead of the app.
    const other = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const otherWatch = watchContext(other, origin);
    const otherPage = await other.newPage();
    await otherPage.goto(`${origin}/account/signin`);
    await otherPage.getByLabel('Email address').fill(email);
    await otherPage.getByLabel('Password', { exact: true }).fill(password);
    await otherPage.getByRole('button', { name: 'Sign in' }).click();
    await otherPage.getByLabel('Code', { exact: true }).fill(codes[0]!);
    await otherPage.getByRole('button', { name: 'Continue' }).click();
    await otherPage.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    // The devices signed in: this one, marked, and the other, which this one signs out.
    await page.getByRole('link', { name: 'Devices signed in' }).click();
    await checkPage('Devices signed in');
    await page.getByRole('heading', { name: '2 signed in' }).waitFor();
    const devices = page.locator('.device');
    const thisOne = devices.filter({ has: page.locator('.badge', { hasText: 'This device' }) });
    await expect(thisOne.count()).resolves.toBe(1);
    await expect(thisOne.getByRole('button').count()).resolves.toBe(0);
    const theOther = devices.filter({ hasNot: page.locator('.badge') });
    await theOther.getByRole('button', { name: 'Sign out this device' }).click();
    await page.getByRole('heading', { name: '1 signed in' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/is signed out\.$/)
      .waitFor();
    await expect(devices.count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The other device finds itself signed out at its next step.
    await otherPage.getByRole('link', { name: 'Devices signed in' }).click();
    await otherPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(otherPage.url()).toBe(`${origin}/account/signin?next=%2Faccount%2Fsessions`);
    expect(otherWatch.foreignRequests).toEqual([]);
    await other.close();

    // My data: the download is a JSON file about this account.
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await checkPage('Your account');
    await page.getByRole('link', { name: 'Your data' }).click();
    await checkPage('Your data');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kite-my-data.json');
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      account?: { email?: string };
    };
    expect(data.account?.email).toBe(email);
    expect(JSON.stringify(data)).not.toContain(password);

    // Delete: a wrong password changes nothing; the right one deletes at once.
    const deletePassword = page.getByLabel('Your password');
    await deletePassword.fill('not my password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('That password is not right.', { exact: false }).first().waitFor();
    expect(await deletePassword.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    const errorsBeforeDelete = [...watch.consoleErrors];
    await deletePassword.fill(password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await checkPage('Your account is deleted');

    // The account is gone: signing in fails like any wrong password.
    await page.goto(`${origin}/account/signin`);
    await checkPage('Sign in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or the password is not right.').first().waitFor();
    await expect.poll(() => summary.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const signinAnswers = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/api/auth/signin'))
        .map((e) => (e as PerformanceResourceTiming).responseStatus),
    );
    expect(signinAnswers.at(-1)).toBe(401);

    expect([...visited]).toEqual([
      '/account/signin Sign in',
      '/account/signup Create an account',
      '/account/signup Check your email',
      '/account/verify Your email is confirmed',
      '/account Your account',
      '/account/mfa Set up two-step sign-in',
      '/account/sessions Devices signed in',
      '/account/data Your data',
      '/account/data Your account is deleted',
    ]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    // The refused password and sign-in are answered 400 and 401, which Chromium reports on its
    // console as failed loads; nothing else may appear there.
    const expected = /^Failed to load resource: the server responded with a status of 40[01] /;
    expect(errorsBeforeDelete.filter((e) => !expected.test(e))).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
    expect(watch.consoleErrors.filter((e) => expected.test(e))).toHaveLength(2);
    await context.close();
  }, 300_000);

  it('the first admin from the setup link, an invited teacher, a forgotten password', async () => {
    const origin = suite.server.origin;
    const accounts = suite.server.app.accounts;
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    const checkPage = async (heading: string) => {
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await axeViolations(page), heading).toEqual([]);
    };
    const signIn = async (email: string, password: string) => {
      await page.goto(`${origin}/account/signin`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };

    // The one-time link the server writes to its console at first start.
    const made = await setupLinkIfNeeded(accounts);
    if (typeof made !== 'object') throw new Error(`no setup link: ${made}`);
    const setup = new URL(made.link, origin);
    await page.goto(`${origin}${setup.pathname}${setup.hash}`);
    await checkPage('Set up Kite');
    expect(page.url()).toBe(`${origin}/account/setup`);
    const admin = { email: 'lina.admin@example.org', password: 'harbour violet tandem spruce' };
    await page.getByLabel('Your name').fill('Lina');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('New password').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await checkPage('The administrator account is ready');

    // An admin must set up two-step sign-in before anything else.
    await signIn(admin.email, admin.password);
    await checkPage('Set up two-step sign-in');
    await page.getByText('Your role needs two-step sign-in.', { exact: false }).first().waitFor();
    await page.goto(`${origin}/account/data`);
    await page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    expect(page.url()).toBe(`${origin}/account/mfa`);
    await page.locator('.secret').waitFor();
    const secret = ((await page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
    const enrolStep = Math.floor(Date.now() / 1000 / STEP_S);
    await page
      .getByLabel('Code', { exact: true })
      .fill(await generate({ secret, epoch: enrolStep * STEP_S }));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await checkPage('Your account');

    // Settings: a new name, new recovery codes, a new password; two-step sign-in stays on.
    await page.getByText('Your role needs two-step sign-in, so it stays on.').waitFor();
    await page.getByLabel('Your name').fill('Lina K.');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Your name is saved.').waitFor();
    await page.getByText('Signed in as Lina K.').waitFor();
    await page
      .getByLabel('Code', { exact: true })
      .fill(await generate({ secret, epoch: (enrolStep + 1) * STEP_S }));
    await page.getByRole('button', { name: 'Get new codes' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password').fill('quartz ember willow parade');
    await page.getByRole('button', { name: 'Change password' }).click();
    const current = page.getByLabel('Current password');
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await current.fill(admin.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed. Your other devices were signed out.').waitFor();

    // The admin invites a teacher; the teacher makes the account from the mailed link.
    const adminUser = await accounts.users.byEmail(admin.email);
    const teacher = { email: 'tomas.teacher@example.org', password: 'pebble canyon lyric oven' };
    await invite(accounts, { id: adminUser!.id }, teacher.email, 'teacher');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(`${origin}${mailbox.linkTo(teacher.email)}`);
    await checkPage('Accept your invitation');
    await page.getByLabel('Your name').fill('Tomas');
    await page.getByLabel('New password').fill(teacher.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await checkPage('Your account is ready');

    // The teacher forgets the password: a link by mail, a new password, every device signed out.
    await page.goto(`${origin}/account/reset`);
    await checkPage('Forgot your password?');
    await page.getByLabel('Email address').fill(teacher.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await checkPage('Check your email');
    const resetLink = mailbox.linkTo(teacher.email);
    expect(resetLink).toMatch(/^\/account\/reset#token=/);
    await page.goto(`${origin}${resetLink}`);
    await checkPage('Choose a new password');
    expect(page.url()).toBe(`${origin}/account/reset`);
    await page.getByLabel('New password').fill('meadow signal tundra basket');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await checkPage('Your password is changed');
    // A link works once.
    await page.goto(`${origin}/account/signin`);
    await page.goto(`${origin}${resetLink}`);
    await page.getByLabel('New password').fill('another good long password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('This link has expired or has already been used.').first().waitFor();
    await signIn(teacher.email, 'meadow signal tundra basket');
    await checkPage('Set up two-step sign-in');

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    // The wrong current password (400) and the used link (400), and nothing else.
    const expected = /^Failed to load resource: the server responded with a status of 400 /;
    expect(watch.consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
    expect(watch.consoleErrors).toHaveLength(2);
    await context.close();
  }, 300_000);

  it('offline, the account pages say so plainly; a child’s device never kept them', async () => {
    const origin = suite.server.origin;
    // About what the service worker keeps: this context runs it (the file's others block it).
    const context = await suite.browser.newContext({
      viewport: { width: 360, height: 740 },
      serviceWorkers: 'allow',
    });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/library`);
    await page.locator('.lib-list').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls;
    });
    expect(kept.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    expect(kept.filter((u) => u.includes('/assets/account-'))).toEqual([]);

    // Never opened on this device, an account page cannot load offline, and says so.
    await context.setOffline(true);
    await page.goto(`${origin}/account/signin`);
    await page.getByRole('heading', { level: 1, name: "This page didn't open" }).waitFor();
    await page.getByText('Account pages need a connection to Kite.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Opened online, then the connection drops: the page says so, and so does a failed send.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.setOffline(true);
    await page.getByText("You're offline. These pages need a connection to Kite.").waitFor();
    await page.getByLabel('Email address').fill('someone@example.org');
    await page.getByLabel('Password', { exact: true }).fill('anything at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.error-summary').getByText("Kite's server could not be reached.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    const offline = /ERR_INTERNET_DISCONNECTED/;
    expect(watch.consoleErrors.filter((e) => !offline.test(e))).toEqual([]);
    await context.close();
  });
});
