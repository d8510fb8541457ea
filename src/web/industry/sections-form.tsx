import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ServiceFeature } from '../../engine';
import type { AnswerInput, Framework, FrameworkQuestion } from './api';
import { asked } from './framework';
import { QuestionCard, questionAnchor } from './question-card';
import type { FormAnswer } from './question-card';
import { nt } from './strings';

const WIDE = '(min-width: 60rem)';

/** Whether the screen is wide enough for the sections beside the questions. */
function useWide(): boolean {
  const [wide, setWide] = useState(() => matchMedia(WIDE).matches);
  useEffect(() => {
    const m = matchMedia(WIDE);
    const update = () => setWide(m.matches);
    m.addEventListener('change', update);
    return () => m.removeEventListener('change', update);
  }, []);
  return wide;
}

/** Which section shows, and a way to open the section of a question and move focus to it. */
export function useSections(framework: Framework | null) {
  const [section, setSection] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const current = section ?? framework?.sections[0]?.id ?? null;
  useEffect(() => {
    if (!focus) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(`${focus.id}-title`) ?? document.getElementById(focus.id);
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focus]);
  return {
    section: current,
    /** Shows `id`'s section and puts the focus on its heading. */
    open: (id: string) => {
      setSection(id);
      setFocus({ id: `section-${id}`, n: Date.now() });
    },
    /** Shows the section of `question` and puts the focus on the question. */
    goTo: (question: string) => {
      const q = framework?.questions.find((x) => x.id === question);
      if (q) setSection(q.section);
      setFocus({ id: questionAnchor(question), n: Date.now() });
    },
  };
}

export type Sections = ReturnType<typeof useSections>;

/**
 * The assessment form by section (INDUSTRY-1): the sections with how many of their questions are
 * answered, one section's questions at a time (only those the service's features ask, IND-02),
 * and the way to the next section. The same form serves the company's assessment, the
 * coordinator's reading of it and practice mode.
 */
export function SectionsForm(props: {
  framework: Framework;
  features: readonly ServiceFeature[];
  answers: Readonly<Record<string, FormAnswer>>;
  sections: Sections;
  editable: (q: FrameworkQuestion) => boolean;
  onSave?: (question: string, input: AnswerInput) => Promise<void>;
  confidentiality?: boolean;
  /** What each question's card adds below the answer (documents, comments). */
  extra?: (q: FrameworkQuestion) => ComponentChildren;
}) {
  const { framework, features, answers, sections } = props;
  const wide = useWide();
  const questionsOf = (section: string) =>
    framework.questions.filter((q) => q.section === section && asked(q, features));
  const index = Math.max(
    0,
    framework.sections.findIndex((s) => s.id === sections.section),
  );
  const current = framework.sections[index]!;
  const shown = questionsOf(current.id);
  const prev = framework.sections[index - 1];
  const next = framework.sections[index + 1];
  const complete = framework.sections.filter((s) =>
    questionsOf(s.id).every((q) => answers[q.id] !== undefined),
  ).length;
  const list = (
    <ol>
      {framework.sections.map((s) => {
        const qs = questionsOf(s.id);
        const done = qs.filter((q) => answers[q.id] !== undefined).length;
        return (
          <li key={s.id}>
            <button
              type="button"
              class="section-link"
              aria-current={s.id === current.id ? 'step' : undefined}
              onClick={() => sections.open(s.id)}
            >
              <span class="section-title">{s.title}</span>
              <span class={`section-count${done === qs.length ? ' complete' : ''}`}>
                {nt('industry.form.answeredOf', { done, total: qs.length })}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
  return (
    <div class="sections-form">
      <nav class="section-nav" aria-labelledby="section-nav-title">
        {wide ? (
          <>
            <h2 id="section-nav-title" class="small-heading">
              {nt('industry.form.sections')}
            </h2>
            {list}
          </>
        ) : (
          <details>
            <summary>
              <h2 id="section-nav-title" class="small-heading">
                {nt('industry.form.sections')}
              </h2>{' '}
              <span class="section-count">
                {nt('industry.form.sectionsDone', {
                  done: complete,
                  total: framework.sections.length,
                })}
              </span>
            </summary>
            {list}
          </details>
        )}
      </nav>
      <section class="section-body" aria-labelledby={`section-${current.id}`}>
        <h2 id={`section-${current.id}`} tabIndex={-1}>
          {current.title}
        </h2>
        <p class="field-hint">
          {nt('industry.form.sectionShare', {
            n: index + 1,
            total: framework.sections.length,
            weight: current.weight,
          })}
        </p>
        {shown.length === 0 ? (
          <p>{nt('industry.form.noneApply')}</p>
        ) : (
          shown.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              answer={answers[q.id]}
              editable={props.editable(q)}
              onSave={props.onSave && ((input) => props.onSave!(q.id, input))}
              confidentiality={props.confidentiality}
            >
              {props.extra?.(q)}
            </QuestionCard>
          ))
        )}
        <p class="section-steps">
          {prev && (
            <button type="button" class="secondary" onClick={() => sections.open(prev.id)}>
              {nt('industry.form.previous')}
            </button>
          )}
          {next && (
            <button type="button" class="primary" onClick={() => sections.open(next.id)}>
              {nt('industry.form.next', { title: next.title })}
            </button>
          )}
        </p>
      </section>
    </div>
  );
}
