import {
  BANDS,
  hasEstimates,
  isScored,
  meanDifficulty,
  measureForm,
  MEASURE_USES,
} from '../engine';
import type { Band, Catalogue, MeasureUse } from '../engine';

/** One form of an item bank as the content report lists it. */
export interface MeasureFormReport {
  readonly topic: string;
  readonly band: Band;
  readonly use: MeasureUse;
  /** The bank's version, recorded with every answer. */
  readonly version: number;
  readonly items: readonly string[];
  /** Items per construct (knowledge, skill, self-efficacy, intention), never added up. */
  readonly constructs: Readonly<Record<string, number>>;
  /** Mean proportion correct of the scored items, to two decimals; null with none. */
  readonly meanDifficulty: number | null;
  /** True while any difficulty is an author's estimate, not pilot data. */
  readonly estimate: boolean;
}

/** Every form of every item bank: topic (file order of topics.json), band, then pre, post, transfer. */
export function measurementForms(catalogue: Catalogue): MeasureFormReport[] {
  const banks = [...(catalogue.measurement?.values() ?? [])];
  const order = [...catalogue.topics.keys()] as string[];
  banks.sort((a, b) => order.indexOf(a.topic) - order.indexOf(b.topic));
  return banks.flatMap((bank) =>
    BANDS.flatMap((band) =>
      MEASURE_USES.map((use) => {
        const items = measureForm(bank, band, use);
        const constructs: Record<string, number> = {};
        for (const i of items) constructs[i.construct] = (constructs[i.construct] ?? 0) + 1;
        const mean = meanDifficulty(items.filter((i) => isScored(i.construct)));
        return {
          topic: bank.topic,
          band,
          use,
          version: bank.version,
          items: items.map((i) => i.id),
          constructs,
          meanDifficulty: mean === null ? null : Math.round(mean * 100) / 100,
          estimate: hasEstimates(items),
        };
      }),
    ),
  );
}
