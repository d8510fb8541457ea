import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { loadCatalogue } from '../../src/content/catalogue';
import { shippedContent } from '../helpers/content';
import { contentBundles } from '../../src/content/bundle';
import { createApp } from '../../src/server/app';
import { preferredLanguages } from '../../src/server/http/route-hints';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

// The `Link` header of the app shell on a game's path: what a first visit fetches at once.
// The build writes route-hints.json (scripts/vite-route-hints.ts); here a hand-made one over
// the real content, so the file names are known.
const hint = (name: string, css = false) => ({
  modules: [`/assets/${name}-x1.js`],
  styles: css ? [`/assets/${name}-x1.css`] : [],
});
const HINTS = {
  shell: {
    modules: ['/assets/index-x1.js', '/assets/preact-x1.js'],
    styles: ['/assets/index-x1.css'],
  },
  play: hint('play', true),
  players: {
    continue: hint('continue-player'),
    settings: hint('settings-player', true),
    sort: hint('sort-player'),
  },
  fonts: ['/assets/sans-400-x1.woff2', '/assets/sans-700-x1.woff2'],
};

/** What every page names first: the shell's code, styles and fonts. */
const SHELL = [
  '/assets/index-x1.js modulepreload',
  '/assets/preact-x1.js modulepreload',
  '/assets/index-x1.css preload style cors',
  '/assets/sans-400-x1.woff2 preload font cors',
  '/assets/sans-700-x1.woff2 preload font cors',
];

/** The `Link` header's entries, as `url rel` strings. */
const links = (header: string | string[] | number | undefined): string[] =>
  String(header ?? '')
    .split(', ')
    .filter(Boolean)
    .map((part) => {
      const [url, ...params] = part.split('; ');
      const rel = params.find((p) => p.startsWith('rel='))!.slice(4);
      const as = params.find((p) => p.startsWith('as='));
      return `${url!.slice(1, -1)} ${rel}${as ? ` ${as.slice(3)}` : ''}${params.includes('crossorigin') ? ' cors' : ''}`;
    });

function writeWebDir(
  webDir: string,
  hints: unknown,
  content: Awaited<ReturnType<typeof loadCatalogue>>['catalogue'],
) {
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kite</title>');
  writeFileSync(
    join(webDir, 'route-hints.json'),
    typeof hints === 'string' ? hints : JSON.stringify(hints),
  );
  for (const f of contentBundles(content, 'test')) {
    if (!('json' in f) || !/^(en|km)\/(activities\/|countries\/intl\.json)/.test(f.path)) continue;
    const file = join(webDir, 'content', f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(f.json));
  }
}

describe('preload hints on the app shell of a game', () => {
  let content: Awaited<ReturnType<typeof loadCatalogue>>['catalogue'];
  const dirs: string[] = [];
  const apps: Awaited<ReturnType<typeof createApp>>[] = [];
  let testDb: TestDb;
  const appWith = async (hints: unknown, disabledTopics: string[] = []) => {
    const webDir = mkdtempSync(join(tmpdir(), 'kite-hints-'));
    dirs.push(webDir);
    writeWebDir(webDir, hints, content);
    const app = await createApp({ db: testDb.db, webDir, disabledTopics });
    apps.push(app);
    return app;
  };
  beforeAll(async () => {
    content = (await shippedContent()).catalogue;
    testDb = await DIALECTS[0]!.fresh();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await testDb?.dispose();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('names the shell, the settings, the Play page and the first scene’s player, in that order', async () => {
    const app = await appWith(HINTS);
    const res = await app.inject({ url: '/play/sample-prize-message' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(links(res.headers.link)).toEqual([
      ...SHELL,
      '/api/client-config preload fetch cors',
      '/assets/play-x1.js modulepreload',
      '/assets/play-x1.css preload style cors',
      // sample-prize-message opens on a `continue` scene.
      '/assets/continue-player-x1.js modulepreload',
      // What its first screen reads: the activity and the international country pack (it has
      // no recordings index in this build).
      '/content/en/activities/sample-prize-message.json preload fetch cors',
      '/content/en/countries/intl.json preload fetch cors',
    ]);
    const classMode = await app.inject({ url: '/class/play/sample-prize-message' });
    expect(links(classMode.headers.link)).toEqual(links(res.headers.link));
  });

  it("names the game's content in the first language of Accept-Language that has it, else English", async () => {
    const app = await appWith(HINTS);
    const content = async (url: string, acceptLanguage?: string) =>
      links(
        (
          await app.inject({
            url,
            headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
          })
        ).headers.link,
      ).filter((l) => l.startsWith('/content/'));
    expect(await content('/play/sample-new-friend', 'km-KH,km;q=0.9,en;q=0.8')).toEqual([
      '/content/km/activities/sample-new-friend.json preload fetch cors',
      '/content/km/countries/intl.json preload fetch cors',
    ]);
    expect(await content('/play/sample-new-friend', 'en-GB, km;q=0.5')).toEqual([
      '/content/en/activities/sample-new-friend.json preload fetch cors',
      '/content/en/countries/intl.json preload fetch cors',
    ]);
    expect(await content('/play/sample-prize-message', 'fr-FR, fr;q=0.9')).toEqual([
      '/content/en/activities/sample-prize-message.json preload fetch cors',
      '/content/en/countries/intl.json preload fetch cors',
    ]);
    // Languages the build has no content for, and nonsense, fall back to English.
    expect(await content('/play/sample-new-friend', 'zz, ../../etc;q=1, *')).toEqual(
      await content('/play/sample-new-friend'),
    );
  });

  it('ranks Accept-Language by q, then by order', () => {
    expect(preferredLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual([
      'fr',
      'en',
      'de',
    ]);
    expect(preferredLanguages('en;q=0.2, km')).toEqual(['km', 'en']);
    expect(preferredLanguages('km;q=0, en')).toEqual(['en']);
    expect(preferredLanguages(undefined)).toEqual([]);
    expect(preferredLanguages('')).toEqual([]);
  });

  it('follows ?scene= to the scene a link opens on, and ignores names that are not scenes', async () => {
    const app = await appWith(HINTS);
    const player = async (url: string) =>
      links((await app.inject({ url })).headers.link).filter((l) => l.includes('-player-'));
    // sample-profile-setup opens on `settings`; its `share-sort` scene is a sort.
    expect(await player('/play/sample-profile-setup')).toEqual([
      '/assets/settings-player-x1.js modulepreload',
      '/assets/settings-player-x1.css preload style cors',
    ]);
    expect(await player('/play/sample-profile-setup?scene=share-sort')).toEqual([
      '/assets/sort-player-x1.js modulepreload',
    ]);
    expect(await player('/play/sample-profile-setup?scene=__proto__')).toEqual(
      await player('/play/sample-profile-setup'),
    );
    // A type without a hint (password has none here): no player named.
    expect(await player('/play/sample-profile-setup?scene=password')).toEqual([]);
  });

  it('names no player for an unknown activity or one whose topic is switched off, and only the shell off the game pages', async () => {
    const app = await appWith(HINTS, ['scams']);
    const unknown = await app.inject({ url: '/play/no-such-activity' });
    expect(unknown.statusCode).toBe(200);
    expect(links(unknown.headers.link).some((l) => l.includes('-player-'))).toBe(false);
    expect(links(unknown.headers.link)).toContain('/assets/play-x1.js modulepreload');
    // sample-prize-message is of the scams topic.
    const off = await app.inject({ url: '/play/sample-prize-message' });
    expect(links(off.headers.link).some((l) => l.includes('-player-'))).toBe(false);
    expect(links(off.headers.link).some((l) => l.startsWith('/content/'))).toBe(false);
    // Other pages: the shell's own files only; paths that are not pages (404): nothing.
    for (const url of ['/', '/library', '/start?next=/play/x'])
      expect(links((await app.inject({ url })).headers.link), url).toEqual(SHELL);
    // A build from before font hints: the shell's code and styles.
    const older = await appWith({ ...HINTS, fonts: undefined });
    expect(links((await older.inject({ url: '/' })).headers.link)).toEqual(SHELL.slice(0, 3));
    for (const url of ['/no-such-page', '/play/a/b', '/assets/none.js', '/api/client-config']) {
      expect((await app.inject({ url })).headers.link, url).toBeUndefined();
    }
  });

  it('serves the shell without hints when route-hints.json is not what the build writes', async () => {
    for (const bad of [
      '{not json',
      { play: HINTS.play },
      { ...HINTS, play: hint('../../etc/x') },
      { ...HINTS, fonts: ['/assets/../../etc/passwd'] },
    ]) {
      const app = await appWith(bad);
      const res = await app.inject({ url: '/play/sample-prize-message' });
      expect(res.statusCode).toBe(200);
      expect(res.headers.link).toBeUndefined();
    }
  });
});
