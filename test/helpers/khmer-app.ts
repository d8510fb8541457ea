import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sourceHash } from '../../src/engine';
import { loadCatalogue } from '../../src/content/catalogue';

/** The fixture's sensitive activity (14–16), a copy of its 8–10 one. */
export const SENSITIVE_ID = 'km-private-photo';

/** A made-up "translation" for tests: the English behind a Khmer word, placeholders kept. */
export const fake = (english: string): string => `ខ្មែរ ${english}`;

const json = (path: string, value: unknown) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};

/** A locale file with a made-up translation of each English text, made from the current text. */
const localeFile = (texts: Iterable<[string, string]>, status = 'machine') => ({
  $schema: '../../schema/locale.schema.json',
  strings: Object.fromEntries(
    [...texts].map(([id, en]) => [id, { text: fake(en), sourceHash: sourceHash(en), status }]),
  ),
});

/**
 * A content root for the Khmer end-to-end test, made in a temporary folder from
 * test/fixtures/khmer: its 8–10 activity, a sensitive 14–16 copy of it, every content text and
 * every UI message a child sees "translated" into Khmer (status machine, so Khmer passes the
 * threshold for 8–10 and 14–16 but the sensitive activity is not reviewed), and one Thai text
 * (Thai stays below the threshold). No real translation is written.
 */
export async function khmerContentRoot(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'kite-khmer-'));
  for (const f of ['topics.json', 'countries', 'packs'])
    cpSync(join('test/fixtures/khmer', f), join(root, f), { recursive: true });
  const activities = join(root, 'packs/khmer/activities');
  const source = readFileSync(join(activities, 'km-strong-password.json'), 'utf8');
  const copy = JSON.parse(source.replaceAll('km-strong-password', SENSITIVE_ID)) as Record<
    string,
    unknown
  >;
  copy.band = '14-16';
  copy.sensitive = {
    minBand: '14-16',
    adultNote: {
      id: `${SENSITIVE_ID}.sensitive.adult`,
      text: 'This one is about a serious topic.',
    },
    childNote: { id: `${SENSITIVE_ID}.sensitive.child`, text: 'You can stop at any time.' },
  };
  json(join(activities, `${SENSITIVE_ID}.json`), copy);

  const { catalogue, errors } = await loadCatalogue(root);
  if (errors.length) throw new Error(`fixture content: ${errors.map((e) => e.message).join('; ')}`);
  json(join(root, 'locales/km/all.json'), localeFile(catalogue.texts));
  json(join(root, 'locales/th/all.json'), localeFile([...catalogue.texts].slice(0, 1)));

  for (const area of ['', 'feedback', 'class-child', 'measure']) {
    const english = JSON.parse(readFileSync(join('content/ui', area, 'en.json'), 'utf8')) as Record<
      string,
      string
    >;
    // A content root carries the English of every UI area it translates (content:check).
    json(join(root, 'ui', area, 'en.json'), english);
    json(join(root, 'ui', area, 'km.json'), {
      ...localeFile(Object.entries(english)),
      $schema: area ? '../../schema/locale.schema.json' : '../schema/locale.schema.json',
    });
  }
  return root;
}

/**
 * Builds the web app from `root` (packs: khmer) into a temporary folder and returns it. About a
 * minute: once per test file.
 */
export function buildFrom(root: string): string {
  const out = `${root}-dist`;
  const vite = join('node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      KITE_CONTENT_DIR: root,
      KITE_PACKS: 'khmer',
      KITE_BUILD_OUT: out,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
    encoding: 'utf8',
  });
  if (run.status !== 0 || !readdirSync(out).includes('index.html'))
    throw new Error(`web build from ${root} failed:\n${run.stderr}`);
  return out;
}
