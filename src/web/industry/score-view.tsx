import type { ComponentChildren } from 'preact';
import type { AssessmentScore, Gap } from '../../engine';
import type { Framework } from './api';
import { questionText, sectionTitle } from './framework';
import { levelLabel, maturityHint, maturityLabel } from './labels';
import { nt, percent } from './strings';

/**
 * The overall score and the maturity level (IND-06, IND-07), with the critical cap said in words
 * and the critical questions that caused it.
 */
export function ScoreSummary({
  framework,
  score,
}: {
  framework: Framework;
  score: AssessmentScore;
}) {
  const capped = score.gaps.filter((g) => g.critical && g.level <= 1);
  return (
    <section class="card score-card" aria-labelledby="score-title">
      <h2 id="score-title">{nt('industry.results.overallTitle')}</h2>
      {score.overall === null || score.maturity === null ? (
        <p>{nt('industry.results.noScore')}</p>
      ) : (
        <>
          <div class="score-row">
            <p class="score-big">
              <span class="visually-hidden">{nt('industry.results.overall')} </span>
              {percent(score.overall)}
            </p>
            <div>
              <p class="maturity">
                <span class="strong">{nt('industry.results.maturity')}</span>{' '}
                {maturityLabel(score.maturity)}
              </p>
              <p class="field-hint">{maturityHint(score.maturity)}</p>
            </div>
          </div>
          {score.criticalCap && (
            <div class="cap-note">
              <p class="strong">{nt('industry.results.capTitle')}</p>
              <p>{nt('industry.results.capText')}</p>
              <ul>
                {capped.map((g) => (
                  <li key={g.question}>
                    {questionText(framework, g.question)} ({levelLabel(g.level)})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {score.unanswered.length > 0 && (
            <p class="field-hint">
              {nt('industry.results.unanswered', { n: score.unanswered.length })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Each section's score (share of the top level) with its share of the overall score. */
export function SectionTable({
  framework,
  score,
}: {
  framework: Framework;
  score: AssessmentScore;
}) {
  return (
    <section aria-labelledby="sections-title">
      <h2 id="sections-title">{nt('industry.results.sectionsTitle')}</h2>
      <div class="table-scroll" tabIndex={0} aria-labelledby="sections-title">
        <table class="score-table">
          <thead>
            <tr>
              <th scope="col">{nt('industry.results.section')}</th>
              <th scope="col">{nt('industry.results.share')}</th>
              <th scope="col">{nt('industry.results.score')}</th>
              <th scope="col">{nt('industry.results.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {score.sections.map((s) => {
              const share = framework.sections.find((x) => x.id === s.section)?.weight ?? 0;
              return (
                <tr key={s.section}>
                  <th scope="row">{sectionTitle(framework, s.section)}</th>
                  <td class="num">{percent(share)}</td>
                  <td>
                    <span class="bar-cell">
                      <span class="num">{percent(s.percent)}</span>
                      {s.percent !== null && (
                        <span class="bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(s.percent)}%` }} />
                        </span>
                      )}
                    </span>
                  </td>
                  <td class="num">
                    {s.notApplicable > 0
                      ? nt('industry.results.answeredNa', { n: s.answered, na: s.notApplicable })
                      : s.answered}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The gaps, most urgent first (IND-08): the answer against its target, the recommendation and
 * where to read more, and what the page adds to each (the action plan).
 */
export function GapList(props: {
  framework: Framework;
  gaps: readonly Gap[];
  extra?: (g: Gap) => ComponentChildren;
}) {
  return (
    <section aria-labelledby="gaps-title">
      <h2 id="gaps-title">{nt('industry.results.gapsTitle')}</h2>
      {props.gaps.length === 0 ? (
        <p>{nt('industry.results.noGaps')}</p>
      ) : (
        <>
          <p>{nt('industry.results.gapsIntro')}</p>
          <ol class="gap-list">
            {props.gaps.map((g, i) => {
              const q = props.framework.questions.find((x) => x.id === g.question);
              return (
                <li key={g.question} class="card gap">
                  <h3 id={`gap-${g.question}`}>
                    <span class="gap-rank">{nt('industry.results.rank', { n: i + 1 })}</span>{' '}
                    {questionText(props.framework, g.question)}
                  </h3>
                  <p class="badges">
                    {g.critical && (
                      <span class="badge critical">{nt('industry.form.critical')}</span>
                    )}
                    <span class="badge">{nt('industry.results.priority', { n: g.priority })}</span>
                  </p>
                  <dl class="facts">
                    <dt>{nt('industry.results.section')}</dt>
                    <dd>{sectionTitle(props.framework, g.section)}</dd>
                    <dt>{nt('industry.results.answer')}</dt>
                    <dd>{levelLabel(g.level)}</dd>
                    <dt>{nt('industry.results.target')}</dt>
                    <dd>{levelLabel(g.target)}</dd>
                  </dl>
                  <p class="recommendation">
                    <span class="strong">{nt('industry.results.recommendation')}</span>{' '}
                    {q?.recommendation.text}
                  </p>
                  {q && q.recommendation.resources.length > 0 && (
                    <>
                      <p class="strong">{nt('industry.results.resources')}</p>
                      <ul class="resources">
                        {q.recommendation.resources.map((r) => (
                          <li key={r}>
                            <a href={r} rel="noopener noreferrer">
                              {r.replace(/^https?:\/\//, '')}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {props.extra?.(g)}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
