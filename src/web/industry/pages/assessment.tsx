import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { industryApi } from '../api';
import type { Assessment, Deadline, Framework } from '../api';
import { featuresOf, formAnswers } from '../answers';
import { BlockerList } from '../blockers';
import { QuestionDialogue, openClarification } from '../dialogue';
import { EvidenceBlock } from '../evidence';
import { questionText, sectionTitle } from '../framework';
import { IndustryPage } from '../industry-page';
import { problemMessage } from '../problems';
import { CompanyPublication } from '../publication';
import { SectionsForm, useSections } from '../sections-form';
import type { Sections } from '../sections-form';
import { StateBadge } from '../state-badge';
import { nt, when } from '../strings';
import { useAssessment } from '../use-assessment';
import { resultsPath } from './home';

/** The assessment's heading facts: service, framework and version (IND-01), state. */
export function AssessmentHead({ a, framework }: { a: Assessment; framework: Framework }) {
  return (
    <div class="assessment-head">
      <h2 class="service-name">{a.service.name}</h2>
      <p>
        <StateBadge state={a.state} />
      </p>
      <dl class="facts">
        <dt>{nt('industry.home.framework')}</dt>
        <dd>
          {nt('industry.common.frameworkVersion', {
            title: framework.title,
            version: framework.version,
          })}
        </dd>
        {a.submittedAt && (
          <>
            <dt>{nt('industry.home.submitted')}</dt>
            <dd>{when(a.submittedAt)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Asking for more time on a deadline (IND-15): the new date and the reason, both logged. */
function ExtensionForm({
  deadline,
  onChange,
}: {
  deadline: Deadline;
  onChange: () => Promise<void>;
}) {
  const base = `ext-${deadline.id}`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pending = deadline.extensions.find((e) => e.decision === 'pending');
  if (pending) return <p>{nt('industry.extension.pending', { date: when(pending.newDue) })}</p>;
  if (!open)
    return (
      <p>
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {nt('industry.extension.ask')}
        </button>
      </p>
    );
  const send = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim() || !due) {
      setProblem(nt('industry.extension.missing'));
      return;
    }
    try {
      await industryApi.askExtension(deadline.id, { reason: reason.trim(), newDue: due });
      setProblem(null);
      await onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <form class="account-form" onSubmit={send} noValidate>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="field">
        <label for={`${base}-due`}>{nt('industry.extension.newDue')}</label>
        <input
          type="date"
          id={`${base}-due`}
          min={deadline.dueAt.slice(0, 10)}
          value={due}
          onInput={(e) => setDue(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${base}-reason`}>{nt('industry.extension.reason')}</label>
        <textarea
          id={`${base}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <p class="button-row">
        <button type="submit" class="secondary">
          {nt('industry.extension.send')}
        </button>
      </p>
    </form>
  );
}

/** The coordinator's open questions to the company, each with its deadline and the way to it. */
function Clarifications(props: {
  a: Assessment;
  framework: Framework;
  sections: Sections;
  onChange: () => Promise<void>;
}) {
  const open = props.a.deadlines.filter(
    (d) => d.kind === 'clarification' && !d.metAt && d.question,
  );
  const [problem, setProblem] = useState<string | null>(null);
  if (props.a.state !== 'clarification-requested' || open.length === 0) return null;
  const respond = async () => {
    try {
      await industryApi.transition(props.a.id, { to: 'responded' });
      setProblem(null);
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <section class="card clarification-card" aria-labelledby="clar-title">
      <h2 id="clar-title">{nt('industry.clarify.title')}</h2>
      <p>{nt('industry.clarify.intro')}</p>
      <ul class="clarification-list">
        {open.map((d) => {
          const asked = [...props.a.comments]
            .reverse()
            .find((c) => c.question === d.question && c.author === 'coordinator');
          return (
            <li key={d.id}>
              <p>
                <a
                  href={`#q-${d.question}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.sections.goTo(d.question!);
                  }}
                >
                  {questionText(props.framework, d.question!)}
                </a>
              </p>
              {asked && <blockquote class="asked">{asked.body}</blockquote>}
              <p class={d.overdue ? 'overdue strong' : 'strong'}>
                {nt(d.overdue ? 'industry.dialogue.overdue' : 'industry.dialogue.dueBy', {
                  date: when(d.dueAt),
                })}
              </p>
              <ExtensionForm deadline={d} onChange={props.onChange} />
            </li>
          );
        })}
      </ul>
      <p>{nt('industry.clarify.when')}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button type="button" class="primary" onClick={() => void respond()}>
          {nt('industry.clarify.respond')}
        </button>
      </p>
    </section>
  );
}

function SubmitPanel(props: {
  a: Assessment;
  framework: Framework;
  sections: Sections;
  onChange: () => Promise<void>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.a.state !== 'draft') return null;
  const submit = async () => {
    setBusy(true);
    try {
      await industryApi.transition(props.a.id, { to: 'submitted' });
      setProblem(null);
      await props.onChange();
      window.scrollTo(0, 0);
    } catch (error) {
      setProblem(problemMessage(error));
      await props.onChange();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card submit-card" aria-labelledby="submit-title">
      <h2 id="submit-title">{nt('industry.submit.title')}</h2>
      <BlockerList
        framework={props.framework}
        blockers={props.a.blockers}
        goTo={props.sections.goTo}
      />
      <p>{nt('industry.submit.what')}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button
          type="button"
          class="primary"
          disabled={busy}
          aria-disabled={props.a.blockers.length > 0 ? true : undefined}
          onClick={() => void submit()}
        >
          {nt('industry.submit.button')}
        </button>
      </p>
    </section>
  );
}

/**
 * Withdrawing (research/industry.md (b)): the company may take back a draft, a submission not yet
 * in review, or one waiting on its clarification. Two steps, because it cannot be undone; a new
 * assessment can be started afterwards.
 */
function WithdrawPanel(props: { a: Assessment; onChange: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!props.a.next.includes('withdrawn')) return null;
  const withdraw = async () => {
    setBusy(true);
    try {
      await industryApi.transition(props.a.id, { to: 'withdrawn' });
      setProblem(null);
      setAsking(false);
      await props.onChange();
      window.scrollTo(0, 0);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{nt('industry.withdraw.title')}</h2>
      <p>{nt('industry.withdraw.what')}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {asking ? (
        <div role="group" aria-labelledby="withdraw-sure">
          <p id="withdraw-sure" class="strong">
            {nt('industry.withdraw.sure')}
          </p>
          <p class="button-row">
            <button
              type="button"
              class="secondary danger"
              disabled={busy}
              onClick={() => void withdraw()}
            >
              {nt('industry.withdraw.yes')}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              {nt('industry.withdraw.keep')}
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" class="secondary" onClick={() => setAsking(true)}>
            {nt('industry.withdraw.button')}
          </button>
        </p>
      )}
    </section>
  );
}

function AssessmentView({ id }: { id: string }) {
  const { state, reload } = useAssessment(id);
  const framework = state.kind === 'ready' ? state.framework : null;
  const sections = useSections(framework);
  if (state.kind === 'loading') return <p>{nt('industry.common.loading')}</p>;
  if (state.kind === 'failed') return <p class="notice">{state.message}</p>;
  const { assessment: a } = state;
  const draft = a.state === 'draft';
  const editable = (q: string) =>
    draft || (a.state === 'clarification-requested' && openClarification(a, q) !== undefined);
  const dialogueOpen = !['draft', 'withdrawn', 'closed'].includes(a.state);
  return (
    <>
      <AssessmentHead a={a} framework={state.framework} />
      {a.state === 'submitted' && <p class="notice">{nt('industry.assessment.submitted')}</p>}
      {a.state === 'in-review' && <p class="notice">{nt('industry.assessment.inReview')}</p>}
      {a.state === 'responded' && <p class="notice">{nt('industry.assessment.responded')}</p>}
      {a.state === 'withdrawn' && <p class="notice">{nt('industry.withdraw.done')}</p>}
      {a.feedbackLetter && (
        <section class="card letter" aria-labelledby="letter-title">
          <h2 id="letter-title">{nt('industry.results.letter')}</h2>
          <p class="narrative">{a.feedbackLetter}</p>
        </section>
      )}
      {(a.state === 'accepted' || a.state === 'monitoring') && (
        <CompanyPublication
          a={a}
          texts={{
            section: (id) => sectionTitle(state.framework, id),
            question: (id) => questionText(state.framework, id),
          }}
        />
      )}
      <Clarifications a={a} framework={state.framework} sections={sections} onChange={reload} />
      <p class="button-row">
        <Link class="button secondary" href={resultsPath(a.id)}>
          {draft ? nt('industry.assessment.scoresSoFar') : nt('industry.home.results')}
        </Link>
      </p>
      {draft && <p>{nt('industry.assessment.draftIntro')}</p>}
      <SectionsForm
        framework={state.framework}
        features={featuresOf(a)}
        answers={formAnswers(a)}
        sections={sections}
        editable={(q) => editable(q.id)}
        onSave={async (q, input) => {
          await industryApi.answer(a.id, q, input);
          await reload();
        }}
        extra={(q) => (
          <>
            {(q.evidence === 'document' || (a.evidence[q.id]?.length ?? 0) > 0) && (
              <EvidenceBlock
                assessmentId={a.id}
                question={q.id}
                documents={a.evidence[q.id] ?? []}
                canUpload={editable(q.id)}
                canRemove={draft}
                onChange={reload}
              />
            )}
            <QuestionDialogue
              assessment={a}
              question={q.id}
              audience="company"
              canComment={dialogueOpen}
              onChange={reload}
            />
          </>
        )}
      />
      <SubmitPanel a={a} framework={state.framework} sections={sections} onChange={reload} />
      <WithdrawPanel a={a} onChange={reload} />
    </>
  );
}

/**
 * A company's assessment (INDUSTRY-1, -2): the form by section with documents and the blockers
 * while a draft; afterwards the answers, the dialogue with the coordinator per question, the
 * clarifications asked with their deadlines (answer, respond, ask for more time).
 */
export function AssessmentPage({ params }: { params: Readonly<Record<string, string>> }) {
  return (
    <IndustryPage title="industry.assessment.title" audience="company">
      {() => <AssessmentView id={params.id ?? ''} />}
    </IndustryPage>
  );
}
