import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import { signInAdult } from '../helpers/adult-browser';
import { People, wallClock } from '../helpers/people';
import { axeViolations } from '../helpers/class-child';
import { COMPILED_CLI, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import { shippedContent } from '../helpers/content';

// Issue #17's coordinator: signs in with two steps, sets up a region, a district and a helpline,
// places a school, then builds the national figures of a term of synthetic data for 20 schools
// (written by the command line, `kite nation seed`) and reads them: every table of the release
// on the page, each table's CSV equal to the screen cell by cell, axe-core clean, and in Khmer.

const enabled = browserAvailable();
/** The shipped content: the server builds releases over its topics and item banks. */
const catalogue = (await shippedContent()).catalogue;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Khmer UI strings of an area, as the page shows them (machine translations). */
const km = (area: string) =>
  Object.fromEntries(
    Object.entries(
      (
        JSON.parse(readFileSync(`content/ui/${area}/km.json`, 'utf8')) as {
          strings: Record<string, { text: string }>;
        }
      ).strings,
    ).map(([k, v]) => [k, v.text]),
  );

/** RFC 4180: fields quoted when they hold a comma, quote or line end; CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A data table as the page shows it: each row's header and data cells, in order. */
const screenTable = (page: Page, id: string) =>
  page
    .locator(`table#${id}`)
    .evaluate((table) =>
      [...table.querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent ?? ''),
      ),
    );

/** The table's CSV, downloaded with the page's session from the table's own link. */
async function tableCsv(page: Page, title: string): Promise<{ href: string; csv: string }> {
  const link = page.getByRole('link', { name: `Download CSV: ${title}`, exact: true });
  const href = (await link.getAttribute('href'))!;
  expect(await link.getAttribute('download')).not.toBeNull();
  const csv = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return `${res.status} ${res.headers.get('content-type')}\n${await res.text()}`;
  }, href);
  const [status, ...body] = csv.split('\n');
  expect(status).toMatch(/^200 text\/csv/);
  return { href, csv: body.join('\n') };
}

/** Runs the compiled command line against the test server's database. */
async function kite(args: string[], env: Readonly<Record<string, string>>) {
  const entry = await compiledEntry(COMPILED_CLI);
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!enabled)('the national dashboard', () => {
  compiledBuildBeforeAll();
  const mail = outbox();
  const suite = browserSuite({ accounts: { argon2: TEST_ARGON2, mailer: mail.mailer }, catalogue });

  it('a coordinator builds a term of 20 schools and reads it: charts, tables, CSV equal to the screen', async () => {
    const { origin } = suite.server;
    // A term that ended five days ago, twelve weeks long.
    const to = isoDay(Date.now() - 5 * DAY);
    const from = isoDay(Date.now() - 89 * DAY);
    const seeded = await kite(
      ['nation', 'seed', '--schools', '20', '--term-from', from, '--term-to', to, '--seed', '1'],
      suite.server.env,
    );
    expect(seeded.code, seeded.out).toBe(0);
    expect(seeded.out).toMatch(/SYNTHETIC data written .* 20 schools/);

    const people = new People(suite.server.app, mail, wallClock());
    await people.bootstrap();
    const coordinator = (await people.make('coordinator')).person;
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();

    // Two-step sign-in, then the deployment's places: a region and a district of the
    // coordinator's own, and one school moved into it.
    await signInAdult(page, coordinator, { open: `${origin}/account/signin` });
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('link', { name: 'Deployment settings, regions and schools' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deployment settings' }).waitFor();
    await page.getByRole('link', { name: 'Regions, districts and schools' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regions, districts and schools' }).waitFor();
    await page.getByLabel('Name of a new region').fill('Northern Plains');
    await page.getByRole('button', { name: 'Add the region' }).click();
    await page.getByRole('heading', { level: 3, name: 'Northern Plains' }).waitFor();
    const district = page.getByLabel('Name of a new district in Northern Plains');
    await district.fill('Lakeside');
    await district.press('Enter');
    await page.getByText('Lakeside').first().waitFor();
    const school = page.locator('.card.school').first();
    const schoolName = ((await school.locator('.strong').textContent()) ?? '').trim();
    await page
      .getByLabel(`District of ${schoolName}`, { exact: true })
      .selectOption({ label: 'Lakeside' });
    await page
      .getByRole('button', { name: `Save the district of ${schoolName}`, exact: true })
      .click();
    await page.getByText('Saved.').waitFor();

    // A helpline of the deployment.
    await page.getByRole('link', { name: 'Deployment settings' }).click();
    await page.getByRole('button', { name: 'Add a helpline' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Northern Plains Youth Line');
    await page.getByLabel('Phone number').fill('1299');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Saved: version 1.').waitFor();

    // The national figures: nothing built yet.
    await page.goto(`${origin}/account`);
    await page.getByRole('link', { name: /^National figures/ }).click();
    await page.getByRole('heading', { level: 1, name: 'National figures' }).waitFor();
    await page.getByText('No term has been built yet.').waitFor();
    expect(await axeViolations(page), 'releases page').toEqual([]);

    // The form says what is wrong before sending, then what the server refuses, by the field.
    const build = async (term: string, first: string, last: string) => {
      await page.getByLabel('Name of the term').fill(term);
      await page.getByLabel('First day of the term').fill(first);
      await page.getByLabel('Last day of the term').fill(last);
      await page.getByRole('button', { name: 'Build the figures' }).click();
    };
    await build('2026 T1', to, from);
    await page
      .getByRole('link', { name: /Use up to 32 small letters, digits and dashes only/ })
      .waitFor();
    await page
      .getByRole('link', { name: 'The last day cannot come before the first day.' })
      .waitFor();
    await build('t-now', from, isoDay(Date.now()));
    await page.getByRole('link', { name: /This term has not ended yet/ }).waitFor();
    expect(await axeViolations(page), 'releases page with errors').toEqual([]);
    await build('t-synthetic', from, to);

    // The dashboard of the release, opened once it is built.
    await page.getByRole('heading', { level: 1, name: 'National figures: t-synthetic' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/nation/t-synthetic');
    await page.getByRole('heading', { level: 2, name: 'How to read these figures' }).waitFor();
    for (const heading of [
      'Children reached',
      'Activities completed',
      'Mastery by topic',
      'Learning gains by topic',
      'Most-missed questions',
      'Spotting warning signs',
      'Play and quick checks',
      'Checking the questions',
      'How consistent each check is',
      "Children's feedback",
    ])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    const release = (await (
      await page.request.get(`${origin}/api/nation/releases/t-synthetic`)
    ).json()) as { tables: { id: string; kind: string; columns: string[] }[] };
    // Every table of the release has its chart, its data table and its download; the content
    // team's (items, reliability) once their summary is opened.
    const onRequest = release.tables.filter((t) => t.kind === 'items' || t.kind === 'reliability');
    const drawn = release.tables.length - onRequest.length;
    expect(onRequest.length).toBeGreaterThan(0);
    expect(await page.locator('details.table-on-request').count()).toBe(onRequest.length);
    expect(await page.locator('table.nation-table').count()).toBe(drawn);
    expect(await page.locator('.nation-chart svg[role="img"]').count()).toBe(drawn);
    expect(await page.locator('a.csv-link[download]').count()).toBe(drawn);
    // A hidden value in a chart is drawn and marked, never left blank.
    const reachChart = page.getByRole('img', { name: 'Chart: Children reached' });
    await reachChart.waitFor();
    expect(await reachChart.locator('text').allTextContents()).toContain('Northern Plains');
    expect(await page.locator('.nation-chart .bar-hidden').count()).toBeGreaterThan(0);
    // The district of one school is hidden in every cell (fewer than 3 schools).
    const reach = await screenTable(page, 't-reach');
    const lakeside = reach.find((r) => r[0] === 'Lakeside')!;
    expect(lakeside.slice(2).every((c) => c === '[c]')).toBe(true);
    // Counts are rounded to 5.
    const nation = reach[1]!;
    expect(Number(nation.at(-1))).toBeGreaterThan(0);
    expect(Number(nation.at(-1)) % 5).toBe(0);

    // CSV equals the screen: the reach table, a table of percents (a topic's mastery), one of
    // learning gains and the feedback table (one row, shown turned a quarter).
    const mastery = release.tables.find((t) => t.kind === 'mastery')!;
    const gains = release.tables.find((t) => t.kind === 'gains')!;
    const masteryTitle = (await page
      .locator(`table#t-${mastery.id.replace('/', '-')} caption`)
      .textContent())!.replace(/, term t-synthetic$/, '');
    const gainsTitle = (await page
      .locator(`table#t-${gains.id.replace('/', '-')} caption`)
      .textContent())!.replace(/, term t-synthetic$/, '');
    expect(masteryTitle).toMatch(/^Mastery: /);
    expect(gainsTitle).toMatch(/^Learning gains: /);
    for (const [id, title] of [
      ['reach', 'Children reached'],
      [mastery.id, masteryTitle],
      [gains.id, gainsTitle],
    ] as const) {
      const { href, csv } = await tableCsv(page, title);
      expect(new URL(href, origin).searchParams.get('lang')).toBe('en');
      const screen = await screenTable(page, `t-${id.replace('/', '-')}`);
      expect(screen.length).toBeGreaterThan(2);
      expect(screen, id).toEqual(parseCsv(csv));
    }
    const gainsScreen = await screenTable(page, `t-${gains.id.replace('/', '-')}`);
    expect(gainsScreen[0]).toContain("Knowledge: Hake's g");
    expect(gainsScreen[1]!.some((c) => /^-?\d\.\d\d/.test(c))).toBe(true);
    const feedback = await tableCsv(page, "Children's feedback");
    const feedbackCsv = parseCsv(feedback.csv);
    const turned = await screenTable(page, 't-feedback');
    expect(turned).toEqual(feedbackCsv[0]!.map((h, i) => [h, feedbackCsv[1]![i]]));
    // The most-missed questions' words, read from the item banks when asked for.
    const missed = release.tables.find((t) => t.kind === 'most-missed');
    expect(missed?.columns.length).toBeGreaterThan(0);
    const [topic, item] = missed!.columns[0]!.split('/') as [string, string];
    const bank = [...catalogue.measurement!.values()].find((b) => b.topic === topic)!;
    const words = page.locator('#section-most-missed details.question-words');
    await words.locator('summary').click();
    await words.locator('dd').first().waitFor();
    expect(await words.locator('dd').first().textContent()).toBe(
      bank.items.find((i) => i.id === item)!.prompt.text,
    );
    expect(await words.locator('dd').count()).toBe(missed!.columns.length);

    // The statistics (MEAS-06, MEAS-11), one row each turned a quarter, CSV equal to the screen:
    // a topic's play evidence against its checks (with the rules' version), its questions' p, r
    // and flags in words, and the checks' KR-20.
    const evidence = release.tables.find((t) => t.kind === 'evidence')!;
    // The same topic's questions.
    const items = release.tables.find(
      (t) => t.kind === 'items' && t.id.endsWith(`/${evidence.id.split('/')[1]}`),
    )!;
    const caption = async (id: string) =>
      (await page.locator(`table#t-${id.replace('/', '-')} caption`).textContent())!.replace(
        /, term t-synthetic$/,
        '',
      );
    const evidenceTitle = await caption(evidence.id);
    const topicName = evidenceTitle.replace(/^Play and checks: /, '');
    await page
      .locator('details.table-on-request > summary', {
        hasText: `Show the figures: Questions: ${topicName}`,
      })
      .click();
    await page.locator(`table#t-${items.id.replace('/', '-')}`).waitFor();
    await page
      .locator('details.table-on-request > summary', {
        hasText: 'Show the figures: How consistent each check is',
      })
      .click();
    await page.locator('table#t-reliability').waitFor();
    const itemsTitle = await caption(items.id);
    expect(evidenceTitle).toMatch(/^Play and checks: /);
    expect(itemsTitle).toMatch(/^Questions: /);
    for (const [id, title] of [
      [evidence.id, evidenceTitle],
      [items.id, itemsTitle],
      ['reliability', 'How consistent each check is'],
    ] as const) {
      const { csv } = await tableCsv(page, title);
      const rows = parseCsv(csv);
      const screen = await screenTable(page, `t-${id.replace('/', '-')}`);
      expect(screen, id).toEqual(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    }
    await page
      .locator('#section-evidence')
      .getByText('The play estimates follow version 1 of the evidence rules.', { exact: false })
      .first()
      .waitFor();
    const itemRows = await screenTable(page, `t-${items.id.replace('/', '-')}`);
    // Some question of the topic has its p and r shown, and its flags in words.
    const shownP = itemRows.filter(([h, v]) => / p \(% of points\)$/.test(h!) && /%$/.test(v!));
    expect(shownP.length).toBeGreaterThan(0);
    const flags = itemRows.filter(([h]) => /: flags$/.test(h!)).map(([, v]) => v!);
    expect(flags.some((f) => f !== '[c]')).toBe(true);
    for (const f of flags)
      expect(f).toMatch(
        /^(\[c\]|none|((very easy|very hard|weak link to the other questions) \([^)]*\)(; )?)+)$/,
      );
    expect(itemRows[2]![0]).toMatch(/^Ages \d+–\d+, pre-check, .+: children$/);
    expect(await axeViolations(page), 'dashboard').toEqual([]);

    // The list names the term, its days and who built it; building it again is refused.
    await page.getByRole('link', { name: 'All terms' }).click();
    await page.getByRole('link', { name: 'Figures for t-synthetic' }).waitFor();
    await page.getByText(/Built on .* by Coordinator \d+\./).waitFor();
    await build('t-synthetic', from, to);
    await page.getByRole('link', { name: /already built/ }).waitFor();

    // In Khmer: a device whose profile reads Khmer shows the figures and downloads them in Khmer.
    const kmNation = km('nation');
    const kmUi = km('');
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await page.getByRole('button', { name: kmUi['first.band.5-7']! }).click();
    await page.getByRole('button', { name: kmUi['avatar.fox']! }).click();
    await page.getByRole('button', { name: kmUi['first.start']! }).click();
    await page.getByRole('button', { name: kmUi['first.start']! }).waitFor({ state: 'detached' });
    await page.goto(`${origin}/account/nation/t-synthetic`);
    await page
      .getByRole('heading', {
        level: 1,
        name: kmNation['nation.page.dashboard.title']!.replace('{term}', 't-synthetic'),
      })
      .waitFor();
    await page
      .getByRole('heading', { level: 2, name: kmNation['nation.page.section.reach']! })
      .waitFor();
    const kmTitle = kmNation['nation.page.section.reach']!;
    const kmLink = page.getByRole('link', {
      name: kmNation['nation.page.csv']!.replace('{table}', kmTitle),
      exact: true,
    });
    const kmHref = (await kmLink.getAttribute('href'))!;
    expect(new URL(kmHref, origin).searchParams.get('lang')).toBe('km');
    const kmCsv = await page.evaluate(async (url) => (await fetch(url)).text(), kmHref);
    const kmScreen = await screenTable(page, 't-reach');
    expect(kmScreen[0]![0]).toBe(kmNation['nation.table.area']);
    expect(kmScreen).toEqual(parseCsv(kmCsv));
    expect(await axeViolations(page), 'dashboard, Khmer').toEqual([]);

    // The browser logs the refused builds (422 and 409); nothing else went wrong.
    expect(watch.consoleErrors.filter((e) => !/status of (409|422)/.test(e))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);
});
