import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { problemOf } from './problems';
import type { Problem } from './problems';
import { at } from './strings';

/** One input of an account form. `name` is the API's field name. */
export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'email' | 'password' | 'date';
  /** The `autocomplete` token: email, username, current-password, new-password, one-time-code… */
  readonly autocomplete: string;
  readonly inputMode?: 'text' | 'numeric' | 'email';
  readonly hint?: string;
  readonly maxLength?: number;
  /** The value the input starts with. */
  readonly initial?: string;
  /** Radio choices instead of a text input (the first is chosen at the start). */
  readonly options?: readonly { value: string; label: string; hint?: string }[];
  /**
   * Words for a value that cannot be sent (checked before sending, with the form's other values),
   * or null when it is fine.
   */
  readonly check?: (value: string, values: Values) => string | null;
  /** Better words than the code's own for a refusal of this field, knowing the value sent. */
  readonly explain?: (code: string, value: string) => string | null;
  /** Words when the server found the value invalid (`validation_failed` on this field). */
  readonly invalid?: string;
}

export type Values = Readonly<Record<string, string>>;

const idOf = (form: string, field: string) => `${form}-${field}`;

/** Checks every account form shares. */
export const checks = {
  email: (v: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : at('field.emailInvalid')),
  name: (v: string) =>
    v.trim().length === 0
      ? at('field.nameMissing')
      : v.trim().length > 80
        ? at('field.nameTooLong')
        : null,
  /** A new password of at least `min` characters (the server's rule for this account). */
  newPassword: (v: string, min: number) =>
    v.length === 0
      ? at('field.passwordMissing')
      : [...v].length < min
        ? at('field.passwordShort', { n: min })
        : [...v].length > 200
          ? at('field.passwordLong')
          : null,
  password: (v: string) => (v.length === 0 ? at('field.passwordMissing') : null),
  totp: (v: string) => (/^\d{6}$/.test(v.replace(/\s/g, '')) ? null : at('field.codeInvalid')),
  codeOrRecovery: (v: string) => {
    const s = v.replace(/\s/g, '');
    return /^\d{6}$/.test(s) || /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(s)
      ? null
      : at('field.codeOrRecoveryInvalid');
  },
};

/**
 * "There is a problem": the list of what to fix, each linked to its field. It takes the focus
 * when it appears (and after each failed try), so a screen reader reads it at once.
 */
function ErrorSummary({
  form,
  problems,
  attempt,
}: {
  form: string;
  problems: readonly Problem[];
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [attempt]);
  if (!problems.length) return null;
  return (
    <div class="error-summary" tabIndex={-1} ref={ref} aria-labelledby={`${form}-problem`}>
      <h2 id={`${form}-problem`}>{at('form.problem')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field}-${p.code}`}>
            {p.field ? (
              <a
                href={`#${idOf(form, p.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(idOf(form, p.field!))?.focus();
                }}
              >
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field({
  form,
  spec,
  problem,
}: {
  form: string;
  spec: FieldSpec;
  problem: Problem | undefined;
}) {
  const id = idOf(form, spec.name);
  const [shown, setShown] = useState(false);
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = problem ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const error = problem && (
    <p id={errorId!} class="field-error">
      <span class="visually-hidden">{at('form.errorPrefix')} </span>
      {problem.message}
    </p>
  );
  if (spec.options) {
    return (
      <fieldset class={`field choice${problem ? ' invalid' : ''}`} aria-describedby={describedBy}>
        <legend>{spec.label}</legend>
        {spec.hint && (
          <p id={hintId!} class="field-hint">
            {spec.hint}
          </p>
        )}
        {error}
        {spec.options.map((o, i) => (
          <label class="radio" key={o.value}>
            <input
              type="radio"
              name={spec.name}
              value={o.value}
              id={i === 0 ? id : undefined}
              defaultChecked={i === 0}
            />
            <span>
              <span class="strong">{o.label}</span>
              {o.hint && <span class="radio-hint">{o.hint}</span>}
            </span>
          </label>
        ))}
      </fieldset>
    );
  }
  const password = spec.type === 'password';
  return (
    <div class={`field${problem ? ' invalid' : ''}`}>
      <label for={id}>{spec.label}</label>
      {spec.hint && (
        <p id={hintId!} class="field-hint">
          {spec.hint}
        </p>
      )}
      {error}
      <div class={password ? 'password-row' : undefined}>
        <input
          id={id}
          name={spec.name}
          type={(password && shown ? 'text' : (spec.type ?? 'text')) as 'text'}
          autocomplete={spec.autocomplete}
          inputMode={spec.inputMode}
          maxLength={spec.maxLength}
          defaultValue={spec.initial}
          spellcheck={false}
          autoCapitalize={spec.type === 'email' || password ? 'none' : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
        />
        {password && (
          <button
            type="button"
            class="secondary show-password"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown(!shown)}
          >
            {at('form.showPassword')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * An account form: labelled fields, checked before sending, then sent with `onSubmit`. What the
 * server refuses comes back in words, beside the field it is about (tied to it with
 * `aria-describedby`) and in the summary at the top, which takes the focus.
 */
export function AccountForm(props: {
  id: string;
  fields: readonly FieldSpec[];
  submitLabel: string;
  /** Points an error code or API field name at one of this form's fields. */
  rename?: Readonly<Record<string, string>>;
  onSubmit(values: Values): Promise<void>;
  /** Shown between the fields and the button. */
  children?: ComponentChildren;
  /** A secondary look for the button (e.g. sign out everywhere). */
  danger?: boolean;
  /** Words for errors the account pages do not know (another API's codes), or null. */
  describe?: (error: unknown) => Problem | null;
}) {
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const names = props.fields.map((f) => f.name);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const values: Record<string, string> = {};
    for (const f of props.fields) {
      const v = data.get(f.name);
      values[f.name] = typeof v === 'string' ? v : '';
    }
    const found: Problem[] = [];
    for (const f of props.fields) {
      const message = f.check?.(values[f.name]!, values);
      if (message) found.push({ code: 'check', field: f.name, message });
    }
    if (found.length) {
      setProblems(found);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(values);
      if (mounted.current) setProblems([]);
    } catch (error) {
      if (!mounted.current) return;
      const spec = (name: string | null) => props.fields.find((f) => f.name === name);
      const problem =
        props.describe?.(error) ??
        problemOf(error, names, (n) => spec(n)?.invalid ?? null, props.rename);
      const better = spec(problem.field)?.explain?.(problem.code, values[problem.field ?? '']!);
      setProblems([better ? { ...problem, message: better } : problem]);
      setAttempt((n) => n + 1);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <form id={props.id} class="account-form" noValidate onSubmit={submit}>
      <ErrorSummary form={props.id} problems={problems} attempt={attempt} />
      {props.fields.map((f) => (
        <Field
          key={f.name}
          form={props.id}
          spec={f}
          problem={problems.find((p) => p.field === f.name)}
        />
      ))}
      {props.children}
      <button
        type="submit"
        class={props.danger ? 'secondary danger' : 'primary'}
        aria-disabled={busy}
      >
        {props.submitLabel}
      </button>
      <p role="status" class="small form-status">
        {busy ? at('form.working') : ''}
      </p>
    </form>
  );
}

/**
 * A button that does one thing on the server (sign out, revoke a device). While it works it
 * says so; if it fails, the reason appears beside it in words and is announced.
 */
export function ActionButton(props: {
  label: string;
  run(): Promise<void>;
  class?: string;
  /** What the button does, for a screen reader, when the label alone is not enough. */
  describedBy?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  return (
    <span class="action">
      <button
        type="button"
        class={props.class ?? 'secondary'}
        aria-disabled={busy}
        aria-describedby={props.describedBy}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setProblem(null);
          try {
            await props.run();
          } catch (error) {
            if (mounted.current) setProblem(problemOf(error, [], () => null).message);
          } finally {
            if (mounted.current) setBusy(false);
          }
        }}
      >
        {props.label}
      </button>
      <span role="alert" class="action-error">
        {problem ?? ''}
      </span>
    </span>
  );
}
