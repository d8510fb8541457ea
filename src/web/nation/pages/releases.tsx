import { useEffect, useState } from 'preact/hooks';
import { TERM_ID, dayStart } from '../../../engine';
import { Link } from '../../components/link';
import { navigate } from '../../app/router';
import { AccountForm } from '../../account/form';
import type { FieldSpec, Values } from '../../account/form';
import { nationApi } from '../api';
import type { ReleaseSummary } from '../api';
import { NationPage } from '../nation-page';
import { nationProblem, problemMessage } from '../problems';
import { day, nat, when } from '../strings';

/** A real day, `YYYY-MM-DD`, as the server takes it. */
const validDate = (v: string) => dayStart(v) !== null;

const dateCheck = (v: string) =>
  v === ''
    ? nat('nation.page.build.dateMissing')
    : validDate(v)
      ? null
      : nat('nation.page.build.dateInvalid');

const FIELDS = (): FieldSpec[] => [
  {
    name: 'term',
    label: nat('nation.page.build.term'),
    hint: nat('nation.page.build.termHint'),
    autocomplete: 'off',
    maxLength: 32,
    check: (v) =>
      v.trim() === ''
        ? nat('nation.page.build.termMissing')
        : TERM_ID.test(v.trim())
          ? null
          : nat('nation.page.build.termInvalid'),
    invalid: nat('nation.page.build.termInvalid'),
  },
  {
    name: 'from',
    label: nat('nation.page.build.from'),
    type: 'date',
    autocomplete: 'off',
    check: dateCheck,
    invalid: nat('nation.page.build.dateInvalid'),
  },
  {
    name: 'to',
    label: nat('nation.page.build.to'),
    type: 'date',
    autocomplete: 'off',
    check: (v, values) =>
      dateCheck(v) ??
      (validDate(values.from ?? '') && v < values.from! ? nat('nation.page.build.order') : null),
    invalid: nat('nation.page.build.dateInvalid'),
  },
];

function ReleaseList({ releases }: { releases: readonly ReleaseSummary[] }) {
  if (releases.length === 0) return <p>{nat('nation.page.releases.none')}</p>;
  return (
    <ul class="card-list">
      {releases.map((r) => (
        <li class="card release" key={r.term}>
          <h3>
            <Link href={`/account/nation/${encodeURIComponent(r.term)}`}>
              {nat('nation.page.releases.open', { term: r.term })}
            </Link>
          </h3>
          <p>
            {nat('nation.page.dashboard.period', { from: day(r.from), to: day(r.to) })}{' '}
            {r.builtBy
              ? nat('nation.page.releases.built', { when: when(r.builtAt), who: r.builtBy })
              : nat('nation.page.releases.builtNoName', { when: when(r.builtAt) })}
          </p>
          <p class="field-hint">{nat('nation.page.releases.tables', { n: r.tables.length })}</p>
        </li>
      ))}
    </ul>
  );
}

function Releases() {
  const [releases, setReleases] = useState<readonly ReleaseSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    nationApi.releases().then(setReleases, (e) => setProblem(problemMessage(e)));
  }, []);
  const build = async (v: Values) => {
    const release = await nationApi.build({ term: v.term!.trim(), from: v.from!, to: v.to! });
    navigate(`/account/nation/${encodeURIComponent(release.term)}`);
  };
  return (
    <>
      <p class="lead">{nat('nation.page.releases.intro')}</p>
      <p>
        <Link href="/account/deployment" class="button">
          {nat('nation.page.toDeployment')}
        </Link>
      </p>
      <section aria-labelledby="nation-releases">
        <h2 id="nation-releases">{nat('nation.page.releases.list')}</h2>
        {problem ? (
          <p class="notice">{problem}</p>
        ) : releases ? (
          <ReleaseList releases={releases} />
        ) : (
          <p>{nat('nation.page.common.loading')}</p>
        )}
      </section>
      <section class="card" aria-labelledby="nation-build">
        <h2 id="nation-build">{nat('nation.page.build.heading')}</h2>
        <p>{nat('nation.page.build.intro')}</p>
        <AccountForm
          id="build-release"
          fields={FIELDS()}
          submitLabel={nat('nation.page.build.submit')}
          describe={nationProblem}
          onSubmit={build}
        />
      </section>
    </>
  );
}

/** `/account/nation`: the terms built, and building a term's figures (NATION-2). */
export function NationReleasesPage() {
  return (
    <NationPage title={() => nat('nation.page.releases.title')}>{() => <Releases />}</NationPage>
  );
}
