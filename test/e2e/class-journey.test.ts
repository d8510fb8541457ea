import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import ui from '../../content/ui/en.json';
import { shippedContent } from '../helpers/content';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import { browserAvailable, watchContext } from '../helpers/browser';
import { axeViolations, eventIds, signIn } from '../helpers/class-child';
import { keepOffline } from '../helpers/child';
import { parseCsv, screenTable } from '../helpers/class-report';
import { playNewFriend } from '../helpers/new-friend';
import { signInAdult } from '../helpers/adult-browser';
import { People, wallClock } from '../helpers/people';
import { browserSuite } from '../helpers/suite';

// Issue #13's journey across browsers: a teacher signs up (with two-step sign-in), makes a
// class and prints its login cards; a child signs in with pictures on their own device, plays
// offline and comes back online; the teacher's report shows it and equals its CSV; a parent
// links to the child (the child says yes, the teacher approves) and sees the summary; the
// child's panel names both adults.
const enabled = browserAvailable();
const catalogue = (await shippedContent()).catalogue;
const STEP_S = 30;
const avatarName = (id: string) => ui[`avatar.${id}` as keyof typeof ui];

describe.skipIf(!enabled)('a class from sign-up to a parent seeing progress', () => {
  const mail = outbox();
  // Measurement off: the child's first activity of a topic would meet a quick check, drawn at
  // random (15 % skip it); the checks have their own journey (quick-check.test.ts).
  const suite = browserSuite({
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
    catalogue,
    measurement: false,
  });
  const clock = wallClock();

  it('teacher, child and parent, each in their own browser', async () => {
    const origin = suite.server.origin;
    const people = new People(suite.server.app, mail, clock);
    await people.bootstrap();
    // The child's device plays offline and runs the service worker; the adults' block it.
    const newContext = async (serviceWorkers: 'allow' | 'block' = 'block') => {
      const context = await suite.browser.newContext({
        viewport: { width: 360, height: 740 },
        serviceWorkers,
      });
      return { context, watch: watchContext(context, origin), page: await context.newPage() };
    };

    // The teacher signs up, confirms their email and must set up two-step sign-in.
    const t = await newContext();
    const email = 'ms.dara@example.org';
    const password = 'chalk river lantern spring';
    await t.page.goto(`${origin}/account/signup`);
    await t.page.getByRole('radio', { name: /Teacher/ }).check();
    await t.page.getByLabel('Your name').fill('Ms Dara');
    await t.page.getByLabel('Email address').fill(email);
    await t.page.getByLabel('New password').fill(password);
    await t.page.getByRole('button', { name: 'Create account' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await t.page.goto(`${origin}/account/verify#token=${mail.lastToken(email, '/account/verify')}`);
    await t.page.getByRole('heading', { level: 1, name: 'Your email is confirmed' }).waitFor();
    await t.page.goto(`${origin}/account/signin`);
    await t.page.getByLabel('Email address').fill(email);
    await t.page.getByLabel('Password', { exact: true }).fill(password);
    await t.page.getByRole('button', { name: 'Sign in' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    const secret = ((await t.page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
    const step = Math.floor(Date.now() / 1000 / STEP_S);
    await t.page
      .getByLabel('Code', { exact: true })
      .fill(await generate({ secret, epoch: step * STEP_S }));
    await t.page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await t.page.getByLabel('I have saved my recovery codes').check();
    await t.page.getByRole('button', { name: 'Continue' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    // A school with its agreement, a class of 11–13, two children.
    await t.page.getByRole('link', { name: 'Your classes' }).click();
    await t.page.getByRole('button', { name: 'New class' }).click();
    await t.page.getByLabel('School name').fill('Riverside Primary');
    await t.page.getByRole('button', { name: 'Add school' }).click();
    await t.page.getByLabel('Who agreed for the school').fill('Head teacher');
    await t.page.getByRole('button', { name: 'Record the agreement' }).click();
    await t.page.getByLabel('Class name').fill('Class 6A');
    await t.page.getByRole('radio', { name: '11 to 13' }).check();
    await t.page.getByRole('button', { name: 'Make the class' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Class' }).waitFor();
    // The new class's own address (the heading can show before the address changes).
    await t.page.waitForURL(/\/account\/classes\/[^/]+$/);
    const classId = decodeURIComponent(new URL(t.page.url()).pathname.split('/')[3]!);
    const code = ((await t.page.locator('.code-big').textContent()) ?? '').trim();
    await t.page.getByLabel('Nickname 1').fill('Star');
    await t.page.getByRole('button', { name: 'Add another child' }).click();
    await t.page.getByLabel('Nickname 2').fill('Comet');
    await t.page.getByRole('button', { name: 'Add children', exact: true }).click();
    await t.page.getByText('2 children added.').waitFor();
    const detail = await t.page.evaluate(async (id) => {
      const res = await fetch(`/api/classes/${id}`);
      if (!res.ok) throw new Error(`GET /api/classes/${id}: ${res.status}`);
      return (await res.json()) as {
        children: { id: string; nickname: string; pictures: string[] }[];
      };
    }, classId);
    const star = detail.children.find((c) => c.nickname === 'Star')!;

    // The login cards: one per child, with the code and each child's pictures in order.
    const href = await t.page.getByRole('link', { name: /login cards/i }).getAttribute('href');
    expect(href).toBe(`/api/classes/${classId}/cards.pdf`);
    const pdf = await t.page.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        cache: res.headers.get('cache-control'),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href!);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', cache: 'no-store' });
    const dir = mkdtempSync(join(tmpdir(), 'kite-cards-'));
    try {
      writeFileSync(join(dir, 'cards.pdf'), Buffer.from(pdf.bytes));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'cards.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(text).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
      for (const c of detail.children) {
        expect(text).toContain(c.nickname);
        const names = c.pictures.map((p, i) => `${i + 1} ${avatarName(p)}`).join(' ');
        expect(text).toContain(names);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The child, on their own device: pictures, then a game offline, then back online.
    const c = await newContext('allow');
    await signIn(c.page, origin, code, star);
    await keepOffline(c.page);
    await c.context.setOffline(true);
    await c.page.reload();
    await c.page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await c.page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .click();
    await playNewFriend(c.page);
    expect(await eventIds(c.page)).toHaveLength(3);
    await c.context.setOffline(false);

    // The teacher's report shows the three answers, and the screen equals the CSV.
    await t.page.goto(`${origin}/account/classes/${encodeURIComponent(classId)}/report`);
    const starAnswers = async () => {
      await t.page.reload();
      await t.page.locator('table.report-table').waitFor();
      return (await screenTable(t.page)).find((row) => row[0] === 'Star')?.[1];
    };
    await expect.poll(starAnswers, { timeout: 20_000 }).toBe('3');
    const csv = await t.page.evaluate(
      async (url) => (await fetch(url)).text(),
      `/api/classes/${classId}/report.csv`,
    );
    expect(await screenTable(t.page)).toEqual(parseCsv(csv));
    expect(await axeViolations(t.page)).toEqual([]);

    // A parent asks to follow Star; Star says yes on their device; the teacher approves.
    const parent = await people.make('parent');
    const p = await newContext();
    await signInAdult(p.page, parent.person, { open: `${origin}/account/signin` });
    await p.page.getByRole('link', { name: 'Your children' }).click();
    await p.page.getByLabel('Class code').fill(code);
    await p.page.getByLabel("Your child's nickname in the class").fill('star');
    await p.page.getByRole('button', { name: 'Send the request' }).click();
    await p.page.getByText('It is pending', { exact: false }).waitFor();

    await c.page.reload();
    await c.page.getByRole('button', { name: 'Who can see my progress' }).click();
    const panel = c.page.getByRole('dialog', { name: /Who can see my progress/ });
    const ask = `${parent.person.displayName} wants to see your progress. Is this your grown-up?`;
    await panel.getByText(ask).waitFor();
    await panel.getByRole('button', { name: 'Yes' }).click();
    await panel.getByText(ask).waitFor({ state: 'hidden' });
    await panel.getByRole('button', { name: 'Close' }).click();

    await t.page.goto(`${origin}/account/classes/${encodeURIComponent(classId)}`);
    await t.page
      .getByRole('button', { name: `Approve ${parent.person.displayName} for Star` })
      .click();
    await t.page.getByText('Approved.').waitFor();

    // The parent sees Star's summary: activities finished and stars, no answers.
    await p.page.reload();
    await p.page.getByRole('heading', { level: 3, name: 'Star' }).waitFor();
    const family = await p.page.evaluate(async () => (await fetch('/api/family/children')).json());
    expect(family.children).toEqual([
      expect.objectContaining({ nickname: 'Star', kind: 'linked' }),
    ]);
    expect(family.children[0].report.answers).toBe(3);
    expect(JSON.stringify(family)).not.toMatch(/"answer"|"pictures"/);
    expect(await axeViolations(p.page)).toEqual([]);

    // The child's panel names both adults who can see the progress.
    await c.page.reload();
    await c.page.getByRole('button', { name: 'Who can see my progress' }).click();
    await panel.getByText('Ms Dara, your teacher').waitFor();
    await panel.getByText(parent.person.displayName, { exact: false }).waitFor();

    for (const who of [t, c, p]) {
      expect(who.watch.foreignRequests).toEqual([]);
      await who.context.close();
    }
  }, 300_000);
});
