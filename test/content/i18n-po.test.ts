import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';
import { exportPo, importPo } from '../../src/content/i18n';
import { contentReport } from '../../src/content/report';
import { sourceHash } from '../../src/engine';
import { runCli } from '../../src/server/cli/run';

// The translators' workflow on a fixture (test/fixtures/i18n: one activity, its km translations
// in every status and one stale, UI areas with and without km files): PO export, msgfmt, import,
// the round trip, and imports that must be refused without changing anything. Each test works
// on its own copy of the fixture.

const FIXTURE = 'test/fixtures/i18n';
const work = mkdtempSync(join(tmpdir(), 'kite-po-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let copies = 0;
const copy = (): string => {
  const dir = join(work, `c${copies++}`);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
};

/** Every file under `dir`, path → text: to show that an import changed nothing. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else out[relative(dir, join(d, e.name))] = readFileSync(join(d, e.name), 'utf8');
  };
  walk(dir);
  return out;
}

/** The PO entry of a context (from its comments to its msgstr). */
const entryOf = (po: string, ctx: string): string =>
  po.split('\n\n').find((e) => e.includes(`msgctxt "${ctx}"`)) ?? '';

/** Replaces the msgstr of one entry; optionally its flags line (null: none), and adds a `#.`. */
function translate(
  po: string,
  ctx: string,
  msgstr: string,
  flags?: string | null,
  note?: string,
): string {
  const entry = entryOf(po, ctx);
  expect(entry, ctx).not.toBe('');
  let next = entry.replace(
    /msgstr "(?:[^"\\]|\\.)*"(\n"(?:[^"\\]|\\.)*")*$/,
    `msgstr ${JSON.stringify(msgstr)}`,
  );
  if (flags !== undefined) {
    next = next.replace(/^#, .*\n/m, '');
    if (flags !== null) next = next.replace(/^msgctxt/m, `#, ${flags}\nmsgctxt`);
  }
  if (note !== undefined) next = next.replace(/^(#, .*\n)?msgctxt/m, `#. ${note}\n$&`);
  return po.replace(entry, next);
}

const json = (dir: string, rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8'));

const HAS_MSGFMT = spawnSync('msgfmt', ['--version']).status === 0;

describe('i18n export', () => {
  it('writes one entry per string, with its id, English, where it is, its status and staleness', async () => {
    const po = await exportPo(FIXTURE, 'km', 'all');
    expect(po).toMatch(/^msgid ""\nmsgstr ""\n"Project-Id-Version: Kite\\n"\n/);
    expect(po).toContain('"Language: km\\n"');
    expect(entryOf(po, 'quiz.title')).toBe(
      [
        '#: packs/core/activities/quiz.json',
        '#. activity quiz, band 8-10, topic scams',
        '#. machine translation',
        '#, fuzzy',
        'msgctxt "quiz.title"',
        'msgid "Quiz"',
        'msgstr "សំណួរ"',
      ].join('\n'),
    );
    expect(entryOf(po, 'quiz.summary')).toMatch(/#, fuzzy\nmsgctxt "quiz.summary"/);
    expect(entryOf(po, 'quiz.s1.body')).not.toContain('#,');
    expect(entryOf(po, 'quiz.s1.hint')).toContain(
      '#. activity quiz, band 8-10, topic scams, scene s1\n#. note: Who sent the message, not who is in it.',
    );
    const stale = entryOf(po, 'quiz.goal');
    expect(stale).toContain('#. stale: the English changed');
    expect(stale).toContain('#, fuzzy\n');
    expect(stale).toContain('msgid "I can spot a trick."\nmsgstr "ខ្ញុំអាចមើលឃើញល្បិច!"');
    expect(entryOf(po, 'quiz.adult')).toMatch(/msgstr ""$/);
    expect(entryOf(po, 'ui:classes:report.title')).toContain(
      '#: ui/classes/en.json\n#. UI area classes (adults read it)\n#. machine translation\n#, fuzzy\nmsgctxt "ui:classes:report.title"',
    );
    // Stable order: content files by path then id, then the UI files by path then key.
    const order = [...po.matchAll(/^msgctxt "([^"]+)"/gm)].map((m) => m[1] as string);
    expect(order.indexOf('country.intl.currency')).toBeLessThan(order.indexOf('quiz.adult'));
    expect(order.indexOf('quiz.adult')).toBeLessThan(order.indexOf('quiz.goal'));
    expect(order.at(-1)).toBe('ui:feedback:feedback.q');
    expect(order.filter((c) => c.startsWith('ui:'))).toEqual([
      'ui:classes:report.children',
      'ui:classes:report.title',
      'ui:root:app.name', // ui/en.json
      'ui:root:home.count',
      'ui:root:home.hello',
      'ui:feedback:feedback.q',
    ]);
    expect(await exportPo(FIXTURE, 'km', 'all')).toBe(po);
  });

  it('exports only the content or only the UI with a scope', async () => {
    const content = await exportPo(FIXTURE, 'km', 'content');
    const ui = await exportPo(FIXTURE, 'km', 'ui');
    expect(content).toContain('msgctxt "quiz.title"');
    expect(content).not.toContain('msgctxt "ui:');
    expect(ui).not.toContain('msgctxt "quiz.');
    expect(ui).toContain('msgctxt "ui:root:home.count"');
  });

  it('passes msgfmt -c (gettext; the CI installs it)', async (ctx) => {
    if (!HAS_MSGFMT) {
      if (process.env.CI) expect.fail('msgfmt is missing: .ci/run installs gettext');
      console.warn('[kite] no msgfmt: the PO syntax check is SKIPPED (apt-get install gettext)');
      ctx.skip();
    }
    const dir = copy();
    const file = join(work, 'msgfmt.po');
    const po = translate(
      await exportPo(dir, 'km', 'all'),
      'ui:root:home.count',
      '{count, plural, other {# សកម្មភាព}}',
      null,
    );
    writeFileSync(file, po);
    const r = spawnSync('msgfmt', ['-c', '-o', '/dev/null', file], { encoding: 'utf8' });
    expect(
      r.stderr.split('\n').filter((l) => l !== '' && !l.includes("'PO-Revision-Date'")),
    ).toEqual([]);
    expect(r.status).toBe(0);
    // gettext's own tools rewrite the file (comment order, wrapping, unknown flags dropped):
    // its statuses still come back the same, so nothing changes.
    const clean = join(work, 'clean.po');
    writeFileSync(clean, await exportPo(dir, 'km', 'all'));
    const cat = join(work, 'cat.po');
    expect(spawnSync('msgcat', ['-w', '40', clean, '-o', cat]).status).toBe(0);
    expect(readFileSync(cat, 'utf8')).not.toBe(readFileSync(clean, 'utf8'));
    const before = tree(dir);
    const result = await importPo(dir, 'km', readFileSync(cat, 'utf8'));
    expect(result.ok && result.written).toEqual([]);
    expect(tree(dir)).toEqual(before);
  });
});

describe('i18n import', () => {
  it('changes no file when the export comes back unchanged, and exports the same bytes again', async () => {
    const dir = copy();
    const before = tree(dir);
    const po = await exportPo(dir, 'km', 'all');
    const result = await importPo(dir, 'km', po);
    expect(result.ok && result.written).toEqual([]);
    expect(result.ok && result.plan.counts).toMatchObject({ added: 0, updated: 0, unchanged: 6 });
    expect(tree(dir)).toEqual(before);
    expect(await exportPo(dir, 'km', 'all')).toBe(po);
  });

  it('writes translations with the current source hash and the status of their flags, sorted, and round-trips', async () => {
    const dir = copy();
    let po = await exportPo(dir, 'km', 'all');
    po = translate(po, 'quiz.adult', 'សួរ៖ តើអ្នកនឹងប្រាប់នរណា?', 'fuzzy'); // draft
    po = translate(po, 'quiz.title', 'សំណួរ', null); // a person checked it: reviewed
    po = translate(po, 'quiz.s1.a', 'ជម្រើស ក', 'fuzzy', 'machine translation'); // machine
    po = translate(po, 'topic.scams.title', 'ការបោកប្រាស់'); // untouched flags (none): reviewed
    po = translate(po, 'ui:root:home.count', '{count, plural, other {# សកម្មភាព}}');
    po = translate(po, 'ui:feedback:feedback.q', 'យ៉ាងម៉េចដែរ?', 'fuzzy');
    const result = await importPo(dir, 'km', po);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.written).toEqual([
      'locales/km/quiz.json',
      'locales/km/topics.json',
      'ui/feedback/km.json',
      'ui/km.json',
    ]);
    const quiz = json(dir, 'locales/km/quiz.json');
    expect(Object.keys(quiz.strings)).toEqual(Object.keys(quiz.strings).sort());
    expect(quiz.$schema).toBe('../../../../../content/schema/locale.schema.json');
    expect(quiz.strings['quiz.adult']).toEqual({
      text: 'សួរ៖ តើអ្នកនឹងប្រាប់នរណា?',
      sourceHash: sourceHash('Ask: who would you tell?'),
      status: 'draft',
    });
    expect(quiz.strings['quiz.title'].status).toBe('reviewed');
    expect(quiz.strings['quiz.s1.a'].status).toBe('machine');
    // The stale translation came back untouched: still stale, still reviewed.
    expect(quiz.strings['quiz.goal']).toEqual({
      text: 'ខ្ញុំអាចមើលឃើញល្បិច!',
      sourceHash: sourceHash('I can spot a trick!'),
      status: 'reviewed',
    });
    expect(json(dir, 'locales/km/topics.json')).toEqual({
      $schema: '../../schema/locale.schema.json',
      strings: {
        'topic.scams.title': {
          text: 'ការបោកប្រាស់',
          sourceHash: sourceHash('Scams'),
          status: 'reviewed',
        },
      },
    });
    expect(json(dir, 'ui/feedback/km.json').$schema).toBe('../../schema/locale.schema.json');
    expect(json(dir, 'ui/km.json').strings['home.count'].status).toBe('reviewed');
    const { errors } = await loadCatalogue(dir);
    expect(errors).toEqual([]);

    const again = await exportPo(dir, 'km', 'all');
    const before = tree(dir);
    const second = await importPo(dir, 'km', again);
    expect(second.ok && second.written).toEqual([]);
    expect(tree(dir)).toEqual(before);
    expect(await exportPo(dir, 'km', 'all')).toBe(again);
  });

  it('keeps a translation of an older English, marked stale, and refreshes a stale one a person confirmed', async () => {
    const dir = copy();
    let po = await exportPo(dir, 'km', 'all');
    // Exported before the English of quiz.summary changed from "A small quiz.":
    po = translate(po, 'quiz.summary', 'សំណួរតូច។', null).replace(
      'msgid "A tiny quiz."',
      'msgid "A small quiz."',
    );
    po = translate(po, 'quiz.goal', 'ខ្ញុំអាចមើលឃើញល្បិច។', null);
    const result = await importPo(dir, 'km', po);
    expect(result.ok && result.plan.counts.stale).toBe(1);
    const quiz = json(dir, 'locales/km/quiz.json');
    expect(quiz.strings['quiz.summary'].sourceHash).toBe(sourceHash('A small quiz.'));
    expect(quiz.strings['quiz.goal']).toEqual({
      text: 'ខ្ញុំអាចមើលឃើញល្បិច។',
      sourceHash: sourceHash('I can spot a trick.'),
      status: 'reviewed',
    });
    expect(entryOf(await exportPo(dir, 'km', 'all'), 'quiz.summary')).toContain('#. stale:');
  });

  it('shows a translation as stale once its English changes, and content:report counts it', async () => {
    const dir = copy();
    const file = join(dir, 'packs/core/activities/quiz.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Quiz"', '"A quiz"'));
    const entry = entryOf(await exportPo(dir, 'km', 'all'), 'quiz.title');
    expect(entry).toContain('#. stale: the English changed');
    expect(entry).toContain('#. machine translation\n#. stale: the English changed');
    expect(entry).toContain('#, fuzzy\n');
    expect(entry).toContain('msgid "A quiz"\nmsgstr "សំណួរ"');
    const { catalogue, warnings } = await loadCatalogue(dir);
    const km = contentReport(catalogue, warnings).languages.find((l) => l.lang === 'km');
    expect(km?.content.stale).toBe(2);
    expect(contentReport(catalogue, warnings).warnings['translation-stale']).toBe(2);
  });

  it('refuses a file with problems, listing each with its line and code, and changes nothing', async () => {
    const dir = copy();
    const before = tree(dir);
    let po = await exportPo(dir, 'km', 'all');
    po = translate(po, 'quiz.s1.body', 'គ្មានឈ្មោះ'); // placeholder dropped
    po = translate(po, 'ui:root:home.hello', 'សួស្តី {nom}'); // ICU argument renamed
    po = translate(po, 'ui:root:home.count', '{count, plural, one {# សកម្មភាព}}'); // no other
    po = translate(po, 'ui:classes:report.children', '{n} កុមារ {'); // broken ICU
    po = translate(po, 'quiz.s1.hint', '\nគិតអំពីអ្នកផ្ញើ'); // a line break msgid lacks
    po = po.replace('msgctxt "quiz.adult"', 'msgctxt "quiz.gone"'); // unknown id
    po = po.replace('msgctxt "ui:root:app.name"', 'msgctxt "ui:root:app.nam"'); // unknown key
    po = po.replace('"Language: km\\n"', '"Language: th\\n"'); // another language
    const lineOf = (needle: string) => po.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const result = await importPo(dir, 'km', po);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const got = result.problems.map((p) => [p.line, p.code]);
    expect(got).toEqual(
      [
        [1, 'po-language'],
        [lineOf('msgctxt "quiz.gone"'), 'po-unknown-id'],
        [lineOf('msgstr "គ្មានឈ្មោះ"'), 'po-placeholders'],
        [lineOf('msgstr "\\nគិតអំពីអ្នកផ្ញើ"'), 'po-newlines'],
        [lineOf('msgstr "{n} កុមារ {"'), 'po-icu'],
        [lineOf('msgctxt "ui:root:app.nam"'), 'po-unknown-id'],
        [lineOf('msgstr "{count, plural, one'), 'po-icu'],
        [lineOf('msgstr "សួស្តី {nom}"'), 'po-placeholders'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(
      result.problems.find((p) => p.code === 'po-icu' && /other/.test(p.message))?.message,
    ).toBe(
      '"ui:root:home.count": "{count, plural, …}" has no "other" case (every plural and select needs one)',
    );
    expect(tree(dir)).toEqual(before);
  });

  it.each([
    [
      'a string never closed',
      (po: string) => po.replace('msgid "Quiz"', 'msgid "Quiz'),
      'msgid "Quiz',
      'po-syntax',
    ],
    [
      'an unknown keyword',
      (po: string) => po.replace('msgid "Quiz"', 'msgid "Quiz"\nmsgtsr "x"'),
      'msgtsr "x"',
      'po-syntax',
    ],
    [
      'a context given twice',
      (po: string) => po.replace('msgctxt "quiz.title"', 'msgctxt "quiz.adult"'),
      'msgctxt "quiz.title"',
      'po-duplicate',
    ],
    [
      'an entry without msgctxt',
      (po: string) => po.replace('msgctxt "quiz.adult"\n', ''),
      'msgid "Ask: who would you tell?"',
      'po-no-context',
    ],
    [
      'msgid_plural',
      (po: string) =>
        po.replace(
          'msgid "Quiz"\nmsgstr "សំណួរ"',
          'msgid "Quiz"\nmsgid_plural "Quizzes"\nmsgstr[0] "សំណួរ"',
        ),
      'msgctxt "quiz.title"',
      'po-plural',
    ],
    [
      'another language',
      (po: string) => po.replace('"Language: km\\n"', '"Language: th\\n"'),
      'msgid ""',
      'po-language',
    ],
  ])('refuses %s with its line and changes nothing', async (_name, corrupt, at, code) => {
    const dir = copy();
    const before = tree(dir);
    const clean = await exportPo(dir, 'km', 'all');
    const po = corrupt(clean);
    expect(po).not.toBe(clean);
    // The line of the marker in the clean file (the corruption may remove the marker).
    const lines = (po.includes(at) ? po : clean).split('\n');
    const line = lines.findIndex((l) => l.startsWith(at)) + 1;
    const result = await importPo(dir, 'km', po);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    expect(result.problems[0]?.line).toBe(line);
    expect(tree(dir)).toEqual(before);
  });

  it('runs from the command line: problems as file:line: code: message, exit 1; bad options exit 2', async () => {
    const dir = copy();
    const before = tree(dir);
    const file = join(work, 'bad.po');
    writeFileSync(
      file,
      (await exportPo(dir, 'km', 'all')).replace('msgctxt "quiz.adult"', 'msgctxt "quiz.gone"'),
    );
    const run = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        env: {},
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    };
    const bad = await run(['i18n', 'import', '--lang', 'km', '--format', 'po', '--dir', dir, file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      new RegExp(
        `^${file}:\\d+: po-unknown-id: content id "quiz.gone" does not exist in the English source\\n`,
      ),
    );
    expect(bad.stderr).toContain('1 problem(s)');
    expect(tree(dir)).toEqual(before);
    const out = join(work, 'out.po');
    const ok = await run([
      'i18n',
      'export',
      '--lang=km',
      '--format=po',
      '--scope=ui',
      '--dir',
      dir,
      '--out',
      out,
    ]);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(await exportPo(dir, 'km', 'ui'));
    const stdout = await run(['i18n', 'export', '--lang', 'km', '--format', 'po', '--dir', dir]);
    expect(stdout.stdout).toBe(await exportPo(dir, 'km', 'all'));
    const dry = await run([
      'i18n',
      'import',
      '--lang',
      'km',
      '--format',
      'po',
      '--dir',
      dir,
      '--dry-run',
      out,
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('0 added, 0 updated, 2 unchanged');
    expect((await run(['i18n', 'export', '--lang', 'en', '--format', 'po'])).code).toBe(2);
    expect((await run(['i18n', 'export', '--lang', 'km', '--format', 'xliff'])).stderr).toContain(
      'kite i18n export: --format must be po',
    );
    expect((await run(['i18n', 'import', '--lang', 'km', '--format', 'po'])).code).toBe(2);
  });
});
