import { useEffect, useState } from 'preact/hooks';
import { industryApi } from './api';
import type { Assessment, ReviewerChoice } from './api';
import { problemMessage } from './problems';
import { nt } from './strings';

/**
 * Who reviews an assessment, and giving the review to a colleague (an active coordinator or
 * admin): the documents open for the assigned reviewer only (IND-17), so this says who that is.
 */
export function ReviewerPanel(props: { a: Assessment; me: string; onChange: () => Promise<void> }) {
  const { a, me } = props;
  const [choices, setChoices] = useState<readonly ReviewerChoice[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    industryApi.reviewers().then(setChoices, (error) => setProblem(problemMessage(error)));
  }, []);
  const others = (choices ?? []).filter((c) => c.id !== a.reviewer?.id);
  const give = async (e: Event) => {
    e.preventDefault();
    const to = others.find((c) => c.id === chosen);
    if (!to) {
      setProblem(nt('industry.reviewer.chooseMissing'));
      document.getElementById('reviewer-choice')?.focus();
      return;
    }
    try {
      await industryApi.giveReview(a.id, to.id);
      setProblem(null);
      setChosen('');
      setDone(nt('industry.reviewer.given', { name: to.name }));
      await props.onChange();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <section class="card" aria-labelledby="reviewer-title">
      <h2 id="reviewer-title">{nt('industry.reviewer.title')}</h2>
      <p>
        {a.reviewer
          ? a.reviewer.id === me
            ? nt('industry.review.assignedYou')
            : nt('industry.reviewer.assignedTo', { name: a.reviewer.name })
          : nt('industry.review.unassigned')}
      </p>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {others.length > 0 && (
        <form class="account-form" noValidate onSubmit={give}>
          <div class="field">
            <label for="reviewer-choice">{nt('industry.reviewer.choose')}</label>
            <p class="field-hint" id="reviewer-choice-hint">
              {nt('industry.reviewer.chooseHint')}
            </p>
            <select
              id="reviewer-choice"
              aria-describedby="reviewer-choice-hint"
              value={chosen}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              <option value="">{nt('industry.reviewer.nobody')}</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id === me ? nt('industry.reviewer.me', { name: c.name }) : c.name}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" class="secondary">
              {nt('industry.reviewer.give')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
