import { describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe';
import { chooseLanguage } from '../helpers/child';
import { browserAvailable, watchContext } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';

const enabled = browserAvailable();

describe.skipIf(!enabled)('first run and home in Chromium', () => {
  const suite = browserSuite();

  it('goes from first run to home with no console errors, axe violations or foreign requests', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, suite.server.origin);
    const page = await context.newPage();
    const res = await page.goto(suite.server.origin + '/', { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Kite');

    await page.getByRole('heading', { name: 'Pick your language' }).waitFor();
    expect((await runAxe(page)).violations.map((v) => v.id)).toEqual([]);
    await chooseLanguage(page);
    expect((await runAxe(page)).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: '8 to 10' }).click();
    await page.getByRole('button', { name: 'Fox' }).click();
    await page.getByRole('heading', { name: 'Your progress stays here' }).waitFor();
    expect((await runAxe(page)).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: "Let's play" }).click();

    await page.getByRole('heading', { name: 'Your sky map' }).waitFor();
    const axe = await runAxe(page);
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    await context.close();
  });

  it('serves the security headers with the page', async () => {
    const res = await fetch(suite.server.origin + '/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
  });
});
