import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { industryApi } from '../api';
import type { Assessment, Framework, FrameworkQuestion } from '../api';
import { featuresOf, formAnswers } from '../answers';
import { QuestionDialogue, openClarification, workingDaysAhead } from '../dialogue';
import { EvidenceBlock } from '../evidence';
import { questionText, sectionTitle } from '../framework';
import { IndustryPage } from '../industry-page';
import { problemMessage } from '../problems';
import { ReviewerPublication } from '../publication';
import { ReviewerPanel } from '../reviewer-choice';
import { ScoreSummary } from '../score-view';
import { SectionsForm, useSections } from '../sections-form';
import { nt, when } from '../strings';
import { useAssessment } from '../use-assessment';
import { AssessmentHead } from './assessment';
import { resultsPath } from './home';

/** Asking the company to clarify one question (IND-12): the message and the deadline. */
function ClarifyForm(props: {
  a: Assessment;
  q: FrameworkQuestion;
  onChange: () => Promise<void>;
}) {
  const base = `clar-${props.q.id}`;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [due, setDue] = useState(() => workingDaysAhead(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  if (!open)
    return (
      <p>
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {nt('industry.review.clarify')}
        </button>
      </p>
    );
  const send = async (e: Event) => {
    e.preventDefault();
    if (!message.trim()) {
      setProblem(nt('industry.review.clarifyMissing'));
      document.getElementById(`${base}-message`)?.focus();
      return;
    }
    try {
      await industryApi.transition(props.a.id, {
        to: 'clarification-requested',
        question: props.q.id,
        message: message.trim(),
        dueAt: due,
      });
      setProblem(null);
      setOpen(false);
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <form class="account-form clarify-form" onSubmit={send} noValidate>
      <h4>{nt('industry.review.clarifyTitle')}</h4>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="field">
        <label for={`${base}-message`}>{nt('industry.review.clarifyMessage')}</label>
        <p class="field-hint" id={`${base}-hint`}>
          {nt('industry.review.clarifyHint')}
        </p>
        <textarea
          id={`${base}-message`}
          rows={3}
          maxLength={8000}
          aria-describedby={`${base}-hint`}
          value={message}
          onInput={(e) => setMessage(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${base}-due`}>{nt('industry.review.clarifyDue')}</label>
        <p class="field-hint" id={`${base}-due-hint`}>
          {nt('industry.review.clarifyDueHint')}
        </p>
        <input
          type="date"
          id={`${base}-due`}
          aria-describedby={`${base}-due-hint`}
          value={due}
          onInput={(e) => setDue(e.currentTarget.value)}
        />
      </div>
      <p class="button-row">
        <button type="submit" class="primary">
          {nt('industry.review.clarifySend')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {nt('industry.common.cancel')}
        </button>
      </p>
    </form>
  );
}

/** The moves the coordinator may make now (the engine's `next`), each in words. */
function ReviewActions({ a, onChange }: { a: Assessment; onChange: () => Promise<void> }) {
  const [letter, setLetter] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const move = async (to: Assessment['state'], extra: { feedbackLetter?: string } = {}) => {
    try {
      await industryApi.transition(a.id, { to, ...extra });
      setProblem(null);
      await onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const next = a.next;
  const pending = a.deadlines.flatMap((d) =>
    d.extensions.filter((e) => e.decision === 'pending').map((e) => ({ d, e })),
  );
  if (next.length === 0 && pending.length === 0) return null;
  return (
    <section class="card review-actions" aria-labelledby="review-actions-title">
      <h2 id="review-actions-title">{nt('industry.review.actions')}</h2>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {next.includes('in-review') && (
        <p>
          <button type="button" class="primary" onClick={() => void move('in-review')}>
            {a.state === 'responded' ? nt('industry.review.resume') : nt('industry.review.start')}
          </button>
        </p>
      )}
      {next.includes('clarification-requested') && <p>{nt('industry.review.clarifyWhere')}</p>}
      {next.includes('accepted') && (
        <form
          class="account-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!letter.trim()) {
              setProblem(nt('industry.error.letter'));
              document.getElementById('review-letter')?.focus();
              return;
            }
            void move('accepted', { feedbackLetter: letter.trim() });
          }}
        >
          <div class="field">
            <label for="review-letter">{nt('industry.review.letter')}</label>
            <p class="field-hint" id="review-letter-hint">
              {nt('industry.review.letterHint')}
            </p>
            <textarea
              id="review-letter"
              rows={6}
              maxLength={20000}
              aria-describedby="review-letter-hint"
              value={letter}
              onInput={(e) => setLetter(e.currentTarget.value)}
            />
          </div>
          <p>
            <button type="submit" class="primary">
              {nt('industry.review.accept')}
            </button>
          </p>
        </form>
      )}
      {next.includes('monitoring') && (
        <p>
          <button type="button" class="primary" onClick={() => void move('monitoring')}>
            {nt('industry.review.monitor')}
          </button>
        </p>
      )}
      {next.includes('closed') && (
        <p>
          <button type="button" class="secondary" onClick={() => void move('closed')}>
            {nt('industry.review.close')}
          </button>
        </p>
      )}
      {pending.map(({ d, e }) => (
        <div key={e.id} class="extension">
          <p>
            {nt('industry.review.extension', {
              from: when(e.oldDue ?? d.dueAt),
              to: when(e.newDue),
            })}
          </p>
          <blockquote>{e.reason}</blockquote>
          <p class="button-row">
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                try {
                  await industryApi.decideExtension(e.id, 'granted');
                  await onChange();
                } catch (error) {
                  setProblem(problemMessage(error));
                }
              }}
            >
              {nt('industry.review.grant')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                try {
                  await industryApi.decideExtension(e.id, 'refused');
                  await onChange();
                } catch (error) {
                  setProblem(problemMessage(error));
                }
              }}
            >
              {nt('industry.review.refuse')}
            </button>
          </p>
        </div>
      ))}
    </section>
  );
}

function Review({ id, me }: { id: string; me: string }) {
  const { state, reload } = useAssessment(id);
  const framework: Framework | null = state.kind === 'ready' ? state.framework : null;
  const sections = useSections(framework);
  if (state.kind === 'loading') return <p>{nt('industry.common.loading')}</p>;
  if (state.kind === 'failed') return <p class="notice">{state.message}</p>;
  const { assessment: a } = state;
  const canClarify = a.next.includes('clarification-requested');
  const assigned = a.reviewer?.id === me;
  return (
    <>
      <AssessmentHead a={a} framework={state.framework} />
      <ReviewerPanel a={a} me={me} onChange={reload} />
      <ReviewActions a={a} onChange={reload} />
      <ReviewerPublication
        a={a}
        texts={{
          section: (id) => sectionTitle(state.framework, id),
          question: (id) => questionText(state.framework, id),
        }}
      />
      <ScoreSummary framework={state.framework} score={a.score} />
      <p class="button-row">
        <Link class="button secondary" href={resultsPath(a.id)}>
          {nt('industry.review.results')}
        </Link>
      </p>
      <h2>{nt('industry.review.answers')}</h2>
      <SectionsForm
        framework={state.framework}
        features={featuresOf(a)}
        answers={formAnswers(a)}
        sections={sections}
        editable={() => false}
        extra={(q) => (
          <>
            {(a.evidence[q.id]?.length ?? 0) > 0 &&
              (assigned ? (
                <EvidenceBlock
                  assessmentId={a.id}
                  question={q.id}
                  documents={a.evidence[q.id] ?? []}
                  canUpload={false}
                  canRemove={false}
                  onChange={reload}
                />
              ) : (
                <p class="field-hint">{nt('industry.review.evidenceAssigned')}</p>
              ))}
            <QuestionDialogue
              assessment={a}
              question={q.id}
              audience="reviewer"
              canComment={a.state !== 'draft'}
              onChange={reload}
            />
            {canClarify && !openClarification(a, q.id) && (
              <ClarifyForm a={a} q={q} onChange={reload} />
            )}
          </>
        )}
      />
    </>
  );
}

/**
 * A coordinator's review of one assessment (INDUSTRY-2): start the review, read the answers and
 * documents (the assigned reviewer only, IND-17), notes that stay internal, a clarification on a
 * question with its deadline, extensions, acceptance with a feedback letter, then monitoring.
 */
export function ReviewPage({ params }: { params: Readonly<Record<string, string>> }) {
  return (
    <IndustryPage title="industry.review.title" audience="reviewer">
      {(account) => <Review id={params.id ?? ''} me={account.user.id} />}
    </IndustryPage>
  );
}
