// `kite nation seed` and `kite nation build` as operators run them (the compiled command line, a
// child process over a SQLite folder or a PostgreSQL database): synthetic data written from a
// seed, refused over real learners without --synthetic, a release built once on worker threads
// (the compiled worker), and the same cells from any number of workers as from one thread.
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease, termPlan, termTables, termWindow } from '../../src/engine';
import type { Catalogue, PublishedTable, TableInput } from '../../src/engine';
import { foldTerm } from '../../src/server/nation/fold-workers';
import { releasePlaces } from '../../src/server/nation/geography';
import { seedSynthetic } from '../../src/server/nation/synthetic/seed';
import { shippedContent } from '../helpers/content';
import { COMPILED_CLI, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import { DIALECTS, freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function kite(args: string[], env: Readonly<Record<string, string>>): Promise<Run> {
  const entry = await compiledEntry(COMPILED_CLI);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, DATABASE_URL: '', KITE_DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const TERM = ['--term-from', '2026-01-05', '--term-to', '2026-04-03'];
let content: Catalogue;

compiledBuildBeforeAll();
beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

describe('the synthetic data generator', () => {
  it('makes the same data from the same seed', async () => {
    const dbs = [await freshSqlite(), await freshSqlite()];
    try {
      const rows = [];
      for (const t of dbs) {
        const options = { seed: 5, schools: 3, from: '2026-01-05', to: '2026-04-03', families: 4 };
        const r = await seedSynthetic(t.db, content, options, Date.UTC(2026, 4, 1));
        expect(r).toMatchObject({ schools: 3, learners: expect.any(Number) });
        expect(r.events).toBeGreaterThan(1000);
        rows.push(
          await t.db.kysely
            .selectFrom('kite_learner_event')
            .select(['id', 'learner_id', 'at', 'event'])
            .orderBy('id')
            .execute(),
        );
      }
      expect(rows[1]).toEqual(rows[0]);
    } finally {
      for (const t of dbs) await t.dispose();
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: kite nation seed and build`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (enabled) await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'writes a term of synthetic data, refusing to add to real learners unless told',
      async () => {
        const bad = await kite(
          [
            'nation',
            'seed',
            '--schools',
            '4',
            '--seed',
            '1',
            '--term-from',
            '2026-04-04',
            '--term-to',
            '2026-04-03',
          ],
          testDb.env,
        );
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('--term-from must not come after --term-to');
        const first = await kite(
          ['nation', 'seed', '--schools', '12', '--seed', '1', ...TERM],
          testDb.env,
        );
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(
          /nation seed: SYNTHETIC data written in [\d.]+ s: \d+ regions, \d+ districts, 12 schools/,
        );
        const schools = await testDb.db.kysely.selectFrom('kite_school').select('name').execute();
        expect(schools.every((s) => /^Synthetic school \d+$/.test(s.name))).toBe(true);
        // Learners now exist: more only with --synthetic, and never from a seed used already.
        const again = await kite(
          ['nation', 'seed', '--schools', '2', '--seed', '2', ...TERM],
          testDb.env,
        );
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/has learners already.*--synthetic.*nothing was written/);
        const same = await kite(
          ['nation', 'seed', '--schools', '2', '--seed', '1', '--synthetic', ...TERM],
          testDb.env,
        );
        expect(same.code).toBe(1);
        expect(same.stderr).toContain('seed 1 was used on this database already');
        const more = await kite(
          ['nation', 'seed', '--schools', '2', '--seed', '2', '--synthetic', ...TERM],
          testDb.env,
        );
        expect(more.code, more.stderr).toBe(0);
      },
      120_000,
    );

    it.skipIf(!enabled)(
      'builds the release once from the command line, on worker threads, the same as one thread folds it',
      async () => {
        const build = [
          'nation',
          'build',
          '--term',
          '2026-t1',
          '--from',
          '2026-01-05',
          '--to',
          '2026-04-03',
        ];
        if (dialect.name === 'postgres') {
          // The seeded term's months were made: none of its events waits in the default partition.
          const waiting = await sql<{ n: string }>`
            select count(*) as n from kite_learner_event_default`.execute(testDb.db.kysely);
          expect(waiting.rows[0]!.n).toBe('0');
        }
        const built = await kite(build, testDb.env);
        expect(built.stderr).toBe('');
        expect(built.code).toBe(0);
        expect(built.stdout).toMatch(
          /nation build: the release of 2026-t1 \(2026-01-05 to 2026-04-03\) is built: 42 tables/,
        );
        const again = await kite(build, testDb.env);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('(release_exists); nothing was built');

        // The stored tables, against the fold done again in this thread and on 3 workers.
        const stored = await testDb.db.kysely
          .selectFrom('kite_nation_release_table')
          .select('body')
          .where('term', '=', '2026-t1')
          .orderBy('position')
          .execute();
        const tables = stored.map((s) => JSON.parse(s.body) as PublishedTable);
        const window = termWindow({ from: '2026-01-05', to: '2026-04-03' })!;
        const options = { measurement: true, disabledTopics: [] };
        const plan = termPlan(content, window, options);
        const places = await releasePlaces(testDb.db, 'International');
        const published = [];
        const foldedBy: TableInput[][] = [];
        for (const workers of [1, 3]) {
          const fold = termTables(plan, places.nationalSchool);
          const feedback = await testDb.db.kysely
            .selectFrom('kite_feedback')
            .select((eb) => ['answer', eb.fn.countAll<number | string>().as('n')])
            .where('day', '>=', '2026-01-05')
            .where('day', '<=', '2026-04-03')
            .groupBy('answer')
            .execute();
          for (const f of feedback) fold.addFeedback(f.answer, Number(f.n));
          const { tables: folded, tally } = await foldTerm(
            testDb.db,
            content,
            plan,
            options,
            places,
            fold,
            workers,
          );
          expect(tally.events).toBeGreaterThan(10_000);
          foldedBy.push(folded);
          const r = publishRelease({
            term: '2026-t1',
            geography: places.geography,
            tables: folded,
          });
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          published.push(r.release.tables);
        }
        expect(published[0]).toEqual(tables);
        expect(published[1]).toEqual(tables);
        // The school cells themselves, sums of the statistics included, to the last bit.
        expect(foldedBy[1]).toEqual(foldedBy[0]);
        expect(foldedBy[0]!.some((t) => t.kind === 'reliability' && t.cells.length > 0)).toBe(true);
        // Statistics show from the synthetic play and checks: a correlation, an item's p and r.
        expect(
          tables.some(
            (t) => t.kind === 'evidence' && t.cells.some((c) => typeof c.statistic?.r === 'number'),
          ),
        ).toBe(true);
        expect(
          tables.some(
            (t) =>
              t.kind === 'items' &&
              t.cells.some(
                (c) => c.statistic?.p?.shown === 'percent' && c.statistic.r !== undefined,
              ),
          ),
        ).toBe(true);
        // Something shows: the nation's reach, and a gain from 30 pairs or more somewhere.
        const reach = tables.find((t) => t.id === 'reach')!;
        expect(
          reach.cells.find((c) => c.area === 'national' && c.column === 'total')!.count.shown,
        ).toBe('count');
        expect(
          tables.some((t) => t.kind === 'gains' && t.cells.some((c) => c.gain !== undefined)),
        ).toBe(true);
      },
      180_000,
    );
  });
}
