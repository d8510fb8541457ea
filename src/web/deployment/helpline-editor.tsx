import type { HelplineInput } from './api';
import { dt } from './strings';

/** A helpline being edited: every field as typed, and a key that stays with it when moved. */
export interface HelplineDraft {
  readonly key: number;
  readonly kind: 'helpline' | 'hotline';
  readonly name: string;
  readonly phone: string;
  readonly url: string;
  readonly chat: string;
  readonly hours: string;
  readonly description: string;
  readonly audience: 'everyone' | 'adults';
}

type TextField = 'name' | 'phone' | 'url' | 'chat' | 'hours' | 'description';

/** A draft as the API takes it: empty fields left out, spaces trimmed. */
export function toInput(d: HelplineDraft): HelplineInput {
  const out: Record<string, string> = { kind: d.kind, audience: d.audience };
  for (const f of ['name', 'phone', 'url', 'chat', 'hours', 'description'] as const) {
    const v = d[f].trim();
    if (v !== '' || f === 'name') out[f] = v;
  }
  return out as unknown as HelplineInput;
}

/** Whether a draft has what the server needs: a name and one way to reach the service. */
export const isComplete = (d: HelplineDraft): boolean =>
  d.name.trim() !== '' && (d.phone.trim() !== '' || d.url.trim() !== '' || d.chat.trim() !== '');

/**
 * The list editor of the deployment's helplines: each entry a group of labelled fields with its
 * own remove and move-up buttons (named with the entry's number for screen readers), and a
 * button to add one.
 */
export function HelplineEditor(props: {
  drafts: readonly HelplineDraft[];
  max: number;
  invalid: ReadonlySet<number>;
  onChange: (drafts: HelplineDraft[]) => void;
  onAdd: () => void;
}) {
  const { drafts } = props;
  const put = (i: number, patch: Partial<HelplineDraft>) =>
    props.onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const text = (i: number, d: HelplineDraft, field: TextField, label: string, hint?: string) => {
    const id = `hl-${d.key}-${field}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {hint && (
          <p class="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <input
          type="text"
          inputMode={
            field === 'url' || field === 'chat' ? 'url' : field === 'phone' ? 'tel' : 'text'
          }
          id={id}
          value={d[field]}
          maxLength={
            field === 'description' ? 400 : field === 'url' || field === 'chat' ? 300 : 120
          }
          autocomplete="off"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => put(i, { [field]: e.currentTarget.value })}
        />
      </div>
    );
  };
  return (
    <div class="helpline-editor">
      {drafts.length === 0 && <p>{dt('deployment.settings.noHelplines')}</p>}
      {drafts.map((d, i) => {
        const n = i + 1;
        return (
          <fieldset
            key={d.key}
            class={`helpline-entry${props.invalid.has(d.key) ? ' invalid' : ''}`}
            id={`hl-${d.key}`}
          >
            <legend>{dt('deployment.settings.helpline', { n })}</legend>
            <div class="field">
              <label for={`hl-${d.key}-kind`}>{dt('deployment.settings.kind')}</label>
              <select
                id={`hl-${d.key}-kind`}
                value={d.kind}
                onChange={(e) => put(i, { kind: e.currentTarget.value as HelplineDraft['kind'] })}
              >
                <option value="helpline">{dt('deployment.settings.kindHelpline')}</option>
                <option value="hotline">{dt('deployment.settings.kindHotline')}</option>
              </select>
            </div>
            {text(i, d, 'name', dt('deployment.settings.name'))}
            {text(i, d, 'phone', dt('deployment.settings.phone'))}
            {text(
              i,
              d,
              'url',
              dt('deployment.settings.url'),
              dt('deployment.settings.addressHint'),
            )}
            {text(i, d, 'chat', dt('deployment.settings.chat'))}
            {text(i, d, 'hours', dt('deployment.settings.hours'))}
            {text(i, d, 'description', dt('deployment.settings.description'))}
            <div class="field">
              <label for={`hl-${d.key}-audience`}>{dt('deployment.settings.audience')}</label>
              <select
                id={`hl-${d.key}-audience`}
                value={d.audience}
                onChange={(e) =>
                  put(i, { audience: e.currentTarget.value as HelplineDraft['audience'] })
                }
              >
                <option value="everyone">{dt('deployment.settings.audienceEveryone')}</option>
                <option value="adults">{dt('deployment.settings.audienceAdults')}</option>
              </select>
            </div>
            <p class="button-row">
              {i > 0 && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    const next = [...drafts];
                    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                    props.onChange(next);
                  }}
                >
                  {dt('deployment.settings.moveUp', { n })}
                </button>
              )}
              <button
                type="button"
                class="secondary"
                onClick={() => props.onChange(drafts.filter((_, j) => j !== i))}
              >
                {dt('deployment.settings.remove', { n })}
              </button>
            </p>
          </fieldset>
        );
      })}
      {drafts.length < props.max && (
        <p>
          <button type="button" class="secondary" onClick={props.onAdd}>
            {dt('deployment.settings.addHelpline')}
          </button>
        </p>
      )}
    </div>
  );
}
