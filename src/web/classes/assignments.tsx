import { useEffect, useState } from 'preact/hooks';
import { contentIndex } from '../content/client';
import type { ActivitySummary } from '../content/types';
import { ActionButton } from '../account/form';
import { classesApi } from './api';
import type { Assignment, ClassSummary } from './api';
import { problemMessage } from './problems';
import { ct } from './strings';

/** The activities of the class's band, with their titles in the class's language. */
function useBandActivities(cls: ClassSummary): readonly ActivitySummary[] | null {
  const [list, setList] = useState<readonly ActivitySummary[] | null>(null);
  useEffect(() => {
    const load = (lang: string) =>
      contentIndex(lang).then((index) =>
        setList(index.activities.filter((a) => a.band === cls.band)),
      );
    load(cls.lang).catch(() => load('en').catch(() => setList([])));
  }, [cls.band, cls.lang]);
  return list;
}

/**
 * The class's assignments: activities of its band picked from the content, each with an
 * optional date that only the teacher sees (children never see it), and a way to remove one.
 */
export function Assignments(props: {
  cls: ClassSummary;
  assignments: readonly Assignment[];
  onChange(assignments: readonly Assignment[]): void;
}) {
  const activities = useBandActivities(props.cls);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = (id: string) => activities?.find((a) => a.id === id)?.title ?? id;
  const assigned = new Set(props.assignments.map((a) => a.activity));
  const free = (activities ?? []).filter((a) => !assigned.has(a.id));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const activity = String(data.get('activity') ?? '');
    const due = String(data.get('due') ?? '');
    if (!activity) return setProblem(ct('assign.pickMissing'));
    setBusy(true);
    setProblem(null);
    try {
      const { assignment } = await classesApi.assign(props.cls.id, activity, due || null);
      props.onChange([...props.assignments, assignment]);
      (e.currentTarget as HTMLFormElement | null)?.reset();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {props.assignments.length === 0 ? (
        <p>{ct('assign.none')}</p>
      ) : (
        <ul class="assignment-list">
          {props.assignments.map((a) => (
            <li key={a.id}>
              <span class="strong">{title(a.activity)}</span>
              {a.due && <span class="small"> {ct('assign.dueShown', { date: a.due })}</span>}{' '}
              <ActionButton
                label={ct('assign.remove', { title: title(a.activity) })}
                run={async () => {
                  await classesApi.unassign(props.cls.id, a.id);
                  props.onChange(props.assignments.filter((x) => x.id !== a.id));
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {activities === null ? (
        <p>{ct('common.loading')}</p>
      ) : (
        <form class="account-form" noValidate onSubmit={submit}>
          <div class="field">
            <label for="assign-activity">{ct('assign.activity')}</label>
            <select id="assign-activity" name="activity" class="select">
              <option value="">{ct('assign.choose')}</option>
              {free.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="assign-due">{ct('assign.due')}</label>
            <p id="assign-due-hint" class="field-hint">
              {ct('assign.dueHint')}
            </p>
            <input id="assign-due" name="due" type="date" aria-describedby="assign-due-hint" />
          </div>
          <p role="alert" class="field-error">
            {problem ?? ''}
          </p>
          <button type="submit" class="primary" aria-disabled={busy}>
            {ct('assign.submit')}
          </button>
        </form>
      )}
    </>
  );
}
