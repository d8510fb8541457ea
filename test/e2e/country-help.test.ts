import { describe, expect, it } from 'vitest';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import { signInAdult } from '../helpers/adult-browser';
import { People, wallClock } from '../helpers/people';
import { axeViolations } from '../helpers/class-child';

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
  // The accounts of the adults' tests, made once (the setup link works once per server).
  let made: Promise<People> | undefined;
  const accounts = () =>
    (made ??= (async () => {
      const people = new People(suite.server.app, mail, wallClock());
      await people.bootstrap();
      return people;
    })());

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
    const people = await accounts();
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

  it('a coordinator sets up a region, a district and a school, adds a helpline, and a child sees it', async () => {
    const { origin } = suite.server;
    const people = await accounts();
    // A teacher's school, made as teachers make theirs (with a class).
    const teacher = (await people.make('teacher')).client;
    const school = await teacher.post('/api/schools', { name: 'Riverside Primary' });
    expect(school.statusCode, school.body).toBe(201);
    const coordinator = (await people.make('coordinator')).person;

    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    // Two-step sign-in: a coordinator's role requires it.
    await signInAdult(page, coordinator, { open: `${origin}/account/signin` });
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('link', { name: 'Deployment settings, regions and schools' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deployment settings' }).waitFor();
    await page.getByLabel('Country pack').waitFor();
    expect(await axeViolations(page), 'settings page').toEqual([]);

    // Regions, districts and schools, by keyboard where a person would type.
    await page.getByRole('link', { name: 'Regions, districts and schools' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regions, districts and schools' }).waitFor();
    await page.getByLabel('Name of a new region').fill('Northern Plains');
    await page.getByLabel('Name of a new region').press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Northern Plains' }).waitFor();
    await page.getByLabel('Name of a new district in Northern Plains').fill('Lakeside');
    await page.getByRole('button', { name: 'Add the district' }).click();
    await page.getByText('Lakeside').first().waitFor();
    await page.getByLabel('District of Riverside Primary').selectOption({ label: 'Lakeside' });
    await page.getByRole('button', { name: 'Save the district of Riverside Primary' }).click();
    await page.getByText('1 school', { exact: false }).waitFor();
    expect(await axeViolations(page), 'places page').toEqual([]);
    // Names and counts only: the teacher's name never shows.
    expect(await page.locator('main').textContent()).not.toContain('Teacher');

    // A helpline of the deployment, checked today by writing it.
    await page.getByRole('link', { name: 'Deployment settings' }).click();
    await page.getByRole('button', { name: 'Add a helpline' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Northern Plains Youth Line');
    await page.getByLabel('Phone number').fill('1299');
    await page.getByLabel('Web address').fill('https://youthline.example.org/?utm_source=kite');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    // A tracking address is refused, with the words for it, and nothing is saved.
    await page.getByText('carry no tracking parameter').waitFor();
    await page.getByLabel('Web address').fill('https://youthline.example.org/');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Saved: version 1.').waitFor();
    await page.getByText('changed the settings: helplines').waitFor();
    expect(await axeViolations(page), 'settings page with a helpline').toEqual([]);
    await context.close();

    // A child's device: the help page lists the deployment's helpline first.
    const child = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const childWatch = watchContext(child, origin);
    const childPage = await child.newPage();
    await setUpChild(childPage, origin);
    await childPage.getByRole('link', { name: 'Get help' }).click();
    const lines = childPage.locator('.helplines');
    await lines.getByRole('heading', { name: 'Northern Plains Youth Line' }).waitFor();
    expect(await lines.locator('h3').allTextContents()).toEqual([
      'Northern Plains Youth Line',
      'Child Helpline Cambodia',
      'INHOPE',
    ]);
    await lines.getByRole('link', { name: 'Call 1299' }).waitFor();
    // The one refused save (the tracking address) is the browser's only complaint.
    expect(watch.consoleErrors).toEqual([expect.stringContaining('status of 400')]);
    expect(watch.foreignRequests).toEqual([]);
    expect(childWatch.consoleErrors).toEqual([]);
    expect(childWatch.foreignRequests).toEqual([]);
    await child.close();
  });
});
