import { useEffect, useRef, useState } from 'preact/hooks';
import { isStudioError } from './request';
import { studioApi } from './api';
import type { Place, StudioText } from './api';
import { Consent, speakerKey } from './consent';
import { base64Of, recorderFormat, startRecording } from './recorder';
import type { Recording, Take } from './recorder';
import { errorText, st } from './strings';

type Speaker = { readonly speaker: string; readonly given: string };

function storedSpeaker(place: Place): Speaker | null {
  try {
    const raw = sessionStorage.getItem(speakerKey(place.pack, place.lang));
    return raw ? (JSON.parse(raw) as Speaker) : null;
  } catch {
    return null;
  }
}

const needsVoice = (t: StudioText) => t.state !== 'recorded';

/**
 * Recording one pack, band and language: consent first, then text after text — the text to
 * read, Record, Stop, listen, record again or approve. Only an approved take is sent.
 */
export function RecordingSession({
  place,
  writable,
  onBack,
}: {
  place: Place;
  writable: boolean;
  onBack: () => void;
}) {
  const [texts, setTexts] = useState<readonly StudioText[] | null>(null);
  const [index, setIndex] = useState(0);
  const [speaker, setSpeaker] = useState<Speaker | null>(() => storedSpeaker(place));
  const [recording, setRecording] = useState<Recording | null>(null);
  const [take, setTake] = useState<(Take & { url: string }) | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    studioApi.texts(place).then(
      (r) => {
        setTexts(r.texts);
        const first = r.texts.findIndex(needsVoice);
        setIndex(first === -1 ? 0 : first);
      },
      (e: unknown) => setProblem(isStudioError(e) ? errorText(e.code, e.message) : String(e)),
    );
    heading.current?.focus();
  }, [place.pack, place.band, place.lang]);

  useEffect(() => () => take && URL.revokeObjectURL(take.url), [take]);

  const discardTake = () => setTake(null);

  const go = (i: number) => {
    discardTake();
    setProblem(null);
    setStatus('');
    setIndex(i);
  };

  const record = async () => {
    setProblem(null);
    discardTake();
    if (!recorderFormat()) {
      setProblem(st('noRecorder'));
      return;
    }
    try {
      setRecording(await startRecording());
      setStatus(st('recording'));
    } catch {
      setProblem(st('micDenied'));
    }
  };

  const stop = async () => {
    if (!recording) return;
    const t = await recording.stop();
    setRecording(null);
    setStatus('');
    setTake({ ...t, url: URL.createObjectURL(t.blob) });
  };

  const approve = async (text: StudioText) => {
    if (!take || !speaker) return;
    setBusy(true);
    setStatus(st('saving'));
    try {
      await studioApi.save(place, text.id, speaker.speaker, take.type, await base64Of(take.blob));
      const next = (texts ?? []).map((t) =>
        t.id === text.id ? { ...t, state: 'recorded' as const, by: 'person' as const } : t,
      );
      setTexts(next);
      discardTake();
      setStatus(st('saved'));
      const after = next.findIndex((t, i) => i > index && needsVoice(t));
      const any = next.findIndex(needsVoice);
      if (after !== -1) setIndex(after);
      else if (any !== -1) setIndex(any);
    } catch (e) {
      setStatus('');
      if (isStudioError(e) && e.code === 'consent_required') {
        sessionStorage.removeItem(speakerKey(place.pack, place.lang));
        setSpeaker(null);
      }
      setProblem(isStudioError(e) ? errorText(e.code, e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const text = texts?.[index];
  const lacking = (texts ?? []).filter(needsVoice);

  return (
    <main class="studio">
      <h1 ref={heading} tabIndex={-1}>
        {st('title')}: {place.pack}, {place.band}, {place.lang}
      </h1>
      <p>
        <button type="button" class="link" onClick={onBack}>
          {st('back')}
        </button>
      </p>
      {!writable && (
        <p class="studio-notice" role="status">
          {st('readOnly')}
        </p>
      )}
      {problem && (
        <p class="studio-problem" role="alert">
          {problem}
        </p>
      )}
      {texts === null && !problem && <p role="status">{st('loading')}</p>}
      {texts !== null && texts.length === 0 && <p>{st('noTexts')}</p>}
      {texts !== null && texts.length > 0 && writable && !speaker && (
        <Consent
          pack={place.pack}
          lang={place.lang}
          onGiven={(s, given) => setSpeaker({ speaker: s, given })}
        />
      )}
      {speaker && (
        <p class="studio-small">
          {st('consent.given', { date: speaker.given, speaker: speaker.speaker })}
        </p>
      )}
      {texts !== null && text && (speaker || !writable) && (
        <section class="studio-take" aria-labelledby="take-heading">
          <h2 id="take-heading">{st('progress', { n: index + 1, total: texts.length })}</h2>
          <p class={`studio-state studio-state-${text.state}`}>{st(`state.${text.state}`)}</p>
          <p class="studio-label" id="text-label">
            {st('textToRead')}
          </p>
          <blockquote class="studio-text" lang={place.lang} aria-labelledby="text-label">
            {text.text}
          </blockquote>
          <p class="studio-id">{text.id}</p>
          {writable && (
            <div class="studio-buttons">
              {!recording && !take && (
                <button type="button" class="primary" onClick={() => void record()}>
                  {st('record')}
                </button>
              )}
              {recording && (
                <button type="button" class="primary" onClick={() => void stop()}>
                  {st('stop')}
                </button>
              )}
              {take && (
                <>
                  <p class="studio-label" id="take-label">
                    {st('listen')}
                  </p>
                  <audio controls src={take.url} aria-labelledby="take-label" />
                  <button type="button" onClick={() => void record()} disabled={busy}>
                    {st('redo')}
                  </button>
                  <button
                    type="button"
                    class="primary"
                    onClick={() => void approve(text)}
                    disabled={busy}
                  >
                    {st('approve')}
                  </button>
                </>
              )}
            </div>
          )}
          <p role="status" class="studio-status">
            {status}
          </p>
          <div class="studio-nav">
            <button
              type="button"
              disabled={index === 0 || !!recording}
              onClick={() => go(index - 1)}
            >
              {st('previous')}
            </button>
            <button
              type="button"
              disabled={index === texts.length - 1 || !!recording}
              onClick={() => go(index + 1)}
            >
              {st('next')}
            </button>
          </div>
        </section>
      )}
      {texts !== null && texts.length > 0 && (
        <section aria-labelledby="lacking-heading">
          <h2 id="lacking-heading">{st('lacking', { n: lacking.length })}</h2>
          {lacking.length === 0 ? (
            <p>{st('allDone')}</p>
          ) : (
            <ul class="studio-lacking">
              {lacking.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    class="link"
                    disabled={!!recording}
                    onClick={() => go(texts.indexOf(t))}
                  >
                    <span lang={place.lang}>{t.text}</span>
                  </button>{' '}
                  <span class="studio-small">({st(`state.${t.state}`)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
