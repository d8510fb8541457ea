// The words of a published table's header in one language, from the `nation.table.*` UI strings
// (content/ui/nation/<lang>.json): the dashboard page and the server's CSV build them with this
// one function, so a table reads the same on screen and in its download.

import { FEEDBACK_ANSWERS } from '../app/feedback';
import { GAIN_MEASURES } from './types';
import type { AreaLevel, ItemFlag, PublishedTable } from './types';
import type { LayoutLabels } from './layout';

/** A translator of `nation.table.*` keys with `{name}` arguments. */
export type NationTranslate = (key: string, vars?: Readonly<Record<string, string>>) => string;

/** A detection column: `<topic>/<item>/hits` or `…/false-alarms` (MEAS-08). */
const DETECTION = /^(.+)\/(hits|false-alarms)$/;

/** Bands are written `5-7` in data and "Ages 5–7" to readers. */
const BAND = /^(\d+)-(\d+)$/;

/** An evidence column (MEAS-06): `post/knowledge`, the check and the measure. */
const EVIDENCE = /^(post|transfer)\/(knowledge|skill)$/;

/** An items column (MEAS-11): `8-10/post/q1`, the form's band and use, and the item. */
const ITEM = /^(\d+)-(\d+)\/(pre|post|transfer)\/(.+)$/;

/** A reliability column (MEAS-11): `scams/8-10/post`, a topic's form. */
const FORM = /^(.+)\/(\d+)-(\d+)\/(pre|post|transfer)$/;

const FLAG_KEYS: Readonly<Record<ItemFlag, string>> = {
  'p-high': 'nation.table.flag.pHigh',
  'p-low': 'nation.table.flag.pLow',
  'r-low': 'nation.table.flag.rLow',
};

const countWord = (table: PublishedTable): string => {
  switch (table.kind) {
    case 'activities':
      return 'nation.table.count.completions';
    case 'gains':
      return 'nation.table.count.pairs';
    case 'feedback':
      return 'nation.table.count.answers';
    case 'detection':
      return 'nation.table.count.cards';
    default:
      return 'nation.table.count.children';
  }
};

/**
 * `LayoutLabels` from a translator. Columns: `total`, a band, a gain measure, a feedback answer
 * ("Fun"), a detection column, an evidence column ("Post-check, knowledge"), an item of a form
 * ("Ages 8–10, post-check, q1"), a form ("scams, ages 8–10, post-check"); anything else (an
 * item id) is written as it is, and the page may say what it means beside it.
 */
export function nationLayoutLabels(t: NationTranslate): LayoutLabels {
  return {
    area: t('nation.table.area'),
    level: t('nation.table.level'),
    levelName: (level: AreaLevel) => t(`nation.table.level.${level}`),
    column: (column) => {
      if (column === 'total') return t('nation.table.total');
      const band = BAND.exec(column);
      if (band) return t('nation.table.band', { band: `${band[1]}–${band[2]}` });
      if ((GAIN_MEASURES as readonly string[]).includes(column))
        return t(`nation.table.measure.${column}`);
      if ((FEEDBACK_ANSWERS as readonly string[]).includes(column))
        return t(`nation.table.feedback.${column}`);
      const ages = (from: string, to: string) => t('nation.table.band', { band: `${from}–${to}` });
      const check = (use: string) => t(`nation.table.check.${use}`);
      const evidence = EVIDENCE.exec(column);
      if (evidence)
        return t('nation.table.evidence.column', {
          check: check(evidence[1]!),
          measure: t(`nation.table.measure.${evidence[2]}`),
        });
      const item = ITEM.exec(column);
      if (item)
        return t('nation.table.item.column', {
          band: ages(item[1]!, item[2]!),
          check: check(item[3]!),
          item: item[4]!,
        });
      const form = FORM.exec(column);
      if (form)
        return t('nation.table.form.column', {
          topic: form[1]!,
          band: ages(form[2]!, form[3]!),
          check: check(form[4]!),
        });
      const detection = DETECTION.exec(column);
      if (detection)
        return t(
          detection[2] === 'hits'
            ? 'nation.table.detection.hits'
            : 'nation.table.detection.falseAlarms',
          { item: detection[1]! },
        );
      return column;
    },
    count: (table) => t(countWord(table)),
    percent: (table) =>
      t(
        table.kind === 'most-missed'
          ? 'nation.table.percent.missed'
          : table.kind === 'detection'
            ? 'nation.table.percent.warnings'
            : 'nation.table.percent.mastered',
      ),
    hake: t('nation.table.hake'),
    effect: t('nation.table.effect'),
    lowReliability: t('nation.table.lowReliability'),
    interval: (low, high) => t('nation.table.interval', { low, high }),
    statistic: {
      r: t('nation.table.statistic.r'),
      interval: t('nation.table.statistic.interval'),
      p: t('nation.table.statistic.p'),
      itemR: t('nation.table.statistic.itemR'),
      flags: t('nation.table.statistic.flags'),
      kr20: t('nation.table.statistic.kr20'),
    },
    flag: (flag) => t(FLAG_KEYS[flag]),
    noFlag: t('nation.table.flag.none'),
  };
}
