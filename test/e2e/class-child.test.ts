import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadCatalogue } from '../../src/content/catalogue';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { browserSuite } from '../helpers/suite';

// Issue #13, the child's side: sign in with the class code and three pictures, play offline,
// sync to the server and to a second device, erase everywhere, and see who can see progress.
// The teacher, the class and the child are made through the real API, as a teacher would.
const enabled = browserAvailable();
const catalogue = (await loadCatalogue('content')).catalogue;

const AVATAR_NAME: Record<string, string> = {
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

interface Child {
  readonly id: string;
  readonly nickname: string;
  readonly pictures: readonly string[];
}

/** Taps three avatar pictures on the sign-in page. */
async function tapPictures(page: Page, pictures: readonly string[]): Promise<void> {
  for (const p of pictures)
    await page
      .locator('.picture-taps')
      .getByRole('button', { name: AVATAR_NAME[p]!, exact: true })
      .click();
}

/** Goes through "I have a class code" on a fresh device, with one wrong try if asked. */
async function signIn(page: Page, origin: string, code: string, child: Child, wrongFirst = false) {
  await page.goto(origin + '/');
  await page.getByRole('button', { name: 'I have a class code' }).click();
  await page.getByRole('heading', { name: /Type your class code/ }).waitFor();
  // Small letters and a space, as a child may type it.
  await page.getByLabel('Class code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await page.getByRole('button', { name: 'Find my class' }).click();
  await page.getByRole('heading', { name: /Which one is you/ }).waitFor();
  await page.getByRole('button', { name: child.nickname }).click();
  await page.getByRole('heading', { name: /Tap your 3 pictures/ }).waitFor();
  if (wrongFirst) {
    await tapPictures(page, [...child.pictures].reverse());
    await page.getByRole('alert').getByText('These are not your pictures. Try again.').waitFor();
  }
  await tapPictures(page, child.pictures);
  await page
    .getByRole('heading', { name: `Hello, ${child.nickname}! You are in your class.` })
    .waitFor();
  await page.getByRole('button', { name: "Let's play" }).click();
  await page.getByRole('heading', { name: 'Your topics' }).waitFor();
}

describe.skipIf(!enabled)("a class child's devices", () => {
  const clock: Clock = { now: Date.now() };
  const mail = outbox();
  const suite = browserSuite({
    catalogue,
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
  });
  let teacher: AccountClient;
  let classId = '';
  let code = '';
  let star: Child;
  const contexts: BrowserContext[] = [];
  const watches: PageWatch[] = [];

  const device = async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    watches.push(watchContext(context, suite.server.origin));
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    const people = new People(suite.server.app, mail, clock);
    await people.bootstrap();
    const made = await people.make('teacher');
    teacher = made.client;
    const school = await teacher.post('/api/schools', { name: 'Riverside Primary' });
    const schoolId = school.json().school.id as string;
    await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
      agreedBy: 'Head teacher',
      noticeVersion: '2026-12',
    });
    const cls = await teacher.post('/api/classes', {
      schoolId,
      name: 'Class 6A',
      band: '11-13',
      lang: 'en',
    });
    expect(cls.statusCode, cls.body).toBe(201);
    classId = cls.json().class.id;
    code = cls.json().class.code;
    const added = await teacher.post(`/api/classes/${classId}/children`, {
      nicknames: ['Star', 'Comet'],
    });
    expect(added.statusCode, added.body).toBe(201);
    star = added.json().children[0];
  });

  it('signs in with the class code and three pictures, after a wrong try', async () => {
    const { page } = await device();
    await signIn(page, suite.server.origin, code, star, true);
    const profile = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('kite');
          open.onsuccess = () => {
            const req = open.result.transaction('profiles').objectStore('profiles').getAll();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
    expect(profile).toEqual([
      expect.objectContaining({
        id: star.id,
        band: '11-13',
        account: expect.objectContaining({ epoch: 1, nickname: 'Star', token: expect.any(String) }),
      }),
    ]);
    // The refused pictures are a 401 the browser logs as a failed load; nothing else is an error.
    expect(
      watches[0]!.consoleErrors.filter((e) => !e.startsWith('Failed to load resource')),
    ).toEqual([]);
    expect(watches[0]!.foreignRequests).toEqual([]);
  });
});
