import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { deploymentApi } from '../api';
import type { Change, SettingsView } from '../api';
import type { Draft } from '../settings-draft';
import { DeploymentPage } from '../deployment-page';
import { HelplineEditor, isComplete } from '../helpline-editor';
import { draftOf, newHelpline, patchOf } from '../settings-draft';
import { isConflict, problemMessage } from '../problems';
import { dt, when } from '../strings';

function actionText(c: Change): string {
  const name = c.detail.name?.to;
  return dt('deployment.settings.action', {
    action: c.action.replace('.', '_'),
    fields: Object.keys(c.detail).join(', '),
    name: typeof name === 'string' ? name : '',
  });
}

function Changes({ changes }: { changes: readonly Change[] | null }) {
  if (!changes) return null;
  return (
    <section class="card" aria-labelledby="dep-changes">
      <h2 id="dep-changes">{dt('deployment.settings.changes')}</h2>
      {changes.length === 0 ? (
        <p>{dt('deployment.settings.noChanges')}</p>
      ) : (
        <ul class="change-list">
          {changes.slice(0, 20).map((c, i) => (
            <li key={i}>
              {dt('deployment.settings.change', {
                when: when(c.at),
                who: c.by ?? dt('deployment.settings.someone'),
                what: actionText(c),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SettingsForm() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [changes, setChanges] = useState<readonly Change[] | null>(null);
  const [problems, setProblems] = useState<readonly { text: string; href?: string }[]>([]);
  const [invalid, setInvalid] = useState<ReadonlySet<number>>(new Set());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const load = async () => {
    const v = await deploymentApi.settings();
    setView(v);
    setDraft(draftOf(v));
    setChanges(await deploymentApi.changes());
  };
  useEffect(() => {
    load().catch((e) => setProblems([{ text: problemMessage(e) }]));
  }, []);
  if (!view || !draft)
    return problems.length ? (
      <p class="notice">{problems[0]!.text}</p>
    ) : (
      <p>{dt('deployment.common.loading')}</p>
    );
  const c = view.choices;
  const put = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const show = (list: { text: string; href?: string }[]) => {
    setProblems(list);
    requestAnimationFrame(() => summary.current?.focus());
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    const incomplete = draft.helplines.filter((d) => !isComplete(d));
    setInvalid(new Set(incomplete.map((d) => d.key)));
    if (incomplete.length) {
      show(
        incomplete.map((d) => ({
          text: dt('deployment.error.helpline', { n: draft.helplines.indexOf(d) + 1 }),
          href: `#hl-${d.key}-name`,
        })),
      );
      return;
    }
    setBusy(true);
    try {
      const saved = await deploymentApi.saveSettings(patchOf(view, draft));
      setView(saved);
      setDraft(draftOf(saved));
      setProblems([]);
      setStatus(dt('deployment.settings.savedVersion', { version: saved.settings.version }));
      setChanges(await deploymentApi.changes());
    } catch (error) {
      if (isConflict(error)) await load().catch(() => {});
      show([{ text: problemMessage(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const number = (
    id: string,
    label: string,
    hint: string,
    value: string,
    range: { min: number; max: number },
    set: (v: string) => void,
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        type="number"
        inputMode="numeric"
        id={id}
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        aria-describedby={`${id}-hint`}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </div>
  );
  return (
    <>
      <p class="lead">{dt('deployment.settings.intro')}</p>
      <p>
        {view.settings.updatedAt
          ? dt('deployment.settings.version', {
              version: view.settings.version,
              when: when(view.settings.updatedAt),
            })
          : dt('deployment.settings.neverChanged')}
      </p>
      <p>
        <Link href="/account/deployment/places" class="button">
          {dt('deployment.settings.toPlaces')}
        </Link>
      </p>
      <form class="account-form deployment-form" onSubmit={submit} noValidate>
        {problems.length > 0 && (
          <div class="error-summary" tabIndex={-1} ref={summary} aria-labelledby="dep-problem">
            <h2 id="dep-problem">{dt('deployment.common.problem')}</h2>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.href ? <a href={p.href}>{p.text}</a> : p.text}</li>
              ))}
            </ul>
          </div>
        )}
        <div class="field">
          <label for="dep-country">{dt('deployment.settings.country')}</label>
          <p class="field-hint" id="dep-country-hint">
            {dt('deployment.settings.countryHint')}{' '}
            {dt('deployment.common.default', { value: view.defaults.country })}
          </p>
          <select
            id="dep-country"
            value={draft.country}
            aria-describedby="dep-country-hint"
            onChange={(e) => put({ country: e.currentTarget.value })}
          >
            {c.countries.map((o) => (
              <option key={o.code} value={o.code}>
                {`${o.name} (${o.code})`}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>{dt('deployment.settings.languages')}</legend>
          <p class="field-hint">{dt('deployment.settings.languagesHint')}</p>
          {c.languages.map((l) => (
            <label class="check" key={l}>
              <input
                type="checkbox"
                checked={draft.languages.includes(l)}
                disabled={l === 'en'}
                onChange={(e) =>
                  put({
                    languages: e.currentTarget.checked
                      ? [...draft.languages, l]
                      : draft.languages.filter((x) => x !== l),
                  })
                }
              />
              <span lang={l}>{new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l}</span>
            </label>
          ))}
        </fieldset>
        {number(
          'dep-consent',
          dt('deployment.settings.consentAge'),
          dt('deployment.settings.consentAgeHint', {
            min: c.consentAge.min,
            max: c.consentAge.max,
            value: view.defaults.consentAge ?? dt('deployment.settings.consentAgeNone'),
          }),
          draft.consentAge,
          c.consentAge,
          (v) => put({ consentAge: v }),
        )}
        <fieldset class="field">
          <legend>{dt('deployment.settings.retention')}</legend>
          {number(
            'dep-audit',
            dt('deployment.settings.auditDays'),
            `${dt('deployment.settings.auditDaysHint', { ...c.auditDays })} ${dt('deployment.common.default', { value: view.defaults.retention.auditDays })}`,
            draft.auditDays,
            c.auditDays,
            (v) => put({ auditDays: v }),
          )}
          {number(
            'dep-child',
            dt('deployment.settings.childMonths'),
            `${dt('deployment.settings.childMonthsHint', { ...c.childMonths })} ${dt('deployment.common.default', { value: view.defaults.retention.childMonths })}`,
            draft.childMonths,
            c.childMonths,
            (v) => put({ childMonths: v }),
          )}
        </fieldset>
        <fieldset class="field">
          <legend>{dt('deployment.settings.helplines')}</legend>
          <p class="field-hint">{dt('deployment.settings.helplinesHint')}</p>
          <HelplineEditor
            drafts={draft.helplines}
            max={c.helplines}
            invalid={invalid}
            onChange={(helplines) => put({ helplines })}
            onAdd={() =>
              put({
                helplines: [...draft.helplines, newHelpline()],
              })
            }
          />
        </fieldset>
        <p class="button-row">
          <button type="submit" class="primary" disabled={busy}>
            {dt('deployment.settings.save')}
          </button>
        </p>
        <p role="status" class="save-status">
          {status}
        </p>
      </form>
      <Changes changes={changes} />
    </>
  );
}

/** `/account/deployment`: the deployment settings (NATION-1, docs/national.md). */
export function DeploymentSettingsPage() {
  return (
    <DeploymentPage title="deployment.settings.title">{() => <SettingsForm />}</DeploymentPage>
  );
}
