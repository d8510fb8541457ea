import { useEffect, useState } from 'preact/hooks';
import { actionOverdue } from '../../../engine';
import type { Gap, Maturity } from '../../../engine';
import { Link } from '../../components/link';
import { language } from '../../i18n/i18n';
import { ACTION_STATUSES, industryApi, industryFiles } from '../api';
import type { Action, ActionStatus, Assessment, Changes, Framework } from '../api';
import { questionText, sectionTitle } from '../framework';
import { IndustryPage, audienceOf } from '../industry-page';
import type { Audience } from '../industry-page';
import { levelLabel, maturityLabel, statusLabel } from '../labels';
import { problemMessage } from '../problems';
import { GapList, ScoreSummary, SectionTable } from '../score-view';
import { nt, percent } from '../strings';
import { useAssessment } from '../use-assessment';
import { AssessmentHead } from './assessment';
import { assessmentPath } from './home';

const today = () => new Date().toISOString().slice(0, 10);

/** One gap's action (IND-23): who owns it (a role or team, not a person), by when, how far. */
function ActionRow(props: {
  assessmentId: string;
  gap: Gap;
  action: Action | undefined;
  editable: boolean;
  onChange: () => Promise<void>;
}) {
  const base = `act-${props.gap.question}`;
  const [owner, setOwner] = useState(props.action?.owner ?? '');
  const [due, setDue] = useState(props.action?.due ?? '');
  const [status, setStatus] = useState<ActionStatus>(props.action?.status ?? 'open');
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const overdue = props.action !== undefined && actionOverdue(props.action, today());
  if (!props.editable)
    return (
      <div class="action-plan">
        <h4>{nt('industry.results.action')}</h4>
        {props.action ? (
          <p>
            {nt('industry.results.actionSummary', {
              owner: props.action.owner,
              due: props.action.due,
              status: statusLabel(props.action.status),
            })}
            {overdue && <span class="badge overdue-badge">{nt('industry.results.overdue')}</span>}
          </p>
        ) : (
          <p class="field-hint">{nt('industry.results.noAction')}</p>
        )}
      </div>
    );
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved('');
    if (!owner.trim() || !due) {
      setProblem(nt('industry.results.actionMissing'));
      return;
    }
    try {
      await industryApi.action(props.assessmentId, props.gap.question, {
        owner: owner.trim(),
        due,
        status,
      });
      setProblem(null);
      setSaved(nt('industry.form.saved'));
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <form class="account-form action-plan" onSubmit={save} noValidate>
      <h4>
        {nt('industry.results.action')}
        {overdue && <span class="badge overdue-badge">{nt('industry.results.overdue')}</span>}
      </h4>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="action-fields">
        <div class="field">
          <label for={`${base}-owner`}>{nt('industry.results.owner')}</label>
          <p class="field-hint" id={`${base}-owner-hint`}>
            {nt('industry.results.ownerHint')}
          </p>
          <input
            type="text"
            id={`${base}-owner`}
            maxLength={120}
            aria-describedby={`${base}-owner-hint`}
            value={owner}
            onInput={(e) => setOwner(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${base}-due`}>{nt('industry.results.due')}</label>
          <input
            type="date"
            id={`${base}-due`}
            value={due}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${base}-status`}>{nt('industry.results.status')}</label>
          <select
            id={`${base}-status`}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="save-row">
        <button type="submit" class="secondary">
          {nt('industry.results.saveAction')}
        </button>
        <span class="saved" role="status">
          {saved}
        </span>
      </p>
    </form>
  );
}

/** What changed since the version this one resubmits (IND-10). */
function ChangesView({ a, framework }: { a: Assessment; framework: Framework }) {
  const [changes, setChanges] = useState<Changes | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!a.previousId) return;
    industryApi.changes(a.id).then(setChanges, (e) => setFailed(problemMessage(e)));
  }, [a.id, a.previousId]);
  if (!a.previousId) return null;
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{nt('industry.results.changesTitle')}</h2>
      {failed && <p class="notice">{failed}</p>}
      {!changes && !failed && <p>{nt('industry.common.loading')}</p>}
      {changes && (
        <>
          <p>
            <Link href={assessmentPath(a.previousId)}>{nt('industry.results.previous')}</Link>
          </p>
          <dl class="facts">
            <dt>{nt('industry.results.overall')}</dt>
            <dd>
              {nt('industry.results.fromTo', {
                from: percent(changes.overall.from),
                to: percent(changes.overall.to),
              })}
            </dd>
            <dt>{nt('industry.results.maturityTerm')}</dt>
            <dd>
              {nt('industry.results.fromTo', {
                from: changes.maturity.from
                  ? maturityLabel(changes.maturity.from as Maturity)
                  : '–',
                to: changes.maturity.to ? maturityLabel(changes.maturity.to as Maturity) : '–',
              })}
            </dd>
          </dl>
          {changes.answers.length === 0 ? (
            <p>{nt('industry.results.noChanges')}</p>
          ) : (
            <div class="table-scroll" tabIndex={0} aria-labelledby="changes-title">
              <table class="score-table">
                <caption>
                  {nt('industry.results.changedAnswers', { n: changes.answers.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{nt('industry.results.question')}</th>
                    <th scope="col">{nt('industry.results.before')}</th>
                    <th scope="col">{nt('industry.results.now')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.answers.map((c) => (
                    <tr key={c.question}>
                      <th scope="row">{questionText(framework, c.question)}</th>
                      <td>{levelLabel(c.from)}</td>
                      <td>{levelLabel(c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {changes.sections.length > 0 && (
            <ul class="section-changes">
              {changes.sections.map((s) => (
                <li key={s.section}>
                  {sectionTitle(framework, s.section)}:{' '}
                  {nt('industry.results.fromTo', { from: percent(s.from), to: percent(s.to) })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Results({ id, audience }: { id: string; audience: Audience }) {
  const { state, reload } = useAssessment(id);
  if (state.kind === 'loading') return <p>{nt('industry.common.loading')}</p>;
  if (state.kind === 'failed') return <p class="notice">{state.message}</p>;
  const { assessment: a, framework } = state;
  const back =
    audience === 'company'
      ? assessmentPath(a.id)
      : `/account/industry/review/${encodeURIComponent(a.id)}`;
  return (
    <>
      <AssessmentHead a={a} framework={framework} />
      <p class="button-row">
        <a class="button primary" href={industryFiles.pdf(a.id, language())} download>
          {nt('industry.results.pdf')}
        </a>
        <a class="button secondary" href={industryFiles.csv(a.id)} download>
          {nt('industry.results.csv')}
        </a>
      </p>
      {a.feedbackLetter && (
        <section class="card letter" aria-labelledby="letter-title">
          <h2 id="letter-title">{nt('industry.results.letter')}</h2>
          <p class="narrative">{a.feedbackLetter}</p>
        </section>
      )}
      <ScoreSummary framework={framework} score={a.score} />
      <ChangesView a={a} framework={framework} />
      <SectionTable framework={framework} score={a.score} />
      <GapList
        framework={framework}
        gaps={a.score.gaps}
        extra={(g) => (
          <ActionRow
            key={g.question}
            assessmentId={a.id}
            gap={g}
            action={a.actions[g.question]}
            editable={audience === 'company'}
            onChange={reload}
          />
        )}
      />
      <p>
        <Link href={back}>{nt('industry.results.back')}</Link>
      </p>
    </>
  );
}

/**
 * An assessment's results (IND-06…10, IND-23): the overall score and maturity with the critical
 * cap explained, the sections, the gaps ranked with recommendations and resources, the action
 * plan (the company edits it), the PDF and CSV, and what changed since the last version.
 */
export function ResultsPage({ params }: { params: Readonly<Record<string, string>> }) {
  return (
    <IndustryPage title="industry.results.title" audience="both">
      {(account) => <Results id={params.id ?? ''} audience={audienceOf(account.user.role)} />}
    </IndustryPage>
  );
}
