// The release builder's input checked before anything is computed: a wrong school, column or
// count is a problem with a stable code and the path to it, and nothing is published.

import { KIND_RULES } from './kinds';
import { GAIN_MEASURES, TABLE_KINDS, TOTAL } from './types';
import type { ReleaseInput, SchoolCell, TableInput } from './types';

/** The stable codes of an input problem. */
export const RELEASE_PROBLEMS = [
  'duplicate_area',
  'duplicate_school',
  'duplicate_table',
  'unknown_kind',
  'bad_columns',
  'unknown_school',
  'unknown_column',
  'duplicate_cell',
  'bad_count',
  'bad_numerator',
  'bad_pairs',
  'bad_sums',
] as const;
export type ReleaseProblemCode = (typeof RELEASE_PROBLEMS)[number];

/** One problem: its code, where (`tables[0].cells[3].children`) and what, in words. */
export interface ReleaseProblem {
  readonly code: ReleaseProblemCode;
  readonly path: string;
  readonly message: string;
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

const cellProblems = (cell: SchoolCell, at: string, t: TableInput): ReleaseProblem[] => {
  const out: ReleaseProblem[] = [];
  const bad = (code: ReleaseProblemCode, field: string, message: string) =>
    out.push({ code, path: `${at}.${field}`, message });
  if (!isCount(cell.children)) bad('bad_count', 'children', 'must be a whole number ≥ 0');
  if (cell.count !== undefined && !isCount(cell.count))
    bad('bad_count', 'count', 'must be a whole number ≥ 0');
  const rules = KIND_RULES[t.kind];
  if (rules.percent && rules.percentOf === 'count') {
    const n = cell.numerator;
    if (!isCount(cell.count) || (cell.children > 0 && cell.count === 0))
      bad('bad_count', 'count', 'must be a whole number ≥ 1 where there are children');
    else if (!isCount(n) || n > cell.count)
      bad('bad_numerator', 'numerator', 'must be a whole number from 0 to `count`');
  } else if (rules.percent) {
    const n = cell.numerator;
    if (!isCount(n) || n > cell.children)
      bad('bad_numerator', 'numerator', 'must be a whole number from 0 to `children`');
  }
  if (rules.gain) {
    const p = cell.pairs;
    const ok =
      p !== undefined &&
      p.n === cell.children &&
      [p.pre, p.post, p.diffSquares].every((v) => Number.isFinite(v) && v >= 0) &&
      p.pre <= 100 * p.n &&
      p.post <= 100 * p.n;
    if (!ok) bad('bad_pairs', 'pairs', 'needs n = children and sums of scores within 0–100');
  }
  if (rules.statistic) {
    const sums = cell.sums;
    const form = rules.statistic === 'reliability';
    const ok =
      sums !== undefined &&
      (form ? sums.length >= 6 && sums.length % 2 === 0 : sums.length === 5) &&
      sums.every((v) => Number.isFinite(v) && v >= 0);
    if (!ok)
      bad(
        'bad_sums',
        'sums',
        form
          ? 'needs [ΣT, ΣT², then Σx, Σx² of each of 2 items or more], each finite and ≥ 0'
          : 'needs 5 sums, each finite and ≥ 0',
      );
  }
  return out;
};

const tableProblems = (t: TableInput, at: string, schools: ReadonlySet<string>) => {
  const out: ReleaseProblem[] = [];
  if (!(TABLE_KINDS as readonly string[]).includes(t.kind))
    return [{ code: 'unknown_kind' as const, path: `${at}.kind`, message: 'not a table kind' }];
  const columns = new Set(t.columns);
  const gainOnly = KIND_RULES[t.kind].gain;
  if (
    t.columns.length === 0 ||
    columns.size !== t.columns.length ||
    columns.has(TOTAL) ||
    (gainOnly && t.columns.some((c) => !(GAIN_MEASURES as readonly string[]).includes(c)))
  )
    out.push({
      code: 'bad_columns',
      path: `${at}.columns`,
      message: `need distinct columns other than "${TOTAL}"${gainOnly ? ', each a gain measure' : ''}`,
    });
  const seen = new Set<string>();
  const widths = new Map<string, number>();
  t.cells.forEach((cell, i) => {
    const c = `${at}.cells[${i}]`;
    if (!schools.has(cell.school))
      out.push({ code: 'unknown_school', path: `${c}.school`, message: 'not in the geography' });
    if (!columns.has(cell.column))
      out.push({
        code: 'unknown_column',
        path: `${c}.column`,
        message: 'not a column of the table',
      });
    const key = `${cell.school}\u0000${cell.column}`;
    if (seen.has(key))
      out.push({ code: 'duplicate_cell', path: c, message: 'school and column given twice' });
    seen.add(key);
    const problems = cellProblems(cell, c, t);
    out.push(...problems);
    // A form's cells must sum the same items in every school.
    const width = widths.get(cell.column);
    if (problems.length > 0) return;
    if (cell.sums && width !== undefined && width !== cell.sums.length)
      out.push({
        code: 'bad_sums',
        path: `${c}.sums`,
        message: 'must have as many sums as the column’s other cells',
      });
    else if (cell.sums) widths.set(cell.column, cell.sums.length);
  });
  return out;
};

/** Every problem of a release builder's input; empty when it may be published. */
export function releaseProblems(input: ReleaseInput): readonly ReleaseProblem[] {
  const out: ReleaseProblem[] = [];
  const areas = new Set<string>(['national']);
  const schools = new Set<string>();
  const area = (id: string, path: string) => {
    if (areas.has(id) || id === TOTAL)
      out.push({ code: 'duplicate_area', path, message: 'area ids must be unique' });
    areas.add(id);
  };
  input.geography.regions.forEach((r, i) => {
    area(r.id, `geography.regions[${i}].id`);
    r.districts.forEach((d, j) => {
      const at = `geography.regions[${i}].districts[${j}]`;
      area(d.id, `${at}.id`);
      d.schools.forEach((s, k) => {
        if (schools.has(s))
          out.push({
            code: 'duplicate_school',
            path: `${at}.schools[${k}]`,
            message: 'a school belongs to one district',
          });
        schools.add(s);
      });
    });
  });
  const tables = new Set<string>();
  input.tables.forEach((t, i) => {
    if (tables.has(t.id))
      out.push({
        code: 'duplicate_table',
        path: `tables[${i}].id`,
        message: 'table ids must be unique',
      });
    tables.add(t.id);
    out.push(...tableProblems(t, `tables[${i}]`, schools));
  });
  return out;
}
