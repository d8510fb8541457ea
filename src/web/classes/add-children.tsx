import { useMemo, useState } from 'preact/hooks';
import { suggestNicknames } from '../../engine';
import nicknames from '../../../content/nicknames/en.json';
import { classesApi } from './api';
import type { ClassChild } from './api';
import { NicknameInput, nicknameProblem } from './nickname-input';
import { codeOf, problemMessage, refusedIndex } from './problems';
import { ct } from './strings';

/** At most this many children are added at once (the server's limit). */
export const MAX_AT_ONCE = 40;
const SUGGESTIONS = 6;

/**
 * Adds children to a class by nickname only: one field per child, each checked as it is typed
 * with the engine's `checkNickname`; the server's refusals (`personal_data`,
 * `invalid_nickname`, `nickname_taken`) appear by the field they are about. Suggestions from
 * content fill the first empty field. `random` is injected (tests pass their own).
 */
export function AddChildren(props: {
  classId: string;
  taken: readonly string[];
  onAdded(children: readonly ClassChild[]): void;
  random?: () => number;
}) {
  const [rows, setRows] = useState<string[]>(['']);
  const [refused, setRefused] = useState<Readonly<Record<number, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const random = props.random ?? Math.random;
  const takenKey = props.taken.join('\n');
  const suggestions = useMemo(
    () => suggestNicknames(nicknames.nicknames, [...props.taken, ...rows], SUGGESTIONS, random),
    // New suggestions after each use or each addition, not on each keystroke.
    [takenKey, round],
  );

  const setRow = (i: number, value: string) => {
    setRows((r) => r.map((v, j) => (j === i ? value : v)));
    setRefused(({ [i]: _, ...rest }) => rest);
  };
  const focusRow = (i: number) =>
    requestAnimationFrame(() => document.getElementById(`child-${i}`)?.focus());
  const use = (name: string) => {
    const empty = rows.findIndex((v) => v.trim() === '');
    if (empty === -1 && rows.length < MAX_AT_ONCE) setRows([...rows, name]);
    else if (empty !== -1) setRow(empty, name);
    setRound((n) => n + 1);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const typed = rows.map((v) => v.trim());
    const wanted = typed.map((v, i) => [v, i] as const).filter(([v]) => v !== '');
    const found: Record<number, string> = {};
    if (wanted.length === 0) found[0] = ct('nickname.empty');
    for (const [v, i] of wanted) {
      const p = nicknameProblem(v, true);
      if (p) found[i] = p;
    }
    setRefused(found);
    setProblem(Object.keys(found).length ? ct('children.fix') : null);
    const first = Object.keys(found)[0];
    if (first !== undefined) return focusRow(Number(first));
    setBusy(true);
    try {
      const added = await classesApi.addChildren(
        props.classId,
        wanted.map(([v]) => v),
      );
      setRows(['']);
      setRound((n) => n + 1);
      setProblem(null);
      props.onAdded(added.children);
    } catch (error) {
      const code = codeOf(error);
      const at = ['personal_data', 'invalid_nickname', 'nickname_taken'].includes(code ?? '')
        ? refusedIndex(
            error,
            wanted.map(([v]) => v),
          )
        : -1;
      const row = at === -1 ? -1 : wanted[at]![1];
      if (row !== -1) {
        setRefused({ [row]: problemMessage(error) });
        setProblem(ct('children.fix'));
        focusRow(row);
      } else setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="account-form add-children" noValidate onSubmit={submit}>
      <p class="field-hint">{ct('children.hint')}</p>
      {rows.map((v, i) => (
        <NicknameInput
          key={i}
          id={`child-${i}`}
          label={ct('children.nickname', { n: i + 1 })}
          value={v}
          problem={refused[i] ?? null}
          onInput={(value) => setRow(i, value)}
        />
      ))}
      {rows.length < MAX_AT_ONCE && (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setRows([...rows, '']);
              focusRow(rows.length);
            }}
          >
            {ct('children.another')}
          </button>
        </p>
      )}
      {suggestions.length > 0 && (
        <div class="suggestions">
          <p id="suggest-label" class="strong">
            {ct('children.suggestions')}
          </p>
          <ul aria-labelledby="suggest-label">
            {suggestions.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  class="secondary small-button"
                  aria-label={ct('children.use', { name: s })}
                  onClick={() => use(s)}
                >
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p role="alert" class="field-error">
        {problem ?? ''}
      </p>
      <button type="submit" class="primary" aria-disabled={busy}>
        {ct('children.submit')}
      </button>
      <p role="status" class="small form-status">
        {busy ? ct('form.working') : ''}
      </p>
    </form>
  );
}
