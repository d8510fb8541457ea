import { describe, expect, it } from 'vitest';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import { signInAdult } from '../helpers/adult-browser';
import { People, wallClock } from '../helpers/people';

// KITE_COUNTRY=kh: the child's help page lists the Cambodian helpline a coordinator confirmed
// and, for reporting, the international directory instead of the hotline and police number that
// content/countries/kh.json still marks "to verify".
const enabled = browserAvailable();

describe.skipIf(!enabled)('the help page of a Cambodian deployment', () => {
  const mail = outbox();
  const suite = browserSuite({
    country: 'kh',
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
  });

  it('shows confirmed kh entries and the intl directory, never an entry to verify', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    await setUpChild(page, suite.server.origin);
    await page.getByRole('link', { name: 'Get help' }).click();
    await page.getByRole('heading', { name: 'Get help', level: 1 }).waitFor();
    const lines = page.locator('.helplines');
    await lines.getByRole('heading', { name: 'Child Helpline Cambodia' }).waitFor();

    // The deployment really is Cambodian.
    const config = (await (
      await page.request.get(`${suite.server.origin}/api/client-config`)
    ).json()) as { country: string };
    expect(config.country).toBe('kh');

    const names = await lines.locator('h3').allTextContents();
    // The national helpline is confirmed, so the helpline directory is not needed; no
    // reporting route is, so INHOPE's directory stands in for them.
    expect(names).toEqual(['Child Helpline Cambodia', 'INHOPE']);
    await lines.getByRole('link', { name: 'Call 1280' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const unconfirmed of [
      'Internet Hotline Cambodia',
      'APLE',
      'Police',
      '1288',
      '092 311 511',
    ])
      expect(text).not.toContain(unconfirmed);
    expect(text).not.toMatch(/to verify/i);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it("lists every entry on a signed-in adult's account page, the unconfirmed ones marked 'to verify'", async () => {
    const { origin } = suite.server;
    const people = new People(suite.server.app, mail, wallClock());
    await people.bootstrap();
    const teacher = (await people.make('teacher')).person;
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await signInAdult(page, teacher, { open: `${origin}/account/signin` });
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const section = page.locator('section.adult-helplines');
    await section.getByRole('heading', { name: 'Helplines and where to report' }).waitFor();
    const items = await section.locator('li').allTextContents();
    const entry = (name: string) => items.find((i) => i.includes(name)) ?? '';
    expect(entry('Child Helpline Cambodia')).toMatch(/1280.*Checked on \d{4}-\d{2}-\d{2}/);
    for (const name of ['Internet Hotline Cambodia', 'Police'])
      expect(entry(name)).toContain('To verify: not yet confirmed, so children are not shown it');
    expect(items.filter((i) => i.includes('To verify'))).toHaveLength(2);
    // Not for children: the library, which every child can open, lists none of them.
    await page.goto(`${origin}/library`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/To verify|APLE|1288/);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});
