import { useState } from 'preact/hooks';
import { industryApi } from './api';
import type { Assessment, Comment, Deadline } from './api';
import type { Audience } from './industry-page';
import { problemMessage } from './problems';
import { nt, when } from './strings';

/** The clarification deadline still open on `question`, if any. */
export const openClarification = (a: Assessment, question: string): Deadline | undefined =>
  a.deadlines.find((d) => d.kind === 'clarification' && d.question === question && !d.metAt);

/** 20 working days from `from` (research (b)): the date a new clarification is due by default. */
export function workingDaysAhead(from: Date, days = 20): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

function CommentItem(props: {
  comment: Comment;
  audience: Audience;
  canResolve: boolean;
  onChange: () => Promise<void>;
}) {
  const c = props.comment;
  const [problem, setProblem] = useState<string | null>(null);
  const who =
    c.author === 'coordinator'
      ? nt('industry.dialogue.coordinator')
      : props.audience === 'company'
        ? nt('industry.dialogue.you')
        : nt('industry.dialogue.company');
  return (
    <li
      class={`comment${c.visibility === 'internal' ? ' internal' : ''}${c.parentId ? ' reply' : ''}`}
    >
      <p class="comment-head">
        <span class="strong">{who}</span>{' '}
        <time dateTime={c.createdAt}>{when(c.createdAt, true)}</time>
        {c.visibility === 'internal' && (
          <span class="badge internal-badge">{nt('industry.dialogue.internal')}</span>
        )}
        {c.resolvedAt && <span class="badge">{nt('industry.dialogue.resolved')}</span>}
      </p>
      <p class="comment-body">{c.body}</p>
      {props.canResolve && !c.resolvedAt && !c.parentId && (
        <p>
          <button
            type="button"
            class="secondary small-button"
            onClick={async () => {
              try {
                await industryApi.resolve(c.id);
                await props.onChange();
              } catch (error) {
                setProblem(problemMessage(error));
              }
            }}
          >
            {nt('industry.dialogue.resolve')}
          </button>
        </p>
      )}
      {problem && <p class="action-error">{problem}</p>}
    </li>
  );
}

/**
 * The dialogue on one question (IND-12, IND-13): its comments in order, the clarification asked
 * on it with its deadline, and a comment form. A coordinator's note is internal unless they say
 * it is for the company; the company never receives internal notes (the server leaves them out).
 */
export function QuestionDialogue(props: {
  assessment: Assessment;
  question: string;
  audience: Audience;
  canComment: boolean;
  onChange: () => Promise<void>;
}) {
  const { assessment: a, question, audience } = props;
  const comments = a.comments.filter((c) => c.question === question);
  const clarification = openClarification(a, question);
  const base = `dlg-${question}`;
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'company' | 'internal'>(
    audience === 'reviewer' ? 'internal' : 'company',
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  if (comments.length === 0 && !props.canComment && !clarification) return null;
  const send = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (!body.trim()) {
      setProblem(nt('industry.dialogue.empty'));
      document.getElementById(`${base}-body`)?.focus();
      return;
    }
    const parent = [...comments].reverse().find((c) => !c.parentId && c.visibility === 'company');
    try {
      await industryApi.comment(a.id, {
        question,
        body: body.trim(),
        visibility: audience === 'company' ? 'company' : visibility,
        ...(parent && audience === 'company' ? { parentId: parent.id } : {}),
      });
      setBody('');
      setProblem(null);
      setStatus(nt('industry.dialogue.sent'));
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <div class="dialogue">
      <h4 id={`${base}-title`}>{nt('industry.dialogue.title')}</h4>
      {clarification && (
        <p class={`clarification${clarification.overdue ? ' overdue' : ''}`}>
          <span class="strong">{nt('industry.dialogue.clarificationAsked')}</span>{' '}
          {nt(clarification.overdue ? 'industry.dialogue.overdue' : 'industry.dialogue.dueBy', {
            date: when(clarification.dueAt),
          })}
        </p>
      )}
      {comments.length > 0 && (
        <ol class="comments" aria-labelledby={`${base}-title`}>
          {comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              audience={audience}
              canResolve={audience === 'reviewer'}
              onChange={props.onChange}
            />
          ))}
        </ol>
      )}
      {props.canComment && (
        <form class="account-form comment-form" onSubmit={send} noValidate>
          <div class={`field${problem ? ' invalid' : ''}`}>
            <label for={`${base}-body`}>
              {audience === 'company'
                ? nt('industry.dialogue.reply')
                : nt('industry.dialogue.note')}
            </label>
            {problem && (
              <p class="field-error" id={`${base}-error`}>
                <span class="visually-hidden">{nt('industry.form.errorPrefix')} </span>
                {problem}
              </p>
            )}
            <textarea
              id={`${base}-body`}
              rows={3}
              maxLength={8000}
              aria-describedby={problem ? `${base}-error` : undefined}
              value={body}
              onInput={(e) => setBody(e.currentTarget.value)}
            />
          </div>
          {audience === 'reviewer' && (
            <fieldset class="field">
              <legend>{nt('industry.dialogue.who')}</legend>
              <label class="radio">
                <input
                  type="radio"
                  name={`${base}-vis`}
                  checked={visibility === 'internal'}
                  onChange={() => setVisibility('internal')}
                />
                <span>
                  <span class="strong">{nt('industry.dialogue.internalChoice')}</span>
                  <span class="radio-hint">{nt('industry.dialogue.internalHint')}</span>
                </span>
              </label>
              <label class="radio">
                <input
                  type="radio"
                  name={`${base}-vis`}
                  checked={visibility === 'company'}
                  onChange={() => setVisibility('company')}
                />
                <span>
                  <span class="strong">{nt('industry.dialogue.companyChoice')}</span>
                  <span class="radio-hint">{nt('industry.dialogue.companyHint')}</span>
                </span>
              </label>
            </fieldset>
          )}
          <p class="save-row">
            <button type="submit" class="secondary">
              {audience === 'company'
                ? nt('industry.dialogue.sendReply')
                : nt('industry.dialogue.sendNote')}
            </button>
            <span class="saved" role="status">
              {status}
            </span>
          </p>
        </form>
      )}
    </div>
  );
}
