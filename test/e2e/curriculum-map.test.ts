import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { browserAvailable, launchBrowser, watchContext } from '../helpers/browser';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createApp } from '../../src/server/app';
import { loadCatalogue } from '../../src/content/catalogue';
import type { Catalogue } from '../../src/engine';

const enabled = browserAvailable();

describe.skipIf(!enabled)('the curriculum map in Chromium', () => {
  let app: FastifyInstance;
  let testDb: TestDb;
  let origin: string;
  let catalogue: Catalogue;
  let browser: Browser;

  beforeAll(async () => {
    catalogue = (await loadCatalogue('content')).catalogue;
    testDb = await freshSqlite();
    app = await createApp({ db: testDb.db, webDir: 'dist', logLevel: 'warn', catalogue });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.dispose();
  });

  it('shows every topic against the three levels, the framework strands, and prints', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/library`);
    await page.getByRole('link', { name: 'Curriculum map' }).click();
    await page.getByRole('heading', { name: 'Curriculum map: ages 8 to 10', level: 1 }).waitFor();
    const rows = page.locator('.map-table tbody tr');
    expect(await rows.count()).toBe(catalogue.topics.size);
    // A game of the band sits in its topic's row and level's column, and links to its lesson.
    const game = catalogue.activities.get('contact-8-10-identify' as never)!;
    const contactRow = rows.filter({ has: page.getByRole('rowheader', { name: 'Safe contact' }) });
    await contactRow.getByRole('link', { name: game.title.text }).waitFor();
    await contactRow.getByText('Online relationships').waitFor();
    await page.getByRole('heading', { name: 'Frameworks and their sources' }).waitFor();
    await page.getByText('UK Council for Internet Safety (UKCIS)').waitFor();
    expect(
      (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);

    await page.getByRole('link', { name: '14 to 16' }).click();
    await page.getByRole('heading', { name: 'Curriculum map: ages 14 to 16', level: 1 }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print this map' }).isVisible()).toBe(false);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
