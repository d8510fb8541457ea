import { useEffect, useState } from 'preact/hooks';
import type { AssessmentState } from '../../../engine';
import { Link } from '../../components/link';
import { industryApi } from '../api';
import type { AssessmentSummary } from '../api';
import { IndustryPage } from '../industry-page';
import { problemMessage } from '../problems';
import { StateBadge } from '../state-badge';
import { nt, when } from '../strings';
import type { IndustryKey } from '../strings';

export const reviewPath = (id: string) => `/account/industry/review/${encodeURIComponent(id)}`;

const GROUPS: readonly { key: IndustryKey; states: readonly AssessmentState[] }[] = [
  { key: 'industry.queue.waiting', states: ['submitted', 'responded'] },
  { key: 'industry.queue.inReview', states: ['in-review', 'clarification-requested'] },
  { key: 'industry.queue.accepted', states: ['accepted', 'monitoring'] },
  { key: 'industry.queue.done', states: ['closed', 'withdrawn'] },
];

function Queue({ me }: { me: string }) {
  const [items, setItems] = useState<readonly AssessmentSummary[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    industryApi.assessments().then(setItems, (e) => setFailed(problemMessage(e)));
  }, []);
  if (failed) return <p class="notice">{failed}</p>;
  if (!items) return <p>{nt('industry.common.loading')}</p>;
  const name = (a: AssessmentSummary) => a.service.name;
  return (
    <>
      {GROUPS.map((g, gi) => {
        const list = items.filter((a) => g.states.includes(a.state));
        return (
          <section key={g.key} aria-labelledby={`queue-${gi}`}>
            <h2 id={`queue-${gi}`}>
              {nt(g.key)} <span class="count">({list.length})</span>
            </h2>
            {list.length === 0 ? (
              <p class="field-hint">{nt('industry.queue.none')}</p>
            ) : (
              <ul class="card-list">
                {list.map((a) => (
                  <li key={a.id} class="card">
                    <h3>
                      <Link href={reviewPath(a.id)}>{name(a)}</Link>
                    </h3>
                    <p>
                      <StateBadge state={a.state} />
                    </p>
                    <dl class="facts">
                      <dt>{nt('industry.home.submitted')}</dt>
                      <dd>{when(a.submittedAt)}</dd>
                      <dt>{nt('industry.queue.reviewer')}</dt>
                      <dd>
                        {!a.reviewer
                          ? nt('industry.queue.nobody')
                          : a.reviewer.id === me
                            ? nt('industry.queue.you')
                            : a.reviewer.name}
                      </dd>
                      {a.deadline && (
                        <>
                          <dt>{nt('industry.home.due')}</dt>
                          <dd class={a.deadline.overdue ? 'overdue' : undefined}>
                            {nt(
                              a.deadline.overdue
                                ? 'industry.dialogue.overdue'
                                : 'industry.dialogue.dueBy',
                              { date: when(a.deadline.dueAt) },
                            )}
                          </dd>
                        </>
                      )}
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The coordinators' queue (INDUSTRY-2): every submitted assessment by where it stands. */
export function QueuePage() {
  return (
    <IndustryPage title="industry.queue.title" audience="reviewer">
      {(account) => (
        <>
          <p class="lead">{nt('industry.queue.intro')}</p>
          <p>
            <Link class="button secondary" href="/account/industry/statistics">
              {nt('industry.stats.title')}
            </Link>
          </p>
          <Queue me={account.user.id} />
        </>
      )}
    </IndustryPage>
  );
}
