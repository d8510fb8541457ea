import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Response } from 'playwright-core';
import { shippedContent } from '../helpers/content';
import type { Activity, ProgressEvent } from '../../src/engine';
import { playThrough } from '../helpers/play-events';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { browserAvailable, watchContext } from '../helpers/browser';
import type { PageWatch } from '../helpers/browser';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { browserSuite } from '../helpers/suite';
import { playNewFriend } from '../helpers/new-friend';
import { chooseLanguage, keepOffline, setUpChild } from '../helpers/child';
import {
  axeViolations,
  eventIds,
  signIn,
  signInWithCode,
  storeRecords,
} from '../helpers/class-child';
import type { Child } from '../helpers/class-child';

/** A class profile as the device keeps it (store `profiles`). */
interface StarProfile {
  readonly id: string;
  readonly account: { readonly token: string; readonly epoch: number };
}

/** `count` of a learner's events on `device`: `activities` played again and again, new ids. */
function replayed(
  learner: string,
  device: string,
  activities: readonly Activity[],
  count: number,
  firstSeq: number,
): ProgressEvent[] {
  const seq = { next: firstSeq };
  const out: ProgressEvent[] = [];
  for (let i = 0; out.length < count; i++) {
    const at = Date.now() - 86_400_000 + i * 60_000;
    out.push(...playThrough(activities[i % activities.length]!, { learner, device, seq, at }));
  }
  return out.slice(0, count);
}

/** In the page: stores events and queues them to sync, as the app does with each answer. */
function queueEvents(events: readonly { id: string; learner: string }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('kite');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['events', 'unsynced'], 'readwrite');
      for (const e of events) {
        tx.objectStore('events').put(e);
        tx.objectStore('unsynced').put({ id: e.id, learner: e.learner });
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

// Issue #13, the child's side: sign in with the class code and three pictures, play offline,
// sync to the server and to a second device, erase everywhere, and see who can see progress.
// The teacher, the class and the child are made through the real API, as a teacher would.
const enabled = browserAvailable();
const catalogue = (await shippedContent()).catalogue;

describe.skipIf(!enabled)("a class child's devices", () => {
  const clock: Clock = { now: Date.now() };
  const mail = outbox();
  // Measurement off: a class child's first activity of a topic would meet a quick check, drawn
  // at random (15 % skip it); these journeys are about progress, the checks have their own
  // (quick-check.test.ts).
  const suite = browserSuite(
    {
      catalogue,
      measurement: false,
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
    },
    'allow',
  );
  let teacher: AccountClient;
  let teacherName = '';
  let classId = '';
  let code = '';
  let star: Child;
  let comet: Child;
  let people: People;
  const contexts: BrowserContext[] = [];
  const watches: PageWatch[] = [];

  const device = async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    watches.push(watchContext(context, suite.server.origin));
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    people = new People(suite.server.app, mail, clock);
    await people.bootstrap();
    const made = await people.make('teacher');
    teacher = made.client;
    teacherName = made.person.displayName;
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
    [star, comet] = added.json().children;
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

  /** The teacher's report row of a child (Star unless said): how many answers the server holds. */
  const answersOnServer = async (id = star.id) => {
    const report = await teacher.get(`/api/classes/${classId}/report`);
    expect(report.statusCode, report.body).toBe(200);
    return report.json().children.find((c: { id: string }) => c.id === id).answers as number;
  };

  it('plays offline, sends the answers when back online, and a second device receives them', async () => {
    const { context, page } = { context: contexts[0]!, page: contexts[0]!.pages()[0]! };
    await keepOffline(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .click();
    await playNewFriend(page);
    const played = await eventIds(page);
    expect(played).toHaveLength(3);
    // Queued in the same transaction as each answer, waiting for the network.
    expect((await storeRecords<{ id: string }>(page, 'unsynced')).map((e) => e.id).sort()).toEqual(
      played,
    );
    expect(await answersOnServer()).toBe(0);

    await context.setOffline(false);
    await expect.poll(answersOnServer, { timeout: 15_000 }).toBe(3);
    await expect.poll(() => storeRecords(page, 'unsynced')).toEqual([]);

    const b = await device();
    await signIn(b.page, suite.server.origin, code, star);
    await expect.poll(() => eventIds(b.page), { timeout: 15_000 }).toEqual(played);
    // Home counts the game finished on the other device.
    await b.page.reload();
    await b.page.locator('.done-mark').first().waitFor();
  });

  it('sends a long offline queue in batches of 100, and pulls 650 answers of another device in pages of 500', async () => {
    const a = contexts[0]!;
    const page = a.pages()[0]!;
    const stored = async () =>
      Number(
        (
          await suite.server.db.kysely
            .selectFrom('kite_learner_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('learner_id', '=', star.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await stored();
    const onDevice = (await storeRecords<ProgressEvent>(page, 'events')).length;
    const [profile] = (await storeRecords<StarProfile>(page, 'profiles')).filter(
      (p) => p.id === star.id,
    );
    const { token, epoch } = profile!.account;
    const device = (await storeRecords<ProgressEvent>(page, 'events'))[0]!.device;
    const activities = [...catalogue.activities.values()]
      .filter((x) => x.band === '11-13' && !x.sensitive)
      .slice(0, 5);

    // 250 answers waiting on this device, as days of offline play would leave them.
    await a.setOffline(true);
    const queued = replayed(star.id, device, activities, 250, 10_000);
    await page.evaluate(queueEvents, queued);
    expect(await storeRecords(page, 'unsynced')).toHaveLength(250);

    // Meanwhile Star's other device (a phone at home) sends 650 answers.
    const other = replayed(star.id, 'phone-at-home', activities, 650, 20_000);
    for (let i = 0; i < other.length; i += 100) {
      const res = await fetch(`${suite.server.origin}/api/child/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          device: 'phone-at-home',
          epoch,
          since: null,
          events: other.slice(i, i + 100),
        }),
      });
      expect(res.status).toBe(200);
    }
    expect(await stored()).toBe(before + 650);

    // Back online: the queue leaves in batches of at most 100, and 900 new rows (650 of them
    // the phone's) come down in pages of at most 500.
    const sent: number[] = [];
    const pulled: number[] = [];
    const onResponse = async (res: Response) => {
      if (!res.url().endsWith('/api/child/sync')) return;
      sent.push((res.request().postDataJSON() as { events: unknown[] }).events.length);
      pulled.push(((await res.json()) as { events: unknown[] }).events.length);
    };
    page.on('response', onResponse);
    await a.setOffline(false);
    await expect.poll(() => storeRecords(page, 'unsynced'), { timeout: 30_000 }).toEqual([]);
    await expect
      .poll(async () => (await storeRecords(page, 'events')).length, { timeout: 30_000 })
      .toBe(onDevice + 250 + 650);
    page.off('response', onResponse);
    expect(await stored()).toBe(before + 650 + 250);
    expect(Math.max(...sent)).toBeLessThanOrEqual(100);
    expect(sent.filter((n) => n > 0)).toEqual([100, 100, 50]);
    // The phone's answers came first (500, then `more`, then the rest); this device's own come
    // back only as places in the log, without their JSON.
    expect(pulled.filter((n) => n > 0)).toEqual([500, 150]);
  });

  it('the eye in the top bar says who can see the progress: the teacher, by name', async () => {
    const page = contexts[1]!.pages()[0]!;
    await page.getByRole('button', { name: 'Who can see my progress' }).click();
    const panel = page.getByRole('dialog', { name: /Who can see my progress/ });
    await panel.getByText(`${teacherName}, your teacher`).waitFor();
    await panel.getByText('You, on this device').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'hidden' });
  });

  it('erasing on one device holds: answers queued on the other never come back', async () => {
    const a = contexts[0]!;
    const pageA = a.pages()[0]!;
    const pageB = contexts[1]!.pages()[0]!;
    // Device A plays again offline: three answers wait in its queue.
    await a.setOffline(true);
    await pageA.goto(suite.server.origin + '/play/sample-new-friend');
    await playNewFriend(pageA);
    expect(await storeRecords(pageA, 'unsynced')).toHaveLength(3);

    // Device B erases everywhere.
    await pageB.goto(suite.server.origin + '/privacy');
    await pageB.getByRole('button', { name: 'Erase my progress everywhere' }).click();
    await pageB.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await pageB.getByText('Your progress was erased everywhere.').waitFor();
    expect(await eventIds(pageB)).toEqual([]);
    expect(await answersOnServer()).toBe(0);

    // A comes back online with old and queued answers: told `erased`, it drops them all.
    await a.setOffline(false);
    await expect.poll(() => eventIds(pageA), { timeout: 15_000 }).toEqual([]);
    expect(await storeRecords(pageA, 'unsynced')).toEqual([]);
    expect(await answersOnServer()).toBe(0);
    await pageB.goto(suite.server.origin + '/');
    await pageB.getByRole('heading', { name: 'Your topics' }).waitFor();
    await pageB.waitForTimeout(1000);
    expect(await eventIds(pageB)).toEqual([]);

    // Erasing needs the network: offline, B refuses and keeps what it has.
    await contexts[1]!.setOffline(true);
    await pageB.goto(suite.server.origin + '/privacy');
    await pageB.getByRole('button', { name: 'Erase my progress everywhere' }).click();
    await pageB.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await pageB.getByText('Connect to erase everywhere.', { exact: false }).waitFor();
    await contexts[1]!.setOffline(false);
  });

  it('"Not you?" signs the device out and removes the profile from it', async () => {
    const page = contexts[0]!.pages()[0]!;
    await page.goto(suite.server.origin + '/profiles');
    await page.getByRole('button', { name: 'Not you? Star' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    // Back to first run: the language, then the class code.
    await chooseLanguage(page);
    await page.getByRole('button', { name: 'I have a class code' }).waitFor();
    expect(await storeRecords(page, 'profiles')).toEqual([]);
    const cls = await teacher.get(`/api/classes/${classId}`);
    const row = cls.json().children.find((c: { id: string }) => c.id === star.id);
    expect(row.devices).toBe(1);
  });

  it('a device the teacher signed out plays on and signs in again; a child erased for good is forgotten', async () => {
    const page = contexts[1]!.pages()[0]!;
    const out = await teacher.del(`/api/classes/${classId}/children/${star.id}/devices`);
    expect(out.statusCode, out.body).toBe(200);
    await page.goto(suite.server.origin + '/');
    await page.getByText('This device is signed out of your class.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInWithCode(page, code, star);
    await expect
      .poll(() => page.getByText('This device is signed out', { exact: false }).count())
      .toBe(0);

    const gone = await teacher.del(`/api/classes/${classId}/children/${star.id}`);
    expect(gone.statusCode).toBe(204);
    await page.reload();
    await page
      .getByText('Your teacher has taken your class profile off Kite.', { exact: false })
      .waitFor();
    await expect.poll(() => storeRecords(page, 'profiles')).toEqual([]);
    for (const c of contexts) await c.close();
  });

  it('brings the stars of this device along, shows the assignment, and asks about a grown-up', async () => {
    const assigned = await teacher.post(`/api/classes/${classId}/assignments`, {
      activity: 'sample-new-friend',
      due: '2026-12-24',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const { page } = await device();
    await setUpChild(page, suite.server.origin, { band: '11-13' });
    await page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .click();
    await playNewFriend(page);
    const before = await eventIds(page);
    expect(before).toHaveLength(3);

    await page.goto(suite.server.origin + '/profiles');
    await page.getByRole('button', { name: 'I have a class code' }).click();
    await signInWithCode(page, code, comet, false, true);
    await expect.poll(() => answersOnServer(comet.id), { timeout: 15_000 }).toBe(3);
    // Copies with new ids; the anonymous profile keeps its own.
    const all = await storeRecords<{ id: string; learner: string }>(page, 'events');
    expect(all.filter((e) => e.learner === comet.id)).toHaveLength(3);
    expect(
      all
        .filter((e) => e.learner !== comet.id)
        .map((e) => e.id)
        .sort(),
    ).toEqual(before);
    expect(await storeRecords(page, 'profiles')).toHaveLength(2);

    // The assignment, without its date.
    const fromTeacher = page.locator('.from-teacher');
    await fromTeacher.getByRole('heading', { name: 'From your teacher' }).waitFor();
    await fromTeacher.getByRole('link', { name: /A new friend in the game/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/2026|24 Dec|Dec/);

    const parent = await people.make('parent');
    const link = await parent.client.post('/api/family/links', {
      code,
      nickname: 'comet',
      noticeVersion: '2026-12',
    });
    expect(link.statusCode, link.body).toBe(201);
    const name = parent.person.displayName;
    await page.getByRole('button', { name: 'Who can see my progress' }).click();
    const panel = page.getByRole('dialog', { name: /Who can see my progress/ });
    await panel.getByText(`${name} wants to see your progress. Is this your grown-up?`).waitFor();
    await panel.getByRole('button', { name: 'Yes' }).click();
    await panel.getByText('Thank you. Your teacher will check it too.').waitFor();
    const approved = await teacher.post(
      `/api/classes/${classId}/links/${link.json().link.id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Who can see my progress' }).click();
    await panel.getByText(`${name}, your parent or carer`).waitFor();
    await panel.getByText(`${teacherName}, your teacher`).waitFor();
    await page.context().close();
  });
});
