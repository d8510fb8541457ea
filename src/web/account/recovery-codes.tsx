import { useEffect, useRef, useState } from 'preact/hooks';
import { at } from './strings';

/** A text file of the codes, made in the browser (nothing is sent anywhere). */
function download(codes: readonly string[]): void {
  const text = `${at('codes.fileTitle')}\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'kite-recovery-codes.txt';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * New recovery codes, shown this once: the list, a way to keep them as a file, and "I have
 * saved them" before going on (a tick the person must give, with the reason in words if not).
 */
export function RecoveryCodes({ codes, onSaved }: { codes: readonly string[]; onSaved(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="recovery">
      <h2 tabIndex={-1} ref={heading}>
        {at('codes.title')}
      </h2>
      <p>{at('codes.intro')}</p>
      <p class="strong">{at('codes.once')}</p>
      <ol class="recovery-codes" aria-label={at('codes.listLabel')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" class="secondary" onClick={() => download(codes)}>
          {at('codes.download')}
        </button>
      </p>
      <form
        class="account-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (box.current?.checked) onSaved();
          else {
            setMissing(true);
            box.current?.focus();
          }
        }}
      >
        <div class={`field${missing ? ' invalid' : ''}`}>
          {missing && (
            <p id="codes-saved-error" class="field-error" role="alert">
              <span class="visually-hidden">{at('form.errorPrefix')} </span>
              {at('codes.notSaved')}
            </p>
          )}
          <label class="check">
            <input
              ref={box}
              type="checkbox"
              name="saved"
              aria-invalid={missing || undefined}
              aria-describedby={missing ? 'codes-saved-error' : undefined}
              onChange={() => setMissing(false)}
            />
            <span>{at('codes.saved')}</span>
          </label>
        </div>
        <button type="submit" class="primary">
          {at('codes.continue')}
        </button>
      </form>
    </div>
  );
}
