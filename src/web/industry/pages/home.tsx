import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { Link } from '../../components/link';
import { industryApi } from '../api';
import type { AssessmentSummary, FrameworkSummary, Service } from '../api';
import { IndustryPage } from '../industry-page';
import { featureLabel, shareLabel, typeLabel } from '../labels';
import { problemMessage } from '../problems';
import { nt, when } from '../strings';
import { StateBadge } from '../state-badge';

export const assessmentPath = (id: string) =>
  `/account/industry/assessments/${encodeURIComponent(id)}`;
export const resultsPath = (id: string) => `${assessmentPath(id)}/results`;

const FINAL = new Set(['accepted', 'monitoring', 'closed']);

function Home() {
  const [services, setServices] = useState<readonly Service[] | null>(null);
  const [assessments, setAssessments] = useState<readonly AssessmentSummary[] | null>(null);
  const [frameworks, setFrameworks] = useState<readonly FrameworkSummary[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([industryApi.services(), industryApi.assessments(), industryApi.frameworks()]).then(
      ([s, a, f]) => {
        setServices(s);
        setAssessments(a);
        setFrameworks(f);
      },
      (e) => setFailed(problemMessage(e)),
    );
  }, []);
  if (failed) return <p class="notice">{failed}</p>;
  if (!services || !assessments) return <p>{nt('industry.common.loading')}</p>;
  const framework = frameworks.at(-1);
  const start = async (body: { serviceId: string; framework: string } | { previousId: string }) => {
    setProblem(null);
    try {
      const made = await industryApi.start(body);
      navigate(assessmentPath(made.id));
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const frameworkName = (key: string) => {
    const f = frameworks.find((x) => x.key === key);
    return f ? nt('industry.common.frameworkVersion', { title: f.title, version: f.version }) : key;
  };
  const serviceName = (a: AssessmentSummary) => a.service.name;
  const resubmitted = new Set(assessments.map((a) => a.previousId).filter(Boolean));
  return (
    <>
      <p class="lead">{nt('industry.home.intro')}</p>
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      <section aria-labelledby="home-services">
        <h2 id="home-services">{nt('industry.home.services')}</h2>
        {services.length === 0 ? (
          <p>{nt('industry.home.noServices')}</p>
        ) : (
          <ul class="card-list">
            {services.map((s) => (
              <li key={s.id} class="card">
                <h3>{s.name}</h3>
                <dl class="facts">
                  <dt>{nt('industry.service.type')}</dt>
                  <dd>{typeLabel(s.type)}</dd>
                  <dt>{nt('industry.service.features')}</dt>
                  <dd>
                    {s.features.length === 0
                      ? nt('industry.home.noFeatures')
                      : s.features.map(featureLabel).join(', ')}
                  </dd>
                  <dt>{nt('industry.service.childShare')}</dt>
                  <dd>{shareLabel(s.childShare)}</dd>
                </dl>
                <p class="button-row">
                  {framework && (
                    <button
                      type="button"
                      class="primary"
                      onClick={() => void start({ serviceId: s.id, framework: framework.key })}
                    >
                      {nt('industry.home.start')}
                    </button>
                  )}
                  <Link
                    class="button secondary"
                    href={`/account/industry/services/${encodeURIComponent(s.id)}`}
                    aria-label={nt('industry.home.editNamed', { name: s.name })}
                  >
                    {nt('industry.home.edit')}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link class="button secondary" href="/account/industry/services/new">
            {nt('industry.home.addService')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="home-assessments">
        <h2 id="home-assessments">{nt('industry.home.assessments')}</h2>
        {assessments.length === 0 ? (
          <p>{nt('industry.home.noAssessments')}</p>
        ) : (
          <ul class="card-list">
            {assessments.map((a) => (
              <li key={a.id} class="card">
                <h3>
                  <Link href={assessmentPath(a.id)}>
                    {nt('industry.home.assessmentOf', { name: serviceName(a) })}
                  </Link>
                </h3>
                <p>
                  <StateBadge state={a.state} />
                </p>
                <dl class="facts">
                  <dt>{nt('industry.home.framework')}</dt>
                  <dd>{frameworkName(a.framework)}</dd>
                  <dt>{nt('industry.home.submitted')}</dt>
                  <dd>{a.submittedAt ? when(a.submittedAt) : nt('industry.home.notYet')}</dd>
                  {a.deadline && (
                    <>
                      <dt>{nt('industry.home.due')}</dt>
                      <dd class={a.deadline.overdue ? 'overdue' : undefined}>
                        {nt(
                          a.deadline.overdue
                            ? 'industry.dialogue.overdue'
                            : 'industry.dialogue.dueBy',
                          {
                            date: when(a.deadline.dueAt),
                          },
                        )}
                      </dd>
                    </>
                  )}
                </dl>
                <p class="button-row">
                  {a.state !== 'draft' && (
                    <Link class="button secondary" href={resultsPath(a.id)}>
                      {nt('industry.home.results')}
                    </Link>
                  )}
                  {FINAL.has(a.state) && !resubmitted.has(a.id) && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => void start({ previousId: a.id })}
                      aria-label={nt('industry.home.resubmitNamed', { name: serviceName(a) })}
                    >
                      {nt('industry.home.resubmit')}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card practice-card" aria-labelledby="home-practice">
        <h2 id="home-practice">{nt('industry.home.practice')}</h2>
        <p>{nt('industry.home.practiceText')}</p>
        <p>
          <Link class="button secondary" href="/account/industry/practice">
            {nt('industry.home.practiceOpen')}
          </Link>
        </p>
      </section>
    </>
  );
}

/** A company's home (INDUSTRY-1): its services, its assessments with their state, practice. */
export function IndustryHomePage() {
  return (
    <IndustryPage title="industry.home.title" audience="company">
      {() => <Home />}
    </IndustryPage>
  );
}
