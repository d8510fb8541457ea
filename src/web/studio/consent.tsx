import { useState } from 'preact/hooks';
import { isStudioError } from './request';
import { studioApi } from './api';
import { errorText, st } from './strings';

/** Where a pack and language's speaker id is kept for this tab (not across tabs or days). */
export const speakerKey = (pack: string, lang: string) => `kite-studio-speaker:${pack}:${lang}`;

/**
 * The speaker's consent, before the first recording: the statement, a checkbox and a button.
 * The server records the day and the licence and gives a speaker id (no name).
 */
export function Consent({
  pack,
  lang,
  onGiven,
}: {
  pack: string;
  lang: string;
  onGiven: (speaker: string, given: string) => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!agreed) {
      setProblem(st('consent.needed'));
      return;
    }
    setBusy(true);
    try {
      const { speaker, given } = await studioApi.consent(pack, lang);
      sessionStorage.setItem(speakerKey(pack, lang), JSON.stringify({ speaker, given }));
      onGiven(speaker, given);
    } catch (err) {
      setProblem(isStudioError(err) ? errorText(err.code, err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="studio-consent" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{st('consent.heading')}</h2>
      <p id="consent-statement">{st('consent.statement')}</p>
      <label class="studio-check">
        <input
          type="checkbox"
          checked={agreed}
          aria-describedby={problem ? 'consent-statement consent-problem' : 'consent-statement'}
          onChange={(e) => {
            setAgreed((e.target as HTMLInputElement).checked);
            setProblem(null);
          }}
        />{' '}
        {st('consent.agree')}
      </label>
      {problem && (
        <p id="consent-problem" class="studio-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {st('consent.give')}
      </button>
    </form>
  );
}
