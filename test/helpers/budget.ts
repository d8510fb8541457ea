import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The page-weight budgets of SPEC §4 and issue 4, in bytes. */
export const BUDGETS = {
  initialJsGz: 50 * 1024,
  gameChunkGz: 30 * 1024,
  firstVisit: 250 * 1024,
  precachePerLangBand: 2 * 1024 * 1024,
} as const;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const size = (path: string) => statSync(path).size;

/** JS the browser must fetch before the first screen: the entry and its preloaded imports. */
export function initialJs(dist: string): { files: string[]; gz: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  return { files, gz: files.reduce((n, f) => n + gz(join(dist, f)), 0) };
}

/** Every game player chunk (`*-player-*.js`) with its gzipped size. */
export function gameChunks(dist: string): { file: string; gz: number }[] {
  return readdirSync(join(dist, 'assets'))
    .filter((f) => /-player-[\w-]+\.js$/.test(f))
    .map((f) => ({ file: f, gz: gz(join(dist, 'assets', f)) }));
}

/** URLs the service worker precaches (from the generated sw.js), each once as the cache holds it. */
export function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!))];
}

/** The password word lists (listed by the build in dictionaries.json), fetched after first play. */
export function dictionaryUrls(dist: string): string[] {
  return JSON.parse(readFileSync(join(dist, 'dictionaries.json'), 'utf8')) as string[];
}

/** Bytes of the password word lists a device keeps once a first activity is played. */
export function dictionaryBytes(dist: string): number {
  return dictionaryUrls(dist).reduce((n, u) => n + size(join(dist, u)), 0);
}

/**
 * What one child's device keeps for offline play in a language and band after one visit: the
 * precached shell plus that band's content bundle and home file, the index and the country packs. A device
 * that has its band's bundle reads every activity from it (`web/content/client.ts`
 * `activity()`; the offline e2e checks that no activity file is fetched then), so the
 * activities' own files are not kept as well. The password word lists come on top after a first
 * activity ({@link dictionaryBytes}).
 */
export function offlineBytes(dist: string, lang: string, band: string): number {
  const shell = precacheUrls(dist).reduce((n, u) => n + size(join(dist, u)), 0);
  const content = join(dist, 'content', lang);
  const files = [
    join(content, 'index.json'),
    join(content, 'bands', `${band}.json`),
    join(content, 'home', `${band}.json`),
    ...readdirSync(join(content, 'countries')).map((f) => join(content, 'countries', f)),
  ];
  return shell + files.filter(existsSync).reduce((n, f) => n + size(f), 0);
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The recordings of a band's activities in a language (the voice for devices with none). They
 * are kept in their own runtime cache after a 5–7 child's first play, not in the precache.
 */
export function recordingBytes(
  dist: string,
  lang: string,
  band: string,
): { files: number; bytes: number } {
  const content = join(dist, 'content', lang);
  const index = JSON.parse(readFileSync(join(content, 'audio.json'), 'utf8')) as Record<
    string,
    string
  >;
  const bundle = JSON.parse(readFileSync(join(content, 'bands', `${band}.json`), 'utf8')) as {
    activities: { id: string }[];
  };
  const urls = Object.entries(index)
    .filter(([id]) => bundle.activities.some((a) => id.startsWith(`${a.id}.`)))
    .map(([, url]) => join(dist, url))
    .filter(existsSync);
  return { files: urls.length, bytes: urls.reduce((n, f) => n + statSync(f).size, 0) };
}
