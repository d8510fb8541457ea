import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { language } from '../../i18n/i18n';
import { classesApi, classFiles } from '../api';
import type { ClassReport } from '../api';
import { problemMessage } from '../problems';
import { reportTable } from '../report-table';
import type { ReportCell } from '../report-table';
import { RolePage } from '../role-page';
import { Stars } from '../stars';
import { ct } from '../strings';
import type { ClassesKey } from '../strings';
import { FEEDBACK_ANSWERS } from '../../../engine';
import type { FeedbackAnswer } from '../../../engine';
import '../classes.css';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
};

function Cell({ cell }: { cell: ReportCell }) {
  switch (cell.kind) {
    case 'time':
      return <td>{cell.value ? <time dateTime={cell.value}>{when(cell.value)}</time> : '–'}</td>;
    case 'stars':
      return (
        <td>
          <Stars mastered={Number(cell.value.split('/')[0])} />
        </td>
      );
    case 'number':
    case 'finished':
      return <td class="num">{cell.value}</td>;
    default:
      return <td>{cell.value}</td>;
  }
}

function ReportView({ id }: { id: string }) {
  const [report, setReport] = useState<ClassReport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    classesApi.report(id).then(setReport, (e) => setFailed(problemMessage(e)));
  }, [id]);
  if (failed) return <p class="notice">{failed}</p>;
  if (!report) return <p>{ct('common.loading')}</p>;
  const table = reportTable(report);
  return (
    <>
      <h2 class="class-name">{report.class.name}</h2>
      <p class="no-print print-row">
        <a class="button secondary" href={classFiles.csv(report.class.id)} download>
          {ct('report.csv')}
        </a>
        <button type="button" class="secondary" onClick={() => print()}>
          {ct('report.print')}
        </button>
      </p>
      <section aria-labelledby="report-children">
        <h2 id="report-children">{ct('report.childrenTitle')}</h2>
        {table.rows.length === 0 ? (
          <p>{ct('report.noChildren')}</p>
        ) : (
          <div class="table-scroll" tabIndex={0} aria-labelledby="report-children">
            <table class="report-table">
              <thead>
                <tr>
                  {table.head.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.cells[0]!.value}</th>
                    {r.cells.slice(1).map((c, i) => (
                      <Cell key={i} cell={c} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="report-missed">
        <h2 id="report-missed">{ct('report.missedTitle')}</h2>
        {report.missed.length === 0 ? (
          <p>{ct('report.noMissed')}</p>
        ) : (
          <div class="table-scroll" tabIndex={0} aria-labelledby="report-missed">
            <table class="missed-table">
              <thead>
                <tr>
                  <th scope="col">{ct('report.activity')}</th>
                  <th scope="col">{ct('report.scene')}</th>
                  <th scope="col">{ct('report.missedTried')}</th>
                </tr>
              </thead>
              <tbody>
                {report.missed.map((m) => (
                  <tr key={`${m.activity}/${m.scene}`}>
                    <td>{m.title}</td>
                    <td>{m.scene}</td>
                    <td class="num">
                      {ct('report.missedOf', { missed: m.missed, tried: m.tried })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <FeedbackSummary feedback={report.feedback} />
      <p class="no-print">
        <Link href={`/account/classes/${encodeURIComponent(report.class.id)}`}>
          {ct('report.toClass')}
        </Link>
      </p>
    </>
  );
}

const ANSWER_KEYS = {
  fun: 'report.feedbackFun',
  'too-hard': 'report.feedbackTooHard',
  confusing: 'report.feedbackConfusing',
  scary: 'report.feedbackScary',
  learned: 'report.feedbackLearned',
  'more-like-this': 'report.feedbackMore',
} as const satisfies Record<FeedbackAnswer, ClassesKey>;

/**
 * What children said of the activities this class played (COURSE-2): counted over every child
 * who answered, with no names, and only from ten answers on (the server's rule).
 */
function FeedbackSummary({ feedback }: { feedback: ClassReport['feedback'] }) {
  return (
    <section aria-labelledby="report-feedback">
      <h2 id="report-feedback">{ct('report.feedbackTitle')}</h2>
      <p>{ct('report.feedbackAbout')}</p>
      {feedback.length === 0 ? (
        <p>{ct('report.noFeedback')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} aria-labelledby="report-feedback">
          <table class="missed-table">
            <thead>
              <tr>
                <th scope="col">{ct('report.activity')}</th>
                <th scope="col">{ct('report.feedbackAnswers')}</th>
                {FEEDBACK_ANSWERS.map((a) => (
                  <th scope="col" key={a}>
                    {ct(ANSWER_KEYS[a])}
                  </th>
                ))}
                <th scope="col">{ct('report.feedbackFlags')}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.map((f) => (
                <tr key={f.activity}>
                  <td>{f.title}</td>
                  <td class="num">{f.answers}</td>
                  {FEEDBACK_ANSWERS.map((a) => (
                    <td class="num" key={a}>
                      {f.counts[a]}
                    </td>
                  ))}
                  <td>
                    {f.flags
                      .map((flag) =>
                        ct(
                          flag === 'hard' ? 'report.feedbackFlagHard' : 'report.feedbackFlagScary',
                        ),
                      )
                      .join(', ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * A class's report (ADULT-3): one row per child with the same columns and values as the CSV,
 * each topic's stars as stars and "n/3"; the most missed questions; CSV and print.
 */
export function ReportPage({ params }: { params: Readonly<Record<string, string>> }) {
  return (
    <RolePage title={ct('report.title')} role="teacher">
      {() => <ReportView id={params.id ?? ''} />}
    </RolePage>
  );
}
