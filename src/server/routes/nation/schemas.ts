import { z } from 'zod';
import { AREA_LEVELS, ITEM_FLAGS, TABLE_KINDS, TERM_DAY, TERM_ID, dayStart } from '../../../engine';

/** A term id: what a release is named by. */
export const TermId = z
  .string()
  .regex(TERM_ID, 'must be lowercase letters, digits and dashes, at most 32 (e.g. 2026-t1)');

const Day = z
  .string()
  .regex(TERM_DAY, 'must be a day, YYYY-MM-DD')
  .refine((d) => dayStart(d) !== null, { message: 'must be a real day, YYYY-MM-DD' });

/** A term to build: its id and its days, `to` included. */
export const BuildBody = z
  .strictObject({
    term: TermId,
    from: Day.describe('The first day of the term, YYYY-MM-DD'),
    to: Day.describe('The last day of the term (included), YYYY-MM-DD; before today'),
  })
  .refine((t) => t.from <= t.to, { message: '`from` must not come after `to`', path: ['to'] });

export const TermParams = z.strictObject({ term: TermId });

/**
 * A release's query: a table, and at most a level or an area of it (STAT-05). Any other name is
 * refused as `unknown_filter` by the route (the object lets it through to say so by name).
 */
export const ReleaseQuery = z.looseObject({
  table: z.string().min(1).max(160).optional().describe('A table id of the release'),
  level: z.string().min(1).max(16).optional().describe('national, region or district'),
  area: z.string().min(1).max(64).optional().describe('An area id of the release'),
});

export const CsvQuery = z.strictObject({
  table: z.string().min(1).max(160).describe('A table id of the release'),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'is not a language code')
    .optional()
    .describe('The language of the header and the symbols’ words (default en)'),
});

const Shown = z
  .object({
    shown: z.enum(['count', 'percent', 'below', 'above', 'c', 'z']),
    value: z.number().optional(),
  })
  .describe(
    'count: rounded to 5; percent: whole; below/above: "<5%"/">95%"; c: "[c]" confidential; z: "[z]" not applicable',
  );

const Cell = z.object({
  area: z.string(),
  level: z.enum(AREA_LEVELS),
  column: z.string(),
  count: Shown,
  percent: Shown.optional(),
  gain: z
    .object({
      hake: z.number().nullable(),
      d: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      lowReliability: z.boolean(),
    })
    .optional(),
  statistic: z
    .object({
      r: z.number().nullable().optional(),
      low: z.number().nullable().optional(),
      high: z.number().nullable().optional(),
      p: Shown.optional(),
      flags: z.array(z.enum(ITEM_FLAGS)).optional(),
      kr20: z.number().nullable().optional(),
    })
    .optional()
    .describe(
      'evidence: r with its 95% interval (Fisher z); items: p (mean score as a percent), r with the rest of the form, heuristic flags; reliability: KR-20. Null: undefined (no spread, one item)',
    ),
});

export const TableSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TABLE_KINDS),
    columns: z.array(z.string()),
    cells: z.array(Cell),
    rulesVersion: z
      .number()
      .int()
      .optional()
      .describe('evidence tables: the version of the stealth-evidence rules (MEAS-06)'),
  })
  .meta({ id: 'NationTable' });

export const AreaSchema = z
  .object({
    id: z.string(),
    level: z.enum(AREA_LEVELS),
    name: z.string(),
    parent: z.string().nullable(),
  })
  .meta({ id: 'NationArea' });

const Header = {
  term: z.string(),
  from: z.string(),
  to: z.string(),
  builtAt: z.string(),
  builtBy: z.string().nullable().describe("The builder's name (null once their account is gone)"),
};

export const ReleaseSummarySchema = z
  .object({
    ...Header,
    tables: z.array(
      z.object({ id: z.string(), kind: z.enum(TABLE_KINDS), columns: z.array(z.string()) }),
    ),
  })
  .meta({ id: 'NationReleaseSummary' });

export const ReleaseSchema = z
  .object({ ...Header, areas: z.array(AreaSchema), tables: z.array(TableSchema) })
  .meta({ id: 'NationRelease' });
