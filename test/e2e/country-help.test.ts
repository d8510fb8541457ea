import { describe, expect, it } from 'vitest';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';

// KITE_COUNTRY=kh: the child's help page lists the Cambodian helpline a coordinator confirmed
// and, for reporting, the international directory instead of the hotline and police number that
// content/countries/kh.json still marks "to verify".
const enabled = browserAvailable();

describe.skipIf(!enabled)('the help page of a Cambodian deployment', () => {
  const suite = browserSuite({ country: 'kh' });

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
});
