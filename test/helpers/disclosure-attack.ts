// An observer's attack on published national tables (research/measurement.md (b) 3, STAT-02…04),
// built from what anyone holding the releases knows: the geography, the columns, the published
// values and that totals and areas add up. It never asks the engine how it suppressed.
// - `derivable`: Gaussian elimination over the published relations: which hidden cells are an
//   exact linear combination of published values (GaussSuppression's question).
// - `bounds`: an LP (GLPK, through glpk.js) minimising and maximising a hidden cell or a group
//   (a sum of cells, or the change of a cell between terms) subject to every relation, each
//   published count within ±2.5 of its rounded value and at least 10 (the policy shows no
//   smaller count), and every count ≥ 0 (sdcTable's `attack()` question).
import GLPK from 'glpk.js/node';
import type { Geography, PublishedTable } from '../../src/engine';

/** The glpk.js solver, loaded once per test worker. */
const solver = GLPK();

/** One table of one release, as the observer holds it. */
export interface Observed {
  readonly term: string;
  readonly geography: Geography;
  readonly table: PublishedTable;
}

/** A variable's name: term, table, area and column. */
export const varName = (term: string, table: string, area: string, column: string) =>
  `${term}|${table}|${area}|${column}`;

interface Equation {
  /** Hidden variables with coefficient ±1. */
  readonly terms: ReadonlyMap<string, number>;
  /** Names of published variables with their coefficients (moved to the right-hand side). */
  readonly known: ReadonlyMap<string, number>;
}

/** Everything the observer can write down: relations, published intervals, hidden variables. */
export interface AttackModel {
  readonly hidden: readonly string[];
  readonly published: ReadonlyMap<string, number>;
  readonly relations: readonly { total: string; parts: readonly string[] }[];
}

/** The observer's model of some published tables (counts of children; `total` columns add up). */
export function attackModel(observed: readonly Observed[]): AttackModel {
  const hidden: string[] = [];
  const published = new Map<string, number>();
  const relations: { total: string; parts: string[] }[] = [];
  for (const { term, geography, table } of observed) {
    const name = (area: string, column: string) => varName(term, table.id, area, column);
    for (const c of table.cells) {
      const n = name(c.area, c.column);
      if (c.count.shown === 'count') published.set(n, c.count.value);
      else hidden.push(n);
    }
    const withTotal = table.cells.some((c) => c.column === 'total');
    const columns = withTotal ? [...table.columns, 'total'] : [...table.columns];
    const areas = [
      'national',
      ...geography.regions.flatMap((r) => [r.id, ...r.districts.map((d) => d.id)]),
    ];
    if (withTotal)
      for (const a of areas)
        relations.push({ total: name(a, 'total'), parts: table.columns.map((c) => name(a, c)) });
    for (const column of columns) {
      relations.push({
        total: name('national', column),
        parts: geography.regions.map((r) => name(r.id, column)),
      });
      for (const r of geography.regions)
        relations.push({
          total: name(r.id, column),
          parts: r.districts.map((d) => name(d.id, column)),
        });
    }
  }
  return { hidden, published, relations };
}

const equations = (m: AttackModel): Equation[] =>
  m.relations.map((rel) => {
    const terms = new Map<string, number>();
    const known = new Map<string, number>();
    const put = (v: string, coef: number) => (m.published.has(v) ? known : terms).set(v, coef);
    put(rel.total, 1);
    for (const p of rel.parts) put(p, -1);
    return { terms, known };
  });

/**
 * The hidden cells an observer can compute exactly from the relations, taking published values
 * as exact (stronger than the truth, where they are rounded): a hidden cell is derivable when its
 * unit vector lies in the row space of the relations restricted to hidden cells.
 */
export function derivable(m: AttackModel): readonly string[] {
  const index = new Map(m.hidden.map((h, i) => [h, i]));
  const rows = equations(m)
    .filter((e) => e.terms.size > 0)
    .map((e) => {
      const row = new Array<number>(m.hidden.length).fill(0);
      for (const [v, c] of e.terms) row[index.get(v)!] = c;
      return row;
    });
  // Reduced row echelon form; a hidden cell is derivable when its pivot row has no other entry.
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < m.hidden.length && r < rows.length; col++) {
    let p = -1;
    for (let i = r; i < rows.length; i++)
      if (Math.abs(rows[i]![col]!) > 1e-9) {
        p = i;
        break;
      }
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]![col]!;
    rows[r] = rows[r]!.map((x) => x / pivot);
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![col]!;
      if (Math.abs(f) > 1e-12) rows[i] = rows[i]!.map((x, j) => x - f * rows[r]![j]!);
    }
    pivots.push(col);
    r++;
  }
  const out: string[] = [];
  pivots.forEach((col, i) => {
    const alone = rows[i]!.every((x, j) => j === col || Math.abs(x) < 1e-9);
    if (alone) out.push(m.hidden[col]!);
  });
  return out;
}

/**
 * The smallest and largest value a linear combination of cells can take for the observer. With
 * `integer`, counts are whole numbers and a shown count r is one of r − 2 … r + 2 (a MIP): the
 * stronger observer, who knows that rounding to 5 hides at most 2 either way.
 */
export async function bounds(
  m: AttackModel,
  objective: ReadonlyMap<string, number>,
  { integer = false } = {},
): Promise<{ low: number; high: number }> {
  const glpk = await solver;
  const names = [...m.hidden, ...m.published.keys()];
  const slack = integer ? 2 : 2.5;
  const boundsOf = names.map((name) => {
    const v = m.published.get(name);
    return v === undefined
      ? { name, type: glpk.GLP_LO, lb: 0, ub: 0 }
      : { name, type: glpk.GLP_DB, lb: Math.max(10, v - slack), ub: v + slack };
  });
  const subjectTo = m.relations.map((rel, i) => ({
    name: `r${i}`,
    vars: [{ name: rel.total, coef: 1 }, ...rel.parts.map((p) => ({ name: p, coef: -1 }))],
    bnds: { type: glpk.GLP_FX, lb: 0, ub: 0 },
  }));
  const solve = (direction: number) => {
    const r = glpk.solve(
      {
        name: 'attack',
        objective: {
          direction,
          name: 'x',
          vars: [...objective].map(([name, coef]) => ({ name, coef })),
        },
        subjectTo,
        bounds: boundsOf,
        ...(integer ? { generals: names } : {}),
      },
      { msglev: glpk.GLP_MSG_OFF },
    );
    if (r.result.status === glpk.GLP_UNBND)
      return direction === glpk.GLP_MAX ? Infinity : -Infinity;
    if (r.result.status !== glpk.GLP_OPT) throw new Error(`LP status ${r.result.status}`);
    return r.result.z;
  };
  return { low: solve(glpk.GLP_MIN), high: solve(glpk.GLP_MAX) };
}
