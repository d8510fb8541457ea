import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { deploymentApi } from '../api';
import type { District, Places, Region, School } from '../api';
import { DeploymentPage } from '../deployment-page';
import { problemMessage } from '../problems';
import { dt } from '../strings';

type Run = (work: () => Promise<Places>) => Promise<boolean>;

/** A one-field form: a labelled name and its button; empty names are refused here. */
function NameForm(props: {
  id: string;
  label: string;
  button: string;
  initial?: string;
  run: Run;
  save: (name: string) => Promise<Places>;
}) {
  const [name, setName] = useState(props.initial ?? '');
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="name-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const value = name.trim();
        setMissing(value === '');
        if (value === '') return;
        if ((await props.run(() => props.save(value))) && props.initial === undefined) setName('');
      }}
    >
      <div class={`field${missing ? ' invalid' : ''}`}>
        <label for={props.id}>{props.label}</label>
        {missing && (
          <p class="field-error" id={`${props.id}-error`}>
            {dt('deployment.places.nameMissing')}
          </p>
        )}
        <input
          type="text"
          id={props.id}
          maxLength={80}
          autocomplete="off"
          value={name}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${props.id}-error` : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="secondary">
        {props.button}
      </button>
    </form>
  );
}

/** Rename (behind a button, so the list stays short) and archive or restore a place. */
function PlaceActions(props: {
  place: Region | District;
  run: Run;
  update: (patch: { name?: string; archived?: boolean }) => Promise<Places>;
}) {
  const [renaming, setRenaming] = useState(false);
  const { place } = props;
  return (
    <div class="place-actions">
      {renaming ? (
        <NameForm
          id={`rename-${place.id}`}
          label={dt('deployment.places.rename', { name: place.name })}
          button={dt('deployment.places.saveName')}
          initial={place.name}
          run={async (work) => {
            const ok = await props.run(work);
            if (ok) setRenaming(false);
            return ok;
          }}
          save={(name) => props.update({ name })}
        />
      ) : (
        <button
          type="button"
          class="secondary small-button"
          aria-expanded="false"
          onClick={() => setRenaming(true)}
        >
          {dt('deployment.places.rename', { name: place.name })}
        </button>
      )}
      <button
        type="button"
        class="secondary small-button"
        onClick={() => void props.run(() => props.update({ archived: !place.archived }))}
      >
        {dt(place.archived ? 'deployment.places.restore' : 'deployment.places.archive', {
          name: place.name,
        })}
      </button>
    </div>
  );
}

function RegionCard({ region, run }: { region: Region; run: Run }) {
  const heading = `region-${region.id}`;
  return (
    <li class="card region" aria-labelledby={heading}>
      <h3 id={heading}>
        {region.name}
        {region.archived && <span class="tag"> ({dt('deployment.places.archived')})</span>}
      </h3>
      <PlaceActions
        place={region}
        run={run}
        update={(patch) => deploymentApi.updateRegion(region.id, patch)}
      />
      {region.districts.length === 0 ? (
        <p>{dt('deployment.places.noDistricts')}</p>
      ) : (
        <ul class="district-list">
          {region.districts.map((d) => (
            <li key={d.id}>
              <p>
                <span class="strong">{d.name}</span>
                {d.archived && ` (${dt('deployment.places.archived')})`} ·{' '}
                {dt('deployment.places.schoolCount', { n: d.schools })}
              </p>
              <PlaceActions
                place={d}
                run={run}
                update={(patch) => deploymentApi.updateDistrict(d.id, patch)}
              />
            </li>
          ))}
        </ul>
      )}
      {!region.archived && (
        <NameForm
          id={`new-district-${region.id}`}
          label={dt('deployment.places.newDistrict', { region: region.name })}
          button={dt('deployment.places.addDistrict')}
          run={run}
          save={(name) => deploymentApi.addDistrict(region.id, name)}
        />
      )}
    </li>
  );
}

/** A school's district: a select grouped by region (archived places only as they stand). */
function SchoolRow({
  school,
  regions,
  run,
}: {
  school: School;
  regions: readonly Region[];
  run: Run;
}) {
  const [choice, setChoice] = useState(school.districtId ?? '');
  useEffect(() => setChoice(school.districtId ?? ''), [school.districtId]);
  const id = `school-${school.id}`;
  const open = (d: District, r: Region) =>
    (!d.archived && !r.archived) || d.id === school.districtId;
  return (
    <li class="card school">
      <form
        class="school-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => deploymentApi.assignSchool(school.id, choice === '' ? null : choice));
        }}
      >
        <p>
          <span class="strong">{school.name}</span> ·{' '}
          {dt('deployment.places.classCount', { n: school.classes })}
        </p>
        <div class="field">
          <label for={id}>{dt('deployment.places.districtOf', { school: school.name })}</label>
          <select id={id} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{dt('deployment.places.unassigned')}</option>
            {regions.map((r) =>
              r.districts.some((d) => open(d, r)) ? (
                <optgroup key={r.id} label={r.name}>
                  {r.districts
                    .filter((d) => open(d, r))
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </div>
        <button type="submit" class="secondary">
          {dt('deployment.places.assign', { school: school.name })}
        </button>
      </form>
    </li>
  );
}

function PlacesEditor() {
  const [places, setPlaces] = useState<Places | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    deploymentApi.places().then(setPlaces, (e) => setProblem(problemMessage(e)));
  }, []);
  const run: Run = async (work) => {
    setStatus('');
    try {
      setPlaces(await work());
      setProblem(null);
      setStatus(dt('deployment.common.saved'));
      return true;
    } catch (e) {
      setProblem(problemMessage(e));
      requestAnimationFrame(() => alert.current?.focus());
      return false;
    }
  };
  return (
    <>
      <p class="lead">{dt('deployment.places.intro')}</p>
      <p>
        <Link href="/account/deployment" class="button">
          {dt('deployment.places.toSettings')}
        </Link>
      </p>
      {problem && (
        <p class="notice" role="alert" tabIndex={-1} ref={alert}>
          {problem}
        </p>
      )}
      <p role="status" class="save-status">
        {status}
      </p>
      {!places ? (
        !problem && <p>{dt('deployment.common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="dep-regions">
            <h2 id="dep-regions">{dt('deployment.places.regions')}</h2>
            <NameForm
              id="new-region"
              label={dt('deployment.places.newRegion')}
              button={dt('deployment.places.addRegion')}
              run={run}
              save={(name) => deploymentApi.addRegion(name)}
            />
            {places.regions.length === 0 ? (
              <p>{dt('deployment.places.noRegions')}</p>
            ) : (
              <ul class="card-list">
                {places.regions.map((r) => (
                  <RegionCard key={r.id} region={r} run={run} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="dep-schools">
            <h2 id="dep-schools">{dt('deployment.places.schools')}</h2>
            {places.schools.length === 0 ? (
              <p>{dt('deployment.places.noSchools')}</p>
            ) : (
              <ul class="card-list">
                {places.schools.map((s) => (
                  <SchoolRow key={s.id} school={s} regions={places.regions} run={run} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** `/account/deployment/places`: regions → districts → schools (NATION-1, docs/national.md). */
export function DeploymentPlacesPage() {
  return <DeploymentPage title="deployment.places.title">{() => <PlacesEditor />}</DeploymentPage>;
}
