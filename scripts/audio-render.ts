// Renders recordings of a pack's texts with an open speech tool, for devices with no voice.
//   npm run audio:render -- --pack core --band 5-7 --lang en [--dir content] [--check] [--force]
// Needs espeak-ng and opusenc (Debian: apt-get install espeak-ng opus-tools) — an authoring
// tool only: the recordings are committed, so neither the build nor CI needs them.
// Writes content/packs/<pack>/audio/<lang>/<content-id>.ogg (mono Opus, ~14 kbit/s speech) and
// manifest.json (the hash of the text each recording says). Skips recordings whose text is
// unchanged, never overwrites a recording made by a person ("by": "person" in the manifest),
// and removes synthetic recordings of texts that are gone.
// --check renders nothing: it lists missing and stale recordings and exits 1 when there are any.
// Exits 2 on bad arguments or a missing tool.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadCatalogue } from '../src/content/catalogue';
import { audioStatus, textsToRecord } from '../src/content/audio';
import type { AudioEntry, AudioManifest } from '../src/content/audio';
import { formatAudioManifest, readAudioManifest } from '../src/content/audio-manifest';
import { BANDS } from '../src/engine';
import type { Band } from '../src/engine';

const USAGE =
  'usage: npm run audio:render -- --pack <pack> --band <5-7|8-10|11-13|14-16> --lang <lang> [--dir content] [--check] [--force]';
/** The voice: espeak-ng's British English with a higher, softer variant, a little slower. */
const VOICE = ['-v', 'en-gb+f3', '-s', '140', '-p', '55'];
const BITRATE = '12';

const Args = z.object({
  pack: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a pack id'),
  band: z.enum(BANDS),
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$/, 'a language code such as en or km'),
  dir: z.string().min(1),
  check: z.boolean(),
  force: z.boolean(),
});

function parseArgs(argv: readonly string[]): z.infer<typeof Args> | string {
  const raw: Record<string, string | boolean> = { dir: 'content', check: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check' || a === '--force') raw[a.slice(2)] = true;
    else if (['--pack', '--band', '--lang', '--dir'].includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return `${a} needs a value\n${USAGE}`;
      raw[a.slice(2)] = v;
    } else return `unknown argument "${a}"\n${USAGE}`;
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success)
    return `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`;
  return parsed.data;
}

function readManifest(file: string): AudioManifest | null {
  try {
    return readAudioManifest(file);
  } catch (e) {
    console.error(`audio:render: ${(e as Error).message}`);
    process.exit(1);
  }
}

function need(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error) {
    console.error(
      `audio:render: "${tool}" is not installed. On Debian: sudo apt-get install espeak-ng opus-tools`,
    );
    process.exit(2);
  }
}

function run(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
const { catalogue, errors } = await loadCatalogue(args.dir.replace(/\/+$/, ''));
if (errors.length > 0) {
  console.error(`audio:render: ${errors.length} content error(s); run npm run content:check`);
  process.exit(1);
}
if (!catalogue.packs.has(args.pack as never)) {
  console.error(`audio:render: no pack "${args.pack}" in ${args.dir}`);
  process.exit(2);
}
const texts = textsToRecord(catalogue, args.pack, args.band as Band, args.lang);
const outDir = join(args.dir, 'packs', args.pack, 'audio', args.lang);
const manifestFile = join(outDir, 'manifest.json');
const manifest = readManifest(manifestFile);
const status = audioStatus(texts, manifest);
const byPerson = (id: string) => manifest?.recordings[id]?.by === 'person';

if (args.check) {
  for (const t of status.missing) console.log(`missing: ${t.id}: ${t.text}`);
  for (const t of status.stale)
    console.log(`stale${byPerson(t.id) ? ' (recorded by a person)' : ''}: ${t.id}: ${t.text}`);
  console.log(
    `audio:render --check: ${texts.length} texts, ${status.current.length} current, ${status.stale.length} stale, ${status.missing.length} missing`,
  );
  process.exit(status.stale.length + status.missing.length > 0 ? 1 : 0);
}

need('espeak-ng', ['--version']);
need('opusenc', ['--version']);
mkdirSync(outDir, { recursive: true });
const voice = `espeak-ng ${VOICE.join(' ')} | opusenc --bitrate ${BITRATE} --speech --framesize 60 --downmix-mono`;
const todo = args.force
  ? texts.filter((t) => !byPerson(t.id))
  : [...status.missing, ...status.stale.filter((t) => !byPerson(t.id))];
const recordings: Record<string, AudioEntry> = { ...(manifest?.recordings ?? {}) };
const tmp = mkdtempSync(join(tmpdir(), 'kite-audio-'));
try {
  todo.forEach((t, n) => {
    const txt = join(tmp, 'text.txt');
    const wav = join(tmp, 'speech.wav');
    const ogg = join(outDir, `${t.id}.ogg`);
    writeFileSync(txt, t.text);
    run('espeak-ng', [...VOICE, '-f', txt, '-w', wav]);
    // A fixed serial number from the text's hash: the same text gives the same file.
    const serial = String(parseInt(t.hash, 16) % 2147483647);
    run('opusenc', [
      '--quiet',
      '--bitrate',
      BITRATE,
      '--speech',
      '--framesize',
      '60',
      '--downmix-mono',
      '--serial',
      serial,
      wav,
      ogg,
    ]);
    recordings[t.id] = { hash: t.hash, by: 'voice', bytes: statSync(ogg).size };
    if ((n + 1) % 50 === 0) console.log(`  ${n + 1}/${todo.length}`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
// Synthetic recordings whose text is gone (or now has country placeholders) are removed; other
// bands' recordings in the same folder stay while their text exists. A person's are kept.
const mine = new Set(texts.map((t) => t.id));
let removed = 0;
for (const [id, entry] of Object.entries(recordings)) {
  if (mine.has(id) || entry.by === 'person') continue;
  const text = catalogue.texts.get(id as never);
  if (text !== undefined && !text.includes('{')) continue;
  rmSync(join(outDir, `${id}.ogg`), { force: true });
  delete recordings[id];
  removed++;
}
// The speakers of a person's recordings (their consent and licence) are kept as they were.
writeFileSync(
  manifestFile,
  formatAudioManifest({ voice, speakers: manifest?.speakers, recordings }),
);
const files = readdirSync(outDir).filter((f) => f.endsWith('.ogg'));
const bytes = files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
console.log(
  `audio:render: ${todo.length} rendered, ${texts.length - todo.length} unchanged, ${removed} removed; ` +
    `${files.length} recordings in ${outDir}, ${(bytes / 1024).toFixed(0)} KB`,
);
