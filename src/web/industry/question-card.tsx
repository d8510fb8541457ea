import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ANSWER_LEVELS, answerProblem } from '../../engine';
import type { AnswerLevel } from '../../engine';
import { CONFIDENTIALITY } from './api';
import type { AnswerInput, Confidentiality, FrameworkQuestion } from './api';
import { confidentialityHint, confidentialityLabel, levelHint, levelLabel } from './labels';
import { problemMessage } from './problems';
import { nt } from './strings';

/** An answer as the form holds it (saved on the server, or only in this browser). */
export interface FormAnswer {
  readonly level: AnswerLevel | null;
  readonly reason?: string | null;
  readonly narrative?: string | null;
  readonly confidentiality?: Confidentiality;
}

/** The element ids of a question's card (links from the blockers and the dialogue go there). */
export const questionAnchor = (id: string) => `q-${id}`;

/**
 * One question: its text and guidance, the scale 0–4 with each level's words or N/A with a
 * reason (IND-04), what is in place in the company's words, who may see the answer
 * (Confidential unless changed, IND-16), and below, what the page adds (documents, comments).
 * Read-only, it shows the saved answer.
 */
export function QuestionCard(props: {
  question: FrameworkQuestion;
  answer: FormAnswer | undefined;
  /** Whether the answer can be changed now. */
  editable: boolean;
  onSave?: (input: AnswerInput) => Promise<void>;
  /** Practice mode has no one to keep anything confidential from. */
  confidentiality?: boolean;
  children?: ComponentChildren;
}) {
  const { question: q, answer, editable } = props;
  const withConfidentiality = props.confidentiality ?? true;
  const base = questionAnchor(q.id);
  const startLevel =
    answer === undefined ? '' : answer.level === null ? 'na' : String(answer.level);
  const [level, setLevel] = useState(startLevel);
  const [reason, setReason] = useState(answer?.reason ?? '');
  const [narrative, setNarrative] = useState(answer?.narrative ?? '');
  const [conf, setConf] = useState<Confidentiality>(answer?.confidentiality ?? 'confidential');
  const [problem, setProblem] = useState<{ field: 'level' | 'reason' | null; text: string } | null>(
    null,
  );
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (level === '') {
      setProblem({ field: 'level', text: nt('industry.form.chooseLevel') });
      document.getElementById(`${base}-l0`)?.focus();
      return;
    }
    const input: AnswerInput =
      level === 'na'
        ? { level: 'na', reason: reason.trim(), narrative }
        : { level: Number(level) as AnswerLevel, narrative };
    if (answerProblem(input) === 'na-without-reason') {
      setProblem({ field: 'reason', text: nt('industry.error.naReason') });
      document.getElementById(`${base}-reason`)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await props.onSave?.(withConfidentiality ? { ...input, confidentiality: conf } : input);
      setStatus(nt('industry.form.saved'));
    } catch (error) {
      setProblem({ field: null, text: problemMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const badges = (
    <p class="badges">
      {q.critical && <span class="badge critical">{nt('industry.form.critical')}</span>}
      {q.evidence === 'document' && <span class="badge">{nt('industry.form.documentNeeded')}</span>}
    </p>
  );
  const errorFor = (field: 'level' | 'reason' | null) =>
    problem?.field === field ? (
      <p id={`${base}-${field ?? 'form'}-error`} class="field-error">
        <span class="visually-hidden">{nt('industry.form.errorPrefix')} </span>
        {problem.text}
      </p>
    ) : null;

  return (
    <section class="card question" id={base} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} tabIndex={-1}>
        {q.text}
      </h3>
      {badges}
      <p class="guidance">{q.guidance}</p>
      {editable ? (
        <form class="account-form" onSubmit={save} noValidate>
          <fieldset
            class={`field scale${problem?.field === 'level' ? ' invalid' : ''}`}
            aria-describedby={problem?.field === 'level' ? `${base}-level-error` : undefined}
          >
            <legend>{nt('industry.form.yourAnswer')}</legend>
            {errorFor('level')}
            {ANSWER_LEVELS.map((l) => (
              <label class="radio" key={l}>
                <input
                  type="radio"
                  name={`${base}-level`}
                  id={`${base}-l${l}`}
                  value={String(l)}
                  checked={level === String(l)}
                  onChange={() => setLevel(String(l))}
                />
                <span>
                  <span class="strong">{levelLabel(l)}</span>
                  <span class="radio-hint">{levelHint(l)}</span>
                </span>
              </label>
            ))}
            <label class="radio">
              <input
                type="radio"
                name={`${base}-level`}
                value="na"
                checked={level === 'na'}
                onChange={() => setLevel('na')}
              />
              <span>
                <span class="strong">{levelLabel('na')}</span>
                <span class="radio-hint">{nt('industry.scale.na.hint')}</span>
              </span>
            </label>
          </fieldset>
          {level === 'na' && (
            <div class={`field${problem?.field === 'reason' ? ' invalid' : ''}`}>
              <label for={`${base}-reason`}>{nt('industry.form.naReason')}</label>
              <p class="field-hint" id={`${base}-reason-hint`}>
                {nt('industry.form.naReasonHint')}
              </p>
              {errorFor('reason')}
              <textarea
                id={`${base}-reason`}
                rows={2}
                maxLength={2000}
                required
                aria-describedby={`${base}-reason-hint${problem?.field === 'reason' ? ` ${base}-reason-error` : ''}`}
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </div>
          )}
          <div class="field">
            <label for={`${base}-narrative`}>{nt('industry.form.narrative')}</label>
            <p class="field-hint" id={`${base}-narrative-hint`}>
              {nt('industry.form.narrativeHint')}
            </p>
            <textarea
              id={`${base}-narrative`}
              rows={3}
              maxLength={8000}
              aria-describedby={`${base}-narrative-hint`}
              value={narrative}
              onInput={(e) => setNarrative(e.currentTarget.value)}
            />
          </div>
          {withConfidentiality && (
            <div class="field">
              <label for={`${base}-conf`}>{nt('industry.form.confidentiality')}</label>
              <p class="field-hint" id={`${base}-conf-hint`}>
                {confidentialityHint(conf)}
              </p>
              <select
                id={`${base}-conf`}
                aria-describedby={`${base}-conf-hint`}
                value={conf}
                onChange={(e) => setConf(e.currentTarget.value as Confidentiality)}
              >
                {CONFIDENTIALITY.map((c) => (
                  <option key={c} value={c}>
                    {confidentialityLabel(c)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {errorFor(null)}
          <p class="save-row">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? nt('industry.form.saving') : nt('industry.form.save')}
            </button>
            <span class="saved" role="status">
              {status}
            </span>
          </p>
        </form>
      ) : (
        <dl class="facts answer-facts">
          <dt>{nt('industry.form.yourAnswer')}</dt>
          <dd class="strong">{answer ? levelLabel(answer.level ?? 'na') : levelLabel(null)}</dd>
          {answer?.level === null && answer.reason && (
            <>
              <dt>{nt('industry.form.naReason')}</dt>
              <dd>{answer.reason}</dd>
            </>
          )}
          {answer?.narrative && (
            <>
              <dt>{nt('industry.form.narrativeShort')}</dt>
              <dd class="narrative">{answer.narrative}</dd>
            </>
          )}
          {withConfidentiality && answer?.confidentiality && (
            <>
              <dt>{nt('industry.form.confidentialityShort')}</dt>
              <dd>{confidentialityLabel(answer.confidentiality)}</dd>
            </>
          )}
        </dl>
      )}
      {props.children}
    </section>
  );
}
