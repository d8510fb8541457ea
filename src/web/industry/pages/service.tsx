import { useEffect, useRef, useState } from 'preact/hooks';
import type { ServiceFeature } from '../../../engine';
import { navigate } from '../../app/router';
import { Link } from '../../components/link';
import { CHILD_SHARES, SERVICE_TYPES, industryApi } from '../api';
import type { ChildShare, Framework, Service, ServiceType } from '../api';
import { asked } from '../framework';
import { IndustryPage } from '../industry-page';
import { FeatureChoices } from '../feature-choices';
import { shareHint, shareLabel, typeLabel } from '../labels';
import { problemMessage } from '../problems';
import { nt } from '../strings';
import { loadFramework } from '../use-assessment';

type Problem = { readonly field: 'name' | null; readonly text: string };

function ServiceForm({ existing }: { existing: Service | null }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [type, setType] = useState<ServiceType>(existing?.type ?? 'social');
  const [features, setFeatures] = useState<readonly ServiceFeature[]>(existing?.features ?? []);
  const [share, setShare] = useState<ChildShare>(existing?.childShare ?? 'some');
  const [framework, setFramework] = useState<Framework | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    industryApi
      .frameworks()
      .then((list) => (list.length ? loadFramework(list.at(-1)!.key) : null))
      .then(setFramework, () => {});
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblem({ field: 'name', text: nt('industry.service.nameMissing') });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    setProblem(null);
    const body = { name: name.trim(), type, features, childShare: share };
    try {
      if (existing) await industryApi.updateService(existing.id, body);
      else await industryApi.addService(body);
      navigate('/account/industry');
    } catch (error) {
      setProblem({ field: null, text: problemMessage(error) });
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };
  const total = framework?.questions.length ?? 0;
  const count = framework?.questions.filter((q) => asked(q, features)).length ?? 0;
  return (
    <form class="account-form" onSubmit={submit} noValidate>
      {problem && (
        <div class="error-summary" tabIndex={-1} ref={summary} aria-labelledby="svc-problem">
          <h2 id="svc-problem">{nt('industry.form.problem')}</h2>
          <ul>
            <li>{problem.field ? <a href="#svc-name">{problem.text}</a> : problem.text}</li>
          </ul>
        </div>
      )}
      <div class={`field${problem?.field === 'name' ? ' invalid' : ''}`}>
        <label for="svc-name">{nt('industry.service.name')}</label>
        <p class="field-hint" id="svc-name-hint">
          {nt('industry.service.nameHint')}
        </p>
        <input
          type="text"
          id="svc-name"
          maxLength={120}
          autocomplete="off"
          aria-describedby="svc-name-hint"
          aria-invalid={problem?.field === 'name' ? true : undefined}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="svc-type">{nt('industry.service.type')}</label>
        <select
          id="svc-type"
          value={type}
          onChange={(e) => setType(e.currentTarget.value as ServiceType)}
        >
          {SERVICE_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <FeatureChoices id="svc-features" class="field" features={features} onChange={setFeatures} />
      {framework && (
        <p class="question-count" role="status">
          {nt('industry.service.count', { count, total })}
        </p>
      )}
      <fieldset class="field">
        <legend>{nt('industry.service.childShare')}</legend>
        <p class="field-hint">{nt('industry.service.childShareHint')}</p>
        {CHILD_SHARES.map((s) => (
          <label class="radio" key={s}>
            <input
              type="radio"
              name="svc-share"
              checked={share === s}
              onChange={() => setShare(s)}
            />
            <span>
              <span class="strong">{shareLabel(s)}</span>
              <span class="radio-hint">{shareHint(s)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {existing && <p class="notice">{nt('industry.service.snapshot')}</p>}
      <p class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          {existing ? nt('industry.service.save') : nt('industry.service.add')}
        </button>
        <Link class="button secondary" href="/account/industry">
          {nt('industry.common.cancel')}
        </Link>
      </p>
    </form>
  );
}

function EditService({ id }: { id: string }) {
  const [service, setService] = useState<Service | null | undefined>(undefined);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    industryApi.services().then(
      (list) => setService(list.find((s) => s.id === id) ?? null),
      (e) => setFailed(problemMessage(e)),
    );
  }, [id]);
  if (failed) return <p class="notice">{failed}</p>;
  if (service === undefined) return <p>{nt('industry.common.loading')}</p>;
  if (service === null) return <p class="notice">{nt('industry.service.notFound')}</p>;
  return <ServiceForm existing={service} />;
}

/**
 * A service's profile (IND-02): its name and type, what it lets people do (each feature switches
 * the questions about it on, and the page says how many the assessment will ask), and how many
 * of its users are children.
 */
export function ServicePage({ params }: { params: Readonly<Record<string, string>> }) {
  const id = params.id ?? 'new';
  return (
    <IndustryPage
      title={id === 'new' ? 'industry.service.newTitle' : 'industry.service.editTitle'}
      audience="company"
    >
      {() => (
        <>
          <p>{nt('industry.service.intro')}</p>
          {id === 'new' ? <ServiceForm existing={null} /> : <EditService id={id} />}
        </>
      )}
    </IndustryPage>
  );
}
