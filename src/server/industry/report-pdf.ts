// The assessment report as a printable document (IND-09, research/industry.md (a) "Report"):
// who and what was assessed, the result with the maturity level (and the critical cap when it
// applies), the sections' scores, the changes since the last version, the ranked gaps with what to do, the action plan and the
// coordinator's feedback letter. Pure: plain data in, a document model out; the server renders
// it with its PDF renderer (or pool). Every fixed word is a UI string (report-strings.ts).

import {
  actionOverdue,
  applicableQuestions,
  assessmentRows,
  maturityOf,
  scoreAssessment,
  toCsv,
} from '../../engine';
import type {
  ActionItem,
  AnswerChange,
  AssessmentChanges,
  AssessmentScore,
  AssessmentState,
  IndustryAnswer,
  IndustryFramework,
  ServiceProfile,
  Text,
} from '../../engine';
import type { Block, PageSize, PdfDocumentModel, TableBlock } from '../pdf/model';
import { supportedLocale } from '../pdf/text';
import { csvLabels } from './report-strings';
import type { ReportStrings } from './report-strings';

export interface AssessmentReportInput {
  readonly framework: IndustryFramework;
  /** A framework text in the report's language; by default the text as given. */
  readonly text?: (t: Text) => string;
  readonly profile: ServiceProfile;
  readonly answers: ReadonlyMap<string, IndustryAnswer>;
  /** The engine's score of these answers; computed here when absent. */
  readonly score?: AssessmentScore;
  readonly actions: ReadonlyMap<string, ActionItem>;
  readonly service: { readonly name: string; readonly type: string };
  readonly state: AssessmentState;
  /** The date the report is about (accepted, submitted or today), ISO 8601. */
  readonly date: string;
  /** Today (YYYY-MM-DD), to mark overdue actions; none are marked without it. */
  readonly today?: string;
  readonly feedbackLetter?: string | null;
  /** What changed since the version this one resubmits (`assessmentChanges`), if any. */
  readonly changes?: AssessmentChanges | null;
  readonly strings: ReportStrings;
  readonly paper?: PageSize;
}

const resolve = (input: AssessmentReportInput) => input.text ?? ((t: Text) => t.text);
const scoreOf = (input: AssessmentReportInput) =>
  input.score ?? scoreAssessment(input.framework, input.profile, input.answers);

/** The report as CSV text (UTF-8 with a byte order mark, CRLF, formula-guarded). */
export function assessmentReportCsv(input: AssessmentReportInput): string {
  return toCsv(
    assessmentRows(input.framework, input.profile, input.answers, scoreOf(input), input.actions, {
      text: resolve(input),
      labels: csvLabels(input.strings),
    }),
  );
}

/** The report as a PDF document model, in the strings' language. */
export function assessmentReportModel(input: AssessmentReportInput): PdfDocumentModel {
  const { framework, strings: s, service } = input;
  const text = resolve(input);
  const score = scoreOf(input);
  const locale = supportedLocale(s.lang);
  const percent = (p: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);
  // A date that does not parse is printed as given rather than failing the whole report.
  const date = (iso: string, dateStyle: 'long' | 'medium' = 'long') => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }).format(d);
  };
  const labelOr = (key: string, fallback: string) => (s.has(key) ? s.t(key) : fallback);
  const frameworkTitle = framework.title ? text(framework.title) : framework.id;
  const sectionTitle = new Map(framework.sections.map((x) => [x.id, text(x.title)]));
  const questions = new Map(framework.questions.map((q) => [q.id, q]));
  const title = s.t('title');

  const facts: TableBlock = {
    type: 'table',
    columns: [{ width: 30 }, { width: 70 }],
    rows: [
      [s.t('service'), { text: service.name, bold: true }],
      [s.t('serviceType'), labelOr(`serviceType.${service.type}`, service.type)],
      [
        s.t('framework'),
        s.t('frameworkVersion', { title: frameworkTitle, version: framework.version }),
      ],
      [s.t('state'), labelOr(`state.${input.state}`, input.state)],
      [s.t('date'), date(input.date)],
    ],
  };

  const result: Block[] = [{ type: 'heading', level: 2, text: s.t('result') }];
  if (score.overall === null || score.maturity === null) {
    result.push({ type: 'paragraph', text: s.t('notScored') });
  } else {
    result.push({
      type: 'table',
      columns: [{ width: 30 }, { width: 70 }],
      rows: [
        [s.t('overall'), { text: percent(score.overall), bar: score.overall / 100, bold: true }],
        [
          s.t('maturity'),
          {
            text: s.t('maturityValue', {
              level: score.maturity,
              name: s.t(`maturity.${score.maturity}`),
            }),
            bold: true,
          },
        ],
      ],
    });
    if (score.criticalCap) {
      const band = maturityOf(score.overall);
      const critical = applicableQuestions(framework, input.profile).filter((q) => {
        const a = input.answers.get(q.id);
        return q.critical && a !== undefined && a.level !== 'na' && a.level <= 1;
      });
      result.push(
        {
          type: 'paragraph',
          bold: true,
          text: band > 2 ? s.t('criticalCap', { level: band }) : s.t('criticalCapSame'),
        },
        { type: 'paragraph', text: s.t('criticalQuestions') },
        { type: 'list', items: critical.map((q) => text(q.text)) },
      );
    }
    result.push({ type: 'paragraph', small: true, text: s.t('bands') });
  }

  const sections: Block[] = [
    { type: 'heading', level: 2, text: s.t('sections') },
    {
      type: 'table',
      columns: [
        { heading: s.t('section'), width: 37 },
        { heading: s.t('weight'), width: 10, align: 'end' },
        { heading: s.t('score'), width: 27 },
        { heading: s.t('answered'), width: 15, align: 'end' },
        { heading: s.t('notApplicable'), width: 11, align: 'end' },
      ],
      rows: framework.sections.map((x) => {
        const got = score.sections.find((y) => y.section === x.id);
        const p = got?.percent ?? null;
        return [
          sectionTitle.get(x.id)!,
          percent(x.weight),
          p === null ? '–' : { text: percent(p), bar: p / 100 },
          String(got?.answered ?? 0),
          String(got?.notApplicable ?? 0),
        ];
      }),
    },
  ];

  const level = (n: number) => s.t(`level.${n}`);
  const changes = input.changes ? changeBlocks(input.changes) : [];
  function changeBlocks(c: AssessmentChanges): Block[] {
    const p = (x: number | null) => (x === null ? '–' : percent(x));
    const m = (x: number | null) => (x === null ? '–' : `${x} ${s.t(`maturity.${x}`)}`);
    const answer = (a: AnswerChange, side: 'from' | 'to') => {
      const v = a[side];
      if (v === 'na') return s.t('notApplicable');
      if (v !== null) return level(v);
      const absent =
        (a.kind === 'added' && side === 'from') || (a.kind === 'removed' && side === 'to');
      return s.t(absent ? 'notAsked' : 'unanswered');
    };
    const columns = (first: string) => [
      { heading: first, width: 52 },
      { heading: s.t('before'), width: 24 },
      { heading: s.t('now'), width: 24 },
    ];
    return [
      { type: 'heading', level: 2, text: s.t('changes') },
      {
        type: 'table',
        columns: columns(''),
        rows: [
          [{ text: s.t('overall'), bold: true }, p(c.overall.from), p(c.overall.to)],
          [{ text: s.t('maturity'), bold: true }, m(c.maturity.from), m(c.maturity.to)],
          ...c.sections.map((x) => [sectionTitle.get(x.section) ?? x.section, p(x.from), p(x.to)]),
        ],
      },
      c.answers.length === 0
        ? { type: 'paragraph', text: s.t('noChanges') }
        : {
            type: 'table',
            columns: columns(s.t('question')),
            rows: c.answers.map((a) => {
              const q = questions.get(a.question);
              return [q ? text(q.text) : a.question, answer(a, 'from'), answer(a, 'to')];
            }),
          },
    ];
  }
  const gaps: Block[] = [{ type: 'heading', level: 2, text: s.t('gaps') }];
  if (score.gaps.length === 0) gaps.push({ type: 'paragraph', text: s.t('noGaps') });
  else gaps.push({ type: 'paragraph', small: true, text: s.t('gapsIntro') });
  score.gaps.forEach((g, i) => {
    const q = questions.get(g.question);
    const facts = [
      sectionTitle.get(g.section) ?? g.section,
      s.t('gapFacts', { level: level(g.level), target: level(g.target), priority: g.priority }),
      ...(g.critical ? [s.t('critical')] : []),
    ];
    gaps.push(
      { type: 'heading', level: 3, text: `${i + 1}. ${q ? text(q.text) : g.question}` },
      { type: 'paragraph', small: true, text: facts.join(' · ') },
      { type: 'paragraph', text: `${s.t('recommendation')} ${text(g.recommendation.text)}` },
    );
    if (g.recommendation.resources.length > 0)
      gaps.push({
        type: 'paragraph',
        small: true,
        text: `${s.t('resources')} ${g.recommendation.resources.join('\n')}`,
      });
  });

  const planned = [...input.actions]
    .filter(([id]) => questions.has(id))
    .sort(([a, x], [b, y]) => x.due.localeCompare(y.due) || a.localeCompare(b));
  const actions: Block[] = [{ type: 'heading', level: 2, text: s.t('actions') }];
  if (planned.length === 0) actions.push({ type: 'paragraph', text: s.t('noActions') });
  else
    actions.push({
      type: 'table',
      columns: [
        { heading: s.t('question'), width: 42 },
        { heading: s.t('owner'), width: 20 },
        { heading: s.t('due'), width: 19 },
        { heading: s.t('status'), width: 19 },
      ],
      rows: planned.map(([id, a]) => {
        const status = s.t(`status.${a.status}`);
        const late = input.today !== undefined && actionOverdue(a, input.today);
        return [
          text(questions.get(id)!.text),
          a.owner,
          date(a.due, 'medium'),
          late ? { text: s.t('overdue', { status }), bold: true } : status,
        ];
      }),
    });

  const letter = input.feedbackLetter?.trim() ?? '';
  const feedback: Block[] =
    letter === ''
      ? []
      : [
          { type: 'heading', level: 2, text: s.t('feedback') },
          ...letter.split(/\n\s*\n/).map((p): Block => ({ type: 'paragraph', text: p.trim() })),
        ];

  return {
    pageSize: input.paper ?? 'a4',
    lang: s.lang,
    title: `${title}: ${service.name}`,
    footer: s.t('footer', {
      service: service.name,
      framework: frameworkTitle,
      version: framework.version,
    }),
    pageNumbers: true,
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'paragraph', text: s.t('subtitle', { service: service.name }), bold: true },
      facts,
      ...result,
      ...sections,
      ...changes,
      ...gaps,
      ...actions,
      ...feedback,
    ],
  };
}
