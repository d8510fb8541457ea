import { checkNickname } from '../../engine';
import { nicknameReason } from './problems';
import { ct } from './strings';

/**
 * What is wrong with a nickname as typed, by the engine's own rule (the server applies the same
 * one), or null. An empty field says nothing until the form is sent (`strict`).
 */
export function nicknameProblem(value: string, strict = false): string | null {
  const check = checkNickname(value);
  if (check.ok) return null;
  if (check.reason === 'empty' && !strict) return null;
  return nicknameReason(check.reason);
}

/**
 * A nickname field checked on each keystroke: the refusal appears under it in words at once
 * (announced politely), and a refusal from the server (`problem`) replaces it until the next
 * keystroke.
 */
export function NicknameInput(props: {
  id: string;
  label: string;
  value: string;
  /** A refusal from the server or from sending, shown until the value changes. */
  problem: string | null;
  onInput(value: string): void;
  hint?: string;
}) {
  const live = nicknameProblem(props.value);
  const problem = props.problem ?? live;
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = `${props.id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <div class={`field${problem ? ' invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId!} class="field-hint">
          {props.hint}
        </p>
      )}
      <p id={errorId} class="field-error" aria-live="polite">
        {problem && (
          <>
            <span class="visually-hidden">{ct('form.errorPrefix')} </span>
            {problem}
          </>
        )}
      </p>
      <input
        id={props.id}
        type="text"
        autocomplete="off"
        spellcheck={false}
        maxLength={200}
        value={props.value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
