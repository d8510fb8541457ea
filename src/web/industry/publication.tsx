import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AnswerLevel, Maturity } from '../../engine';
import { Link } from '../components/link';
import { industryApi } from './api';
import type { Assessment, Publication, PublicationContent } from './api';
import { levelLabel, maturityLabel } from './labels';
import { problemMessage } from './problems';
import { nt, percent, when } from './strings';

/** The public register's page (anyone may read it). */
export const REGISTER_PATH = '/account/industry/register';

/** How to name a section and a question of the entry's framework, in the page's language. */
export interface EntryTexts {
  readonly section: (id: string) => string;
  readonly question: (id: string) => string;
}

/**
 * What the public register shows of one assessment (IND-19): the organisation, the service,
 * the scores and only the answers the company marked public. The company reads exactly this
 * before it is published.
 */
export function PublicationPreview(props: {
  content: PublicationContent;
  texts: EntryTexts;
  idPrefix: string;
  heading?: 'h2' | 'h3';
}) {
  const c = props.content;
  const H = props.heading ?? 'h3';
  return (
    <div class="publication-preview">
      <H id={`${props.idPrefix}-name`}>
        {nt('industry.publication.entryTitle', {
          organisation: c.organisation,
          service: c.service.name,
        })}
      </H>
      <dl class="facts">
        <dt>{nt('industry.publication.accepted')}</dt>
        <dd>{when(c.acceptedAt)}</dd>
        <dt>{nt('industry.results.overall')}</dt>
        <dd>{percent(c.overall)}</dd>
        <dt>{nt('industry.results.maturityTerm')}</dt>
        <dd>
          {c.maturity === null ? '–' : maturityLabel(c.maturity as Maturity)}
          {c.criticalCap && ` ${nt('industry.publication.capped')}`}
        </dd>
      </dl>
      <table class="score-table narrow">
        <caption>{nt('industry.results.sectionsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{nt('industry.results.section')}</th>
            <th scope="col">{nt('industry.results.score')}</th>
          </tr>
        </thead>
        <tbody>
          {c.sections.map((s) => (
            <tr key={s.section}>
              <th scope="row">{props.texts.section(s.section)}</th>
              <td>{percent(s.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="strong">{nt('industry.publication.publicAnswers')}</p>
      {c.answers.length === 0 ? (
        <p>{nt('industry.publication.noPublicAnswers')}</p>
      ) : (
        <ul class="public-answers">
          {c.answers.map((a) => (
            <li key={a.question}>
              {props.texts.question(a.question)}:{' '}
              <span class="strong">{levelLabel(a.level as AnswerLevel | 'na')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The latest proposal of an assessment, and a way to read it again after a move. */
function usePublication(id: string) {
  const [p, setP] = useState<Publication | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setP(await industryApi.publication(id));
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }, [id]);
  useEffect(() => void reload(), [reload]);
  /** Runs one move; a refusal shows in words where the card is. */
  const act = async (move: () => Promise<unknown>) => {
    try {
      await move();
      setProblem(null);
      await reload();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return { p, problem, setProblem, act };
}

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p class="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

/**
 * The company's side of a proposal (IND-19): exactly what would be published, until when it has
 * to read it, and the two answers — agree now, or object and say why.
 */
export function CompanyPublication({ a, texts }: { a: Assessment; texts: EntryTexts }) {
  const { p, problem, setProblem, act } = usePublication(a.id);
  const [objection, setObjection] = useState('');
  if (!p || p.state === 'withdrawn') return null;
  if (p.state === 'published')
    return (
      <section class="card" aria-labelledby="publication-title">
        <h2 id="publication-title">{nt('industry.publication.companyTitle')}</h2>
        <p>{nt('industry.publication.publishedOn', { day: when(p.publishedAt) })}</p>
        <p>
          <Link href={REGISTER_PATH}>{nt('industry.publication.registerLink')}</Link>
        </p>
      </section>
    );
  return (
    <section class="card publication" aria-labelledby="publication-title">
      <h2 id="publication-title">{nt('industry.publication.companyTitle')}</h2>
      <p>{nt('industry.publication.companyIntro', { day: when(p.windowEndsAt) })}</p>
      <PublicationPreview content={p.content} texts={texts} idPrefix="proposal" />
      <Problem text={problem} />
      {p.consentedAt ? (
        <p class="notice">{nt('industry.publication.youAgreed', { day: when(p.consentedAt) })}</p>
      ) : (
        <p>
          <button
            type="button"
            class="primary"
            onClick={() => void act(() => industryApi.answerPublication(a.id, { consent: true }))}
          >
            {nt('industry.publication.agree')}
          </button>
        </p>
      )}
      {p.objection ? (
        <div>
          <p class="strong">
            {nt('industry.publication.yourObjection', { day: when(p.objectedAt) })}
          </p>
          <blockquote>{p.objection}</blockquote>
        </div>
      ) : (
        !p.consentedAt && (
          <form
            class="account-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!objection.trim()) {
                setProblem(nt('industry.publication.objectionMissing'));
                document.getElementById('publication-objection')?.focus();
                return;
              }
              void act(() => industryApi.answerPublication(a.id, { objection: objection.trim() }));
            }}
          >
            <div class="field">
              <label for="publication-objection">{nt('industry.publication.objection')}</label>
              <p class="field-hint" id="publication-objection-hint">
                {nt('industry.publication.objectionHint')}
              </p>
              <textarea
                id="publication-objection"
                rows={4}
                maxLength={2000}
                aria-describedby="publication-objection-hint"
                value={objection}
                onInput={(e) => setObjection(e.currentTarget.value)}
              />
            </div>
            <p>
              <button type="submit" class="secondary">
                {nt('industry.publication.object')}
              </button>
            </p>
          </form>
        )
      )}
    </section>
  );
}

/**
 * The coordinator's side (IND-19): propose an accepted assessment under the organisation's public
 * name; then see the company's answer and the window, publish when it may be, or withdraw.
 */
export function ReviewerPublication({ a, texts }: { a: Assessment; texts: EntryTexts }) {
  const { p, problem, setProblem, act } = usePublication(a.id);
  const [organisation, setOrganisation] = useState('');
  if (p === undefined || !['accepted', 'monitoring'].includes(a.state)) return null;
  const live = p && p.state !== 'withdrawn' ? p : null;
  const mayPublish =
    live?.state === 'proposed' &&
    (live.consentedAt !== null || Date.now() >= Date.parse(live.windowEndsAt));
  return (
    <section class="card publication" aria-labelledby="publication-title">
      <h2 id="publication-title">{nt('industry.publication.reviewerTitle')}</h2>
      <Problem text={problem} />
      {!live ? (
        <form
          class="account-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!organisation.trim()) {
              setProblem(nt('industry.publication.organisationMissing'));
              document.getElementById('publication-organisation')?.focus();
              return;
            }
            void act(() => industryApi.propose(a.id, organisation.trim()));
          }}
        >
          <p>{nt('industry.publication.proposeIntro')}</p>
          {p?.state === 'withdrawn' && (
            <p class="field-hint">
              {nt('industry.publication.withdrawnOn', { day: when(p.withdrawnAt) })}
            </p>
          )}
          <div class="field">
            <label for="publication-organisation">{nt('industry.publication.organisation')}</label>
            <p class="field-hint" id="publication-organisation-hint">
              {nt('industry.publication.organisationHint')}
            </p>
            <input
              id="publication-organisation"
              type="text"
              maxLength={120}
              aria-describedby="publication-organisation-hint"
              value={organisation}
              onInput={(e) => setOrganisation(e.currentTarget.value)}
            />
          </div>
          <p>
            <button type="submit" class="primary">
              {nt('industry.publication.propose')}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p>
            {live.state === 'published'
              ? nt('industry.publication.publishedOn', { day: when(live.publishedAt) })
              : nt('industry.publication.proposedOn', {
                  day: when(live.proposedAt),
                  until: when(live.windowEndsAt),
                })}
          </p>
          {live.consentedAt && (
            <p>{nt('industry.publication.companyAgreed', { day: when(live.consentedAt) })}</p>
          )}
          {live.objection && (
            <div>
              <p class="strong">
                {nt('industry.publication.companyObjected', { day: when(live.objectedAt) })}
              </p>
              <blockquote>{live.objection}</blockquote>
            </div>
          )}
          <PublicationPreview content={live.content} texts={texts} idPrefix="proposal" />
          <p class="button-row">
            {live.state === 'proposed' &&
              (mayPublish ? (
                <button
                  type="button"
                  class="primary"
                  onClick={() => void act(() => industryApi.publish(a.id))}
                >
                  {nt('industry.publication.publish')}
                </button>
              ) : (
                <span class="field-hint">
                  {nt('industry.publication.waiting', { day: when(live.windowEndsAt) })}
                </span>
              ))}
            <button
              type="button"
              class="secondary"
              onClick={() => void act(() => industryApi.withdrawPublication(a.id))}
            >
              {live.state === 'published'
                ? nt('industry.publication.unpublish')
                : nt('industry.publication.withdraw')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
