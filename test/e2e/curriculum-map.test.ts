import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { shippedContent } from '../helpers/content';

const enabled = browserAvailable();
const catalogue = (await shippedContent()).catalogue;

describe.skipIf(!enabled)('the curriculum map in Chromium', () => {
  const suite = browserSuite({ catalogue });

  it('shows every topic against the three levels, the framework strands, and prints', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    await page.goto(`${suite.server.origin}/library`);
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
    expect((await runAxe(page)).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByRole('link', { name: '14 to 16' }).click();
    await page.getByRole('heading', { name: 'Curriculum map: ages 14 to 16', level: 1 }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print this map' }).isVisible()).toBe(false);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
