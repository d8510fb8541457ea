// Learners' contributions folded into per-school cells, one table of each kind: what
// `publishRelease` takes. The fold keeps sums per school and column only, never a learner.

import { FEEDBACK_ANSWERS } from '../app/feedback';
import { BANDS } from '../types/text';
import type { Band } from '../types/text';
import type { LearnerTerm } from './learner-term';
import { STEALTH_RULES_VERSION } from './stealth';
import { EVIDENCE_COLUMNS, detectionColumns } from './term-plan';
import type { TermPlan } from './term-plan';
import { GAIN_MEASURES } from './types';
import type { SchoolCell, TableInput, TableKind } from './types';

interface Sum {
  children: number;
  count: number;
  numerator: number;
  n: number;
  pre: number;
  post: number;
  diffSquares: number;
  sums: number[] | undefined;
}

/** A cell's sums, `length` zeros the first time. */
const sumsOf = (s: Sum, length: number): number[] => (s.sums ??= new Array<number>(length).fill(0));

/** One table being folded: its cells by school, then column. */
class TableSums {
  readonly schools = new Map<string, Map<string, Sum>>();
  constructor(
    readonly id: string,
    readonly kind: TableKind,
    readonly columns: readonly string[],
    readonly rulesVersion?: number,
  ) {}

  cell(school: string, column: string): Sum {
    let bySchool = this.schools.get(school);
    if (!bySchool) this.schools.set(school, (bySchool = new Map()));
    let s = bySchool.get(column);
    if (!s) {
      s = {
        children: 0,
        count: 0,
        numerator: 0,
        n: 0,
        pre: 0,
        post: 0,
        diffSquares: 0,
        sums: undefined,
      };
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
        const cell: SchoolCell = { school, column, children: s.children };
        if (this.kind === 'activities') cells.push({ ...cell, count: s.count });
        else if (this.kind === 'mastery' || this.kind === 'most-missed')
          cells.push({ ...cell, numerator: s.numerator });
        else if (this.kind === 'detection')
          cells.push({ ...cell, count: s.count, numerator: s.numerator });
        else if (this.kind === 'gains')
          cells.push({
            ...cell,
            pairs: { n: s.n, pre: s.pre, post: s.post, diffSquares: s.diffSquares },
          });
        else if (s.sums) cells.push({ ...cell, sums: s.sums });
        else cells.push(cell);
      }
    const table: TableInput = { id: this.id, kind: this.kind, columns: this.columns, cells };
    return this.rulesVersion === undefined ? table : { ...table, rulesVersion: this.rulesVersion };
  }
}

/** The fold of a term: add learners and feedback, then take the tables. */
export interface TermTables {
  /** Adds one learner of `school` (a school, or a pseudo-school) in `band`. */
  addLearner(school: string, band: Band, term: LearnerTerm): void;
  /** Adds `count` feedback answers `answer` of the term (national only; answers, not children). */
  addFeedback(answer: string, count: number): void;
  /** The tables, sorted by id: `reach`, `activities`, `mastery/<topic>`, `gains/<topic>`, … */
  tables(): TableInput[];
}

/**
 * A fold over the tables of `plan`: `reach`, `activities` and one `mastery/<topic>` per topic,
 * by band; one `gains/<topic>` per counted bank, by measure; `most-missed` by item and
 * `feedback` by answer (both national only); per counted bank an `evidence/<topic>` (by check
 * and measure) and an `items/<topic>` (by form and item), and `reliability` by form, whose cells
 * keep additive sums (`statistics.ts`; national only). Feedback carries no school: its cells are put on
 * `feedbackSchool`, any school of the geography, since a national-only table adds every school
 * up to the nation alone.
 */
export function termTables(plan: TermPlan, feedbackSchool: string): TermTables {
  const bands = [...BANDS];
  const reach = new TableSums('reach', 'reach', bands);
  const activities = new TableSums('activities', 'activities', bands);
  const mastery = new Map(
    plan.topics.map((t) => [t, new TableSums(`mastery/${t}`, 'mastery', bands)]),
  );
  const gains = new Map(
    [...plan.banks.keys()].map((t) => [t, new TableSums(`gains/${t}`, 'gains', GAIN_MEASURES)]),
  );
  const missed =
    plan.banks.size > 0
      ? new TableSums('most-missed', 'most-missed', plan.missedColumns)
      : undefined;
  const detection =
    plan.detectionColumns.length > 0
      ? new TableSums('detection', 'detection', plan.detectionColumns)
      : undefined;
  const evidence = new Map(
    [...plan.banks.keys()].map((t) => [
      t,
      new TableSums(`evidence/${t}`, 'evidence', EVIDENCE_COLUMNS, STEALTH_RULES_VERSION),
    ]),
  );
  const items = new Map(
    [...plan.itemForms].map(([t, forms]) => [
      t,
      new TableSums(
        `items/${t}`,
        'items',
        forms.flatMap((f) => f.columns),
      ),
    ]),
  );
  const reliability =
    plan.reliabilityColumns.length > 0
      ? new TableSums('reliability', 'reliability', plan.reliabilityColumns)
      : undefined;
  const feedback = new TableSums('feedback', 'feedback', FEEDBACK_ANSWERS);
  const answers = new Set<string>(FEEDBACK_ANSWERS);
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
          if (!plan.missedItems.has(item.column)) continue;
          const s = missed.cell(school, item.column);
          s.children++;
          if (item.missed) s.numerator++;
        }
      if (detection)
        for (const d of term.detection) {
          const { hits, falseAlarms } = detectionColumns(d.column);
          if (d.signal > 0) {
            const s = detection.cell(school, hits);
            s.children++;
            s.count += d.signal;
            s.numerator += d.hits;
          }
          if (d.noise > 0) {
            const s = detection.cell(school, falseAlarms);
            s.children++;
            s.count += d.noise;
            s.numerator += d.falseAlarms;
          }
        }
      // The sums of `statistics.ts` (`correlationTerms`, `itemTerms`, `reliabilityTerms`),
      // added in place: this runs for every learner of a national term.
      for (const e of term.evidence) {
        const table = evidence.get(e.topic);
        if (!table) continue;
        const s = table.cell(school, e.column);
        s.children++;
        const sums = sumsOf(s, 5);
        sums[0]! += e.x;
        sums[1]! += e.y;
        sums[2]! += e.x * e.x;
        sums[3]! += e.y * e.y;
        sums[4]! += e.x * e.y;
      }
      for (const f of term.forms) {
        const table = items.get(f.topic);
        const form = plan.itemForms.get(f.topic)?.find((x) => x.band === f.band && x.use === f.use);
        if (!table || !form || form.items.length !== f.scores.length) continue;
        let total = 0;
        for (const x of f.scores) total += x;
        for (let i = 0; i < f.scores.length; i++) {
          const x = f.scores[i]!;
          const s = table.cell(school, form.columns[i]!);
          s.children++;
          const sums = sumsOf(s, 5);
          sums[0]! += x;
          sums[1]! += x * x;
          sums[2]! += x * total;
          sums[3]! += total;
          sums[4]! += total * total;
        }
        if (reliability && form.reliability) {
          const s = reliability.cell(school, form.reliability);
          s.children++;
          const sums = sumsOf(s, 2 + 2 * f.scores.length);
          sums[0]! += total;
          sums[1]! += total * total;
          for (let i = 0; i < f.scores.length; i++) {
            sums[2 + 2 * i]! += f.scores[i]!;
            sums[3 + 2 * i]! += f.scores[i]! * f.scores[i]!;
          }
        }
      }
    },
    addFeedback(answer, count) {
      if (answers.has(answer) && count > 0) feedback.cell(feedbackSchool, answer).children += count;
    },
    tables() {
      const all = [
        reach,
        activities,
        ...mastery.values(),
        ...gains.values(),
        ...evidence.values(),
        ...items.values(),
        feedback,
      ];
      if (missed) all.push(missed);
      if (detection) all.push(detection);
      if (reliability) all.push(reliability);
      return all.map((t) => t.input()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
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
