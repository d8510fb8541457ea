// Learners' contributions folded into a term's tables: what `publishRelease` takes. Tables shown
// by region and district keep sums per school and column (the 3-school rule needs them); the
// national-only tables (`most-missed`, `detection`, `feedback`, `evidence`, `items`,
// `reliability`) only ever show the nation, so they keep one cell a column, put on one school
// of the geography. Their statistics' sums are kept exactly (`exact-sum.ts`), so folds of any
// split of the learners (worker threads) add up to the same cells to the last bit. The fold
// keeps sums only, never a learner.

import { FEEDBACK_ANSWERS } from '../app/feedback';
import { BANDS } from '../types/text';
import type { Band } from '../types/text';
import { LIMBS, addExact, exactValue } from './exact-sum';
import type { LearnerTerm } from './learner-term';
import { STEALTH_RULES_VERSION } from './stealth';
import { EVIDENCE_COLUMNS, detectionColumns } from './term-plan';
import type { ItemForm, TermPlan } from './term-plan';
import { GAIN_MEASURES } from './types';
import type { PairSums, SchoolCell, TableInput, TableKind } from './types';

interface Sum {
  children: number;
  count: number;
  numerator: number;
  n: number;
  pre: number;
  post: number;
  diffSquares: number;
}

/** A cell of `kind` with the fields its kind carries. */
function cellOf(
  kind: TableKind,
  base: SchoolCell,
  s: { count: number; numerator: number; pairs?: PairSums; sums?: readonly number[] },
): SchoolCell {
  if (kind === 'activities') return { ...base, count: s.count };
  if (kind === 'mastery' || kind === 'most-missed') return { ...base, numerator: s.numerator };
  if (kind === 'detection') return { ...base, count: s.count, numerator: s.numerator };
  if (kind === 'gains' && s.pairs) return { ...base, pairs: s.pairs };
  if (s.sums) return { ...base, sums: s.sums };
  return base;
}

/** One table shown by area being folded: its cells by school, then column. */
class TableSums {
  readonly schools = new Map<string, Map<string, Sum>>();
  constructor(
    readonly id: string,
    readonly kind: TableKind,
    readonly columns: readonly string[],
  ) {}

  cell(school: string, column: string): Sum {
    let bySchool = this.schools.get(school);
    if (!bySchool) this.schools.set(school, (bySchool = new Map()));
    let s = bySchool.get(column);
    if (!s) {
      s = { children: 0, count: 0, numerator: 0, n: 0, pre: 0, post: 0, diffSquares: 0 };
      bySchool.set(column, s);
    }
    return s;
  }

  input(): TableInput {
    const cells: SchoolCell[] = [];
    const schools = [...this.schools.keys()].sort();
    for (const school of schools)
      for (const column of this.columns) {
        const s = this.schools.get(school)!.get(column);
        if (!s || s.children === 0) continue;
        const { n, pre, post, diffSquares } = s;
        cells.push(
          cellOf(
            this.kind,
            { school, column, children: s.children },
            { ...s, pairs: { n, pre, post, diffSquares } },
          ),
        );
      }
    return { id: this.id, kind: this.kind, columns: this.columns, cells };
  }
}

/**
 * A national-only table as folded: per column (in the table's order) children, `count` and
 * `numerator` (whole numbers), and the statistic's sums as exact limbs (`exact-sum.ts`: `LIMBS`
 * numbers a sum, `width` sums a column; empty for kinds without sums). Plain arrays, so a
 * worker thread posts it cheaply; parts of any split add up element by element, exactly.
 */
export interface NationalPart {
  readonly id: string;
  readonly kind: TableKind;
  readonly columns: readonly string[];
  readonly rulesVersion?: number;
  readonly children: number[];
  readonly count: number[];
  readonly numerator: number[];
  readonly limbs: number[][];
}

/** An empty national part; `widths[i]`: the sums of column i (0: none). */
function nationalPart(
  id: string,
  kind: TableKind,
  columns: readonly string[],
  widths: (column: number) => number,
  rulesVersion?: number,
): NationalPart {
  const zeros = () => columns.map(() => 0);
  const part: NationalPart = {
    id,
    kind,
    columns,
    children: zeros(),
    count: zeros(),
    numerator: zeros(),
    limbs: columns.map((_, i) => new Array<number>(widths(i) * LIMBS).fill(0)),
  };
  return rulesVersion === undefined ? part : { ...part, rulesVersion };
}

/** `into` plus `part`, element by element (whole numbers: exact). */
function addPart(into: NationalPart, part: NationalPart): void {
  const add = (a: number[], b: readonly number[]) => {
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  };
  add(into.children, part.children);
  add(into.count, part.count);
  add(into.numerator, part.numerator);
  into.limbs.forEach((l, i) => add(l, part.limbs[i]!));
}

/** A national part as a table: one cell a column with children, on `school`. */
function nationalTable(part: NationalPart, school: string): TableInput {
  const cells: SchoolCell[] = [];
  part.columns.forEach((column, i) => {
    const children = part.children[i]!;
    if (children === 0) return;
    const limbs = part.limbs[i]!;
    const sums =
      limbs.length === 0
        ? undefined
        : Array.from({ length: limbs.length / LIMBS }, (_, k) => exactValue(limbs, k * LIMBS));
    cells.push(
      cellOf(
        part.kind,
        { school, column, children },
        { count: part.count[i]!, numerator: part.numerator[i]!, ...(sums ? { sums } : {}) },
      ),
    );
  });
  const table: TableInput = { id: part.id, kind: part.kind, columns: part.columns, cells };
  return part.rulesVersion === undefined ? table : { ...table, rulesVersion: part.rulesVersion };
}

/** What one fold holds: the tables by school, and the national-only tables' parts. */
export interface FoldPart {
  readonly schools: readonly TableInput[];
  readonly national: readonly NationalPart[];
}

/** The fold of a term: add learners and feedback, then take the tables. */
export interface TermTables {
  /** Adds one learner of `school` (a school, or a pseudo-school) in `band`. */
  addLearner(school: string, band: Band, term: LearnerTerm): void;
  /** Adds `count` feedback answers `answer` of the term (national only; answers, not children). */
  addFeedback(answer: string, count: number): void;
  /**
   * What this fold holds, to be put together with other folds' (`foldTables`): its own arrays,
   * not a copy, so take it once the fold is done (a worker posts it, which copies).
   */
  part(): FoldPart;
  /** The tables, sorted by id: `reach`, `activities`, `mastery/<topic>`, `gains/<topic>`, … */
  tables(): TableInput[];
}

const byId = (a: TableInput, b: TableInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The tables of the folds `parts` of one plan (each over its own schools, in parallel) put
 * together, sorted by id: the tables by school merged (`mergeTables`), the national-only ones
 * added up exactly and put on `nationalSchool`, any school of the geography (a national-only
 * table adds every school up to the nation alone). Any split of the same learners gives the same
 * tables.
 */
export function foldTables(nationalSchool: string, parts: readonly FoldPart[]): TableInput[] {
  const schools =
    parts.length === 1 ? [...parts[0]!.schools] : mergeTables(parts.map((p) => p.schools));
  const national = new Map<string, NationalPart>();
  for (const p of parts)
    for (const n of p.national) {
      const had = national.get(n.id);
      if (had) addPart(had, n);
      else
        national.set(n.id, {
          ...n,
          children: [...n.children],
          count: [...n.count],
          numerator: [...n.numerator],
          limbs: n.limbs.map((l) => [...l]),
        });
    }
  return [...schools, ...[...national.values()].map((n) => nationalTable(n, nationalSchool))].sort(
    byId,
  );
}

/**
 * A fold over the tables of `plan`: `reach`, `activities` and one `mastery/<topic>` per topic,
 * by band; one `gains/<topic>` per counted bank, by measure (all by school); and, national only,
 * `most-missed` by item and `feedback` by answer; per counted bank an `evidence/<topic>` (by
 * check and measure) and an `items/<topic>` (by form and item), and `reliability` by form, whose
 * cells keep additive sums (`statistics.ts`). Feedback carries no school. `tables()` puts the
 * national-only cells on `nationalSchool`.
 */
export function termTables(plan: TermPlan, nationalSchool: string): TermTables {
  const bands = [...BANDS];
  const reach = new TableSums('reach', 'reach', bands);
  const activities = new TableSums('activities', 'activities', bands);
  const mastery = new Map(
    plan.topics.map((t) => [t, new TableSums(`mastery/${t}`, 'mastery', bands)]),
  );
  const gains = new Map(
    [...plan.banks.keys()].map((t) => [t, new TableSums(`gains/${t}`, 'gains', GAIN_MEASURES)]),
  );
  const none = () => 0;
  const indexOf = (columns: readonly string[]) => new Map(columns.map((c, i) => [c, i]));
  const missed =
    plan.banks.size > 0
      ? nationalPart('most-missed', 'most-missed', plan.missedColumns, none)
      : undefined;
  const missedAt = indexOf(plan.missedColumns);
  const detection =
    plan.detectionColumns.length > 0
      ? nationalPart('detection', 'detection', plan.detectionColumns, none)
      : undefined;
  const detectionAt = indexOf(plan.detectionColumns);
  const evidence = new Map(
    [...plan.banks.keys()].map((t) => [
      t,
      nationalPart(`evidence/${t}`, 'evidence', EVIDENCE_COLUMNS, () => 5, STEALTH_RULES_VERSION),
    ]),
  );
  const evidenceAt = indexOf(EVIDENCE_COLUMNS);
  // A form's first column in its topic's `items` table (the forms' columns, in order).
  const formAt = new Map<ItemForm, number>();
  const items = new Map(
    [...plan.itemForms].map(([t, forms]) => {
      let at = 0;
      for (const f of forms) {
        formAt.set(f, at);
        at += f.columns.length;
      }
      return [
        t,
        nationalPart(
          `items/${t}`,
          'items',
          forms.flatMap((f) => f.columns),
          () => 5,
        ),
      ];
    }),
  );
  const formWidth = new Map<string, number>();
  for (const forms of plan.itemForms.values())
    for (const f of forms) if (f.reliability) formWidth.set(f.reliability, 2 + 2 * f.items.length);
  const reliability =
    plan.reliabilityColumns.length > 0
      ? nationalPart('reliability', 'reliability', plan.reliabilityColumns, (i) =>
          formWidth.get(plan.reliabilityColumns[i]!)!,
        )
      : undefined;
  const reliabilityAt = indexOf(plan.reliabilityColumns);
  const feedback = nationalPart('feedback', 'feedback', FEEDBACK_ANSWERS, none);
  const answerAt = indexOf(FEEDBACK_ANSWERS);
  const part = (): FoldPart => {
    const national = [...evidence.values(), ...items.values(), feedback];
    if (missed) national.push(missed);
    if (detection) national.push(detection);
    if (reliability) national.push(reliability);
    const schools = [reach, activities, ...mastery.values(), ...gains.values()];
    return { schools: schools.map((t) => t.input()), national };
  };
  return {
    addLearner(school, band, term) {
      if (!term.active) return;
      reach.cell(school, band).children++;
      if (term.completions > 0) {
        const a = activities.cell(school, band);
        a.children++;
        a.count += term.completions;
      }
      for (const m of term.mastery) {
        const table = mastery.get(m.topic);
        if (!table) continue;
        const s = table.cell(school, band);
        s.children++;
        if (m.mastered) s.numerator++;
      }
      for (const g of term.gains) {
        const table = gains.get(g.topic);
        if (!table) continue;
        const s = table.cell(school, g.measure);
        s.children++;
        s.n++;
        s.pre += g.pair.pre;
        s.post += g.pair.post;
        s.diffSquares += (g.pair.post - g.pair.pre) ** 2;
      }
      if (missed)
        for (const item of term.items) {
          const i = missedAt.get(item.column);
          if (i === undefined) continue;
          missed.children[i]!++;
          if (item.missed) missed.numerator[i]!++;
        }
      if (detection)
        for (const d of term.detection) {
          const { hits, falseAlarms } = detectionColumns(d.column);
          const h = detectionAt.get(hits);
          const f = detectionAt.get(falseAlarms);
          if (d.signal > 0 && h !== undefined) {
            detection.children[h]!++;
            detection.count[h]! += d.signal;
            detection.numerator[h]! += d.hits;
          }
          if (d.noise > 0 && f !== undefined) {
            detection.children[f]!++;
            detection.count[f]! += d.noise;
            detection.numerator[f]! += d.falseAlarms;
          }
        }
      // The sums of `statistics.ts` (`correlationTerms`, `itemTerms`, `reliabilityTerms`),
      // added in place: this runs for every learner of a national term.
      for (const e of term.evidence) {
        const table = evidence.get(e.topic);
        const i = evidenceAt.get(e.column);
        if (!table || i === undefined) continue;
        table.children[i]!++;
        const limbs = table.limbs[i]!;
        addExact(limbs, 0, e.x);
        addExact(limbs, LIMBS, e.y);
        addExact(limbs, 2 * LIMBS, e.x * e.x);
        addExact(limbs, 3 * LIMBS, e.y * e.y);
        addExact(limbs, 4 * LIMBS, e.x * e.y);
      }
      for (const f of term.forms) {
        const table = items.get(f.topic);
        const form = plan.itemForms.get(f.topic)?.find((x) => x.band === f.band && x.use === f.use);
        if (!table || !form || form.items.length !== f.scores.length) continue;
        let total = 0;
        for (const x of f.scores) total += x;
        const first = formAt.get(form)!;
        for (let i = 0; i < f.scores.length; i++) {
          const x = f.scores[i]!;
          table.children[first + i]!++;
          const limbs = table.limbs[first + i]!;
          addExact(limbs, 0, x);
          addExact(limbs, LIMBS, x * x);
          addExact(limbs, 2 * LIMBS, x * total);
          addExact(limbs, 3 * LIMBS, total);
          addExact(limbs, 4 * LIMBS, total * total);
        }
        const r = reliability && form.reliability ? reliabilityAt.get(form.reliability) : undefined;
        if (reliability && r !== undefined) {
          reliability.children[r]!++;
          const limbs = reliability.limbs[r]!;
          addExact(limbs, 0, total);
          addExact(limbs, LIMBS, total * total);
          for (let i = 0; i < f.scores.length; i++) {
            const x = f.scores[i]!;
            addExact(limbs, (2 + 2 * i) * LIMBS, x);
            addExact(limbs, (3 + 2 * i) * LIMBS, x * x);
          }
        }
      }
    },
    addFeedback(answer, count) {
      const i = answerAt.get(answer);
      if (i !== undefined && count > 0) feedback.children[i]! += count;
    },
    part,
    tables: () => foldTables(nationalSchool, [part()]),
  };
}

const addPairs = (a: SchoolCell['pairs'], b: SchoolCell['pairs']) =>
  a && b
    ? {
        n: a.n + b.n,
        pre: a.pre + b.pre,
        post: a.post + b.post,
        diffSquares: a.diffSquares + b.diffSquares,
      }
    : (a ?? b);

/**
 * The tables of several folds of one plan put together (each fold over its own schools, in
 * parallel): cells of the same table, school and column are added up, and each table's cells
 * are sorted by school and column as one fold would give them.
 */
export function mergeTables(parts: readonly (readonly TableInput[])[]): TableInput[] {
  const tables = new Map<string, { table: TableInput; cells: Map<string, SchoolCell> }>();
  for (const part of parts)
    for (const t of part) {
      let merged = tables.get(t.id);
      if (!merged) tables.set(t.id, (merged = { table: t, cells: new Map() }));
      for (const c of t.cells) {
        const key = `${c.school}\u0000${c.column}`;
        const had = merged.cells.get(key);
        if (!had) {
          merged.cells.set(key, c);
          continue;
        }
        const sum: SchoolCell = {
          school: c.school,
          column: c.column,
          children: had.children + c.children,
        };
        const count =
          had.count === undefined && c.count === undefined
            ? undefined
            : (had.count ?? 0) + (c.count ?? 0);
        const numerator =
          had.numerator === undefined && c.numerator === undefined
            ? undefined
            : (had.numerator ?? 0) + (c.numerator ?? 0);
        const pairs = addPairs(had.pairs, c.pairs);
        const sums =
          had.sums && c.sums ? had.sums.map((v, i) => v + (c.sums![i] ?? 0)) : (had.sums ?? c.sums);
        merged.cells.set(key, {
          ...sum,
          ...(count === undefined ? {} : { count }),
          ...(numerator === undefined ? {} : { numerator }),
          ...(pairs === undefined ? {} : { pairs }),
          ...(sums === undefined ? {} : { sums }),
        });
      }
    }
  const order = (t: TableInput) => new Map(t.columns.map((c, i) => [c, i]));
  return [...tables.values()]
    .map(({ table, cells }) => {
      const at = order(table);
      const sorted = [...cells.values()].sort((a, b) =>
        a.school === b.school
          ? (at.get(a.column) ?? 0) - (at.get(b.column) ?? 0)
          : a.school < b.school
            ? -1
            : 1,
      );
      return { ...table, cells: sorted };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
