// `nation seed`: a term of synthetic data for demos, tests and the dashboard bench (never for
// production data); `nation build`: a term's national release built from the command line, as
// POST /api/nation/releases does (docs/national.md "Releases").

import { z } from 'zod';
import type { Command } from '../command';
import { TERM_DAY, TERM_ID, dayStart } from '../../../engine';
import { loadServerContent } from '../../content/load';
import { deploymentContext } from '../../deployment/context';
import { buildRelease } from '../../nation/build';
import { nationContext } from '../../nation/context';
import { HttpError } from '../../http/errors';
import { SeedRefused, seedSynthetic } from '../../nation/synthetic/seed';

const day = (what: string) =>
  z
    .string()
    .regex(TERM_DAY, `must be a day, YYYY-MM-DD (${what})`)
    .refine((d) => dayStart(d) !== null, { message: `must be a real day, YYYY-MM-DD (${what})` });

const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    });

interface SeedInput {
  readonly schools: number;
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  readonly classes?: number;
  readonly children?: number;
  readonly families?: number;
  readonly topics?: number;
  readonly events?: number;
  readonly synthetic: boolean;
}

export const nationSeedCommand: Command<SeedInput> = {
  words: ['nation', 'seed'],
  summary:
    'write a term of SYNTHETIC schools, children and events (demo and test databases only, never production)',
  options: {
    schools: { kind: 'value', value: '<n>', describe: 'how many schools (required)' },
    'term-from': { kind: 'value', value: '<YYYY-MM-DD>', describe: "the term's first day" },
    'term-to': { kind: 'value', value: '<YYYY-MM-DD>', describe: "the term's last day" },
    seed: { kind: 'value', value: '<n>', describe: 'the seed: the same seed makes the same data' },
    classes: { kind: 'value', value: '<n>', describe: 'classes per school (default 4)' },
    children: { kind: 'value', value: '<n>', describe: 'children per class, on average (25)' },
    families: {
      kind: 'value',
      value: '<n>',
      describe: "parents' children, in no school (2 a school)",
    },
    topics: { kind: 'value', value: '<n>', describe: 'topics a child takes up, on average (2)' },
    events: { kind: 'value', value: '<n>', describe: 'aim for about this many events in all' },
    synthetic: {
      kind: 'flag',
      describe: 'add to a database that has learners already (marks the run as synthetic data)',
    },
  },
  needs: 'db',
  input: z
    .object({
      args: z.array(z.string()).max(0, 'takes no arguments'),
      options: z.object({
        schools: count(1, 100_000),
        'term-from': day('the first day'),
        'term-to': day('the last day'),
        seed: count(0, 2 ** 31 - 1),
        classes: count(1, 50).optional(),
        children: count(1, 200).optional(),
        families: count(0, 10_000_000).optional(),
        topics: count(0, 9).optional(),
        events: count(0, 1_000_000_000).optional(),
        synthetic: z.literal(true).optional(),
      }),
    })
    .refine((i) => i.options['term-from'] <= i.options['term-to'], {
      message: '--term-from must not come after --term-to',
      path: ['options', 'term-to'],
    })
    .transform(({ options: o }) => ({
      schools: o.schools,
      from: o['term-from'],
      to: o['term-to'],
      seed: o.seed,
      classes: o.classes,
      children: o.children,
      families: o.families,
      topics: o.topics,
      events: o.events,
      synthetic: o.synthetic === true,
    })),
  async run(ctx, i) {
    const catalogue = await loadServerContent(
      ctx.config.contentDir,
      ctx.config.country,
      ctx.config.packs,
    );
    const started = Date.now();
    try {
      const r = await seedSynthetic(
        ctx.db,
        catalogue,
        {
          seed: i.seed,
          schools: i.schools,
          from: i.from,
          to: i.to,
          ...(i.classes === undefined ? {} : { classesPerSchool: i.classes }),
          ...(i.children === undefined ? {} : { childrenPerClass: i.children }),
          ...(i.families === undefined ? {} : { families: i.families }),
          ...(i.topics === undefined ? {} : { topicsPerChild: i.topics }),
          ...(i.events === undefined ? {} : { targetEvents: i.events }),
          measurement: ctx.config.measurement,
          synthetic: i.synthetic,
          progress: (line) => ctx.out(`  ${line}`),
        },
        ctx.now(),
      );
      ctx.out(
        `nation seed: SYNTHETIC data written in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${r.regions} regions, ${r.districts} districts, ${r.schools} schools (${r.unassignedSchools} not placed), ` +
          `${r.classes} classes, ${r.learners} learners, ${r.events} events, ${r.feedback} feedback answers`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof SeedRefused)) throw e;
      ctx.err(`kite nation seed: ${e.message}; nothing was written`);
      return 1;
    }
  },
};

interface BuildInput {
  readonly term: string;
  readonly from: string;
  readonly to: string;
}

export const nationBuildCommand: Command<BuildInput> = {
  words: ['nation', 'build'],
  summary: "build a term's national release (once; after the term ended), as the dashboard does",
  options: {
    term: { kind: 'value', value: '<id>', describe: 'the term id, e.g. 2026-t1' },
    from: { kind: 'value', value: '<YYYY-MM-DD>', describe: "the term's first day" },
    to: { kind: 'value', value: '<YYYY-MM-DD>', describe: "the term's last day (included)" },
  },
  needs: 'db',
  input: z
    .object({
      args: z.array(z.string()).max(0, 'takes no arguments'),
      options: z.object({
        term: z.string().regex(TERM_ID, 'must be lowercase letters, digits and dashes, at most 32'),
        from: day('the first day'),
        to: day('the last day'),
      }),
    })
    .refine((i) => i.options.from <= i.options.to, {
      message: '--from must not come after --to',
      path: ['options', 'to'],
    })
    .transform(({ options }) => options),
  async run(ctx, term) {
    const { config } = ctx;
    const catalogue = await loadServerContent(config.contentDir, config.country, config.packs);
    const deployment = deploymentContext(ctx.db, catalogue, ctx.now, {
      country: config.country,
      retention: config.retention,
    });
    const nation = nationContext(ctx.db, catalogue, ctx.now, {
      measurement: config.measurement,
      disabledTopics: config.disabledTopics,
      settings: deployment.settings,
    });
    try {
      const { release, tally } = await buildRelease(nation, term, null);
      ctx.out(
        `nation build: the release of ${release.term} (${release.from} to ${release.to}) is built: ` +
          `${release.tables.length} tables over ${release.areas.length} areas, from ${tally.learners} learners, ` +
          `${tally.events} events and ${tally.feedback} feedback answers, in ${(tally.ms / 1000).toFixed(1)} s`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      ctx.err(`kite nation build: ${e.message} (${e.code}); nothing was built`);
      return 1;
    }
  },
};
