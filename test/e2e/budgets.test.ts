import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANDS } from '../../src/engine';
import {
  BUDGETS,
  dictionaryBytes,
  dictionaryUrls,
  gameChunks,
  initialJs,
  kb,
  offlineBytes,
  precacheUrls,
} from '../helpers/budget';
import { browserAvailable } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { setUpChild } from '../helpers/child';

// Budgets over the production build (the e2e global setup builds dist/ when stale).
const DIST = 'dist';

describe('page-weight budgets of the production build', () => {
  it(`initial JS (shell + first route) is at most ${kb(BUDGETS.initialJsGz)} gzipped`, () => {
    const { files, gz } = initialJs(DIST);
    expect(files.length).toBeGreaterThan(0);
    expect(gz, `${files.join(', ')} = ${kb(gz)}`).toBeLessThanOrEqual(BUDGETS.initialJsGz);
  });

  it('keeps the schema library and the password dictionaries out of the shell', () => {
    const { files } = initialJs(DIST);
    for (const f of files) {
      const js = readFileSync(join(DIST, f), 'utf8');
      expect(js, f).not.toMatch(/ZodError|\$ZodType/);
      expect(js, f).not.toMatch(/zxcvbn/i);
    }
  });

  it('leaves the password word lists out of the precache (fetched after a first activity)', () => {
    const dicts = dictionaryUrls(DIST);
    expect(dicts.length).toBeGreaterThanOrEqual(2);
    expect(dictionaryBytes(DIST)).toBeGreaterThan(300 * 1024);
    const precached = precacheUrls(DIST);
    for (const d of dicts) expect(precached).not.toContain(d.replace(/^\//, ''));
    for (const u of precached.filter((u) => u.endsWith('.js')))
      expect(readFileSync(join(DIST, u), 'utf8'), u).not.toMatch(/qwertyuiop|azerty/);
  });

  it(`every game chunk is at most ${kb(BUDGETS.gameChunkGz)} gzipped`, () => {
    const chunks = gameChunks(DIST);
    expect(chunks.map((c) => c.file.split('-player-')[0]).sort()).toEqual([
      'chat',
      'choice',
      'continue',
      'feed',
      'hotspot',
      'inbox',
      'password',
      'sequence',
      'settings',
      'sort',
    ]);
    for (const c of chunks)
      expect(c.gz, `${c.file} = ${kb(c.gz)}`).toBeLessThanOrEqual(BUDGETS.gameChunkGz);
  });

  it(`what a device keeps offline is at most ${kb(BUDGETS.precachePerLangBand)} per language and band`, () => {
    for (const band of BANDS) {
      const bytes = offlineBytes(DIST, 'en', band) + dictionaryBytes(DIST);
      expect(bytes, `en ${band} = ${kb(bytes)}`).toBeLessThanOrEqual(BUDGETS.precachePerLangBand);
    }
  });
});

const enabled = browserAvailable();

describe.skipIf(!enabled)('first visit weight in Chromium', () => {
  const suite = browserSuite({}, 'allow');

  it(`a first visit through first run to home transfers at most ${kb(BUDGETS.firstVisit)} (fonts and service-worker fetches aside)`, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    const urls: string[] = [];
    page.on('requestfinished', (req) => {
      urls.push(req.url());
      if (/\.woff2?$/.test(req.url())) return;
      sizes.push(
        req
          .sizes()
          .then((s) => ({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize })),
      );
    });
    await setUpChild(page, suite.server.origin);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    const total = all.reduce((n, r) => n + r.bytes, 0);
    expect(all.length).toBeGreaterThan(3);
    // Khmer is offered, so first run names it in its own script: the Khmer font's faces are
    // declared and the browser fetches them for that one word. Nothing else in Khmer is fetched
    // by a child who picks English: no Khmer content, no UI translation (\`ui-*\`).
    const khmer = urls.filter((u) => /khmer|\/km[/.-]|\/assets\/ui-/i.test(u));
    expect(khmer.length).toBeGreaterThan(0);
    expect(
      khmer.filter((u) => !/\/assets\/(noto-sans-khmer-|khmer-\d+-)[\w-]+\.(woff2|css)$/.test(u)),
    ).toEqual([]);
    expect(total, all.map((r) => `${r.url} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(
      BUDGETS.firstVisit,
    );
    await context.close();
  });
});
