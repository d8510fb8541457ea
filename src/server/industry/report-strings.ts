// The fixed words of an assessment report (PDF and CSV) in one language: the `industry.report.*`
// UI strings of `content/ui/industry/<lang>.json`, a current translation where there is one,
// else the English.

import { isCurrent } from '../../engine';
import type { Catalogue, LocaleCode, ReportCsvLabels } from '../../engine';

/** The report's UI strings in one language. */
export interface ReportStrings {
  readonly lang: string;
  /** The string of `key` with its `{name}` arguments filled in; throws for an unknown key. */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  has(key: string): boolean;
}

const PREFIX = 'industry.report.';

/** Thrown when the content has no `industry.report.` string the report needs. */
export class ReportStringMissingError extends Error {
  override readonly name = 'ReportStringMissingError';
}

/** The report's strings in `lang` (English for a language or a key without a current translation). */
export function reportStrings(catalogue: Catalogue, lang: string): ReportStrings {
  const area = catalogue.ui?.get('industry');
  const translated = area?.locales.get(lang as LocaleCode);
  const message = (key: string): string | undefined => {
    const english = area?.english.get(`${PREFIX}${key}`);
    if (english === undefined) return undefined;
    const t = translated?.get(`${PREFIX}${key}`);
    return lang !== 'en' && isCurrent(t, english) ? t.text : english;
  };
  return {
    lang,
    has: (key) => message(key) !== undefined,
    t(key, values = {}) {
      const m = message(key);
      if (m === undefined) throw new ReportStringMissingError(`No UI string ${PREFIX}${key}`);
      return m.replace(/\{(\w+)\}/g, (all, name: string) =>
        name in values ? String(values[name]) : all,
      );
    },
  };
}

/** The column headings and fixed words of the CSV, from the report's strings. */
export function csvLabels(s: ReportStrings): ReportCsvLabels {
  const t = (key: string) => s.t(key);
  return {
    section: t('section'),
    question: t('question'),
    questionText: t('csv.questionText'),
    answer: t('csv.answer'),
    reason: t('csv.reason'),
    weight: t('csv.weight'),
    critical: t('critical'),
    priority: t('csv.priority'),
    recommendation: t('csv.recommendation'),
    resources: t('csv.resources'),
    actionOwner: t('owner'),
    actionDue: t('due'),
    actionStatus: t('status'),
    notApplicable: t('notApplicable'),
    yes: t('csv.yes'),
    no: t('csv.no'),
    status: {
      open: t('status.open'),
      'in-progress': t('status.in-progress'),
      done: t('status.done'),
    },
    sectionWeight: t('csv.sectionWeight'),
    percent: t('csv.percent'),
    answered: t('answered'),
    overall: t('overall'),
    maturity: t('maturity'),
  };
}
