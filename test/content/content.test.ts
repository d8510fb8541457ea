import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shippedContent } from '../helpers/content';
import { FILE_SCHEMAS, formatIssue } from '../../src/engine/content';
import { INTERACTION_TYPES } from '../../src/engine';

const run = promisify(execFile);

describe('the content/ folder', () => {
  it('passes every check', async () => {
    const { errors, catalogue } = await shippedContent();
    expect(errors.map(formatIssue)).toEqual([]);
    expect(catalogue.countries.has('intl' as never)).toBe(true);
  });

  it('has the sample pack using all nine interaction types', async () => {
    const { catalogue } = await shippedContent();
    const used = new Set<string>();
    for (const a of catalogue.activities.values()) {
      if (catalogue.sources.get(`activity:${a.id}`)?.pack !== 'sample') continue;
      for (const s of Object.values(a.scenes)) used.add(s.interaction.type);
    }
    for (const type of INTERACTION_TYPES.filter((t) => t !== 'continue'))
      expect(used).toContain(type);
  });

  it('lists only verifiable helplines in the intl pack', async () => {
    const { catalogue } = await shippedContent();
    const intl = catalogue.countries.get('intl' as never);
    // Only the two international directories, each marked as a directory that a sentence
    // names as "your country's … (find it at …)", never a number a child could call.
    expect((intl?.helplines ?? []).map((h) => [h.kind, h.source])).toEqual([
      ['helpline', 'https://childhelplineinternational.org/helplines/'],
      ['hotline', 'https://www.inhope.org/what-we-do/how-to-report'],
    ]);
    for (const h of intl?.helplines ?? []) {
      expect(h.phone).toBeUndefined();
      expect(h.directory).toBe(true);
      expect(h.mention?.text).toMatch(/^your country's /);
    }
  });

  it('ships JSON Schema files that match the zod schemas (run npm run content:schema)', () => {
    for (const [name, schema] of Object.entries(FILE_SCHEMAS)) {
      const generated = {
        ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' }),
        title: `Kite ${name} file`,
      };
      const shipped = JSON.parse(
        readFileSync(`content/schema/${name}.schema.json`, 'utf8'),
      ) as unknown;
      expect(shipped).toEqual(generated);
    }
  });
});

describe('npm run content:check', () => {
  const check = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', ...args]).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout,
        err: e.stderr,
      }),
    );

  it('exits 0 on the real content and 1 with every error listed on a broken root', async () => {
    expect((await check()).code).toBe(0);
    const broken = await check('--dir', 'test/fixtures/content-broken/missing-scene');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(
      'test/fixtures/content-broken/missing-scene/packs/core/activities/quiz.json: scenes.s1.interaction.answerGroups[0].outcome.next: scene "s9" does not exist',
    );
  }, 30_000);

  it('rejects bad arguments with a clear message', async () => {
    for (const [args, message] of [
      [['--dir'], '--dir needs a path'],
      [['--nope'], 'unknown argument "--nope"'],
      [['--dir', 'no/such/folder'], '"no/such/folder" is not a directory'],
    ] as const) {
      const r = await check(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
  }, 30_000);
});

describe('docs/content-authoring.md', () => {
  it('has an annotated example that passes the checker', async () => {
    const { buildCatalogue } = await import('../../src/engine/content/build');
    const doc = readFileSync('docs/content-authoring.md', 'utf8');
    const example = doc.split('## 15.')[1]?.split('```json')[1]?.split('```')[0];
    expect(example).toBeDefined();
    const files = [
      { path: 'topics.json', text: readFileSync('content/topics.json', 'utf8') },
      { path: 'countries/intl.json', text: readFileSync('content/countries/intl.json', 'utf8') },
      ...readdirSync('content/frameworks').map((f) => ({
        path: `frameworks/${f}`,
        text: readFileSync(`content/frameworks/${f}`, 'utf8'),
      })),
      {
        path: 'packs/doc/pack.json',
        text: JSON.stringify({
          id: 'doc',
          title: { id: 'pack.doc.title', text: 'Doc' },
          description: { id: 'pack.doc.description', text: 'Doc' },
        }),
      },
      { path: 'packs/doc/activities/gift-card-chat.json', text: example ?? '' },
    ];
    expect(buildCatalogue(files).errors.map(formatIssue)).toEqual([]);
  });
});
