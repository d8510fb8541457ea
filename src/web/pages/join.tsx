import { useEffect, useRef, useState } from 'preact/hooks';
import { AVATARS, KIRI } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { useSession } from '../app/session';
import { navigate } from '../app/router';
import { setLanguage } from '../i18n/i18n';
import { childApi } from '../class-child/api';
import type { ChildLearner } from '../class-child/api';
import { bringStars, eventCount, linkProfile } from '../class-child/account';
import { requestSync } from '../sync/request';
import { PictureTaps } from '../class-child/picture-taps';
import { ct, loadClassStrings } from '../class-child/strings';
import type { ClassKey } from '../class-child/strings';

interface ClassChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
}

type Step =
  | { readonly at: 'code' }
  | { readonly at: 'who'; readonly children: readonly ClassChild[] }
  | {
      readonly at: 'pictures';
      readonly child: ClassChild;
      readonly children: readonly ClassChild[];
    }
  | { readonly at: 'bring'; readonly learner: ChildLearner; readonly from: string }
  | { readonly at: 'done'; readonly learner: ChildLearner };

/** The error codes the child is told about in words; anything else is "something did not work". */
const KNOWN = ['class_not_found', 'wrong_pictures', 'throttled', 'offline'];
const errorKey = (code: string) =>
  (KNOWN.includes(code) ? `error.${code}` : 'error.other') as ClassKey;

/** A kind message, read aloud on request. */
function Problem({ code }: { code: string }) {
  const text = ct(errorKey(code));
  return (
    <p class="notice" role="alert">
      {text} <SpeakButton text={text} small />
    </p>
  );
}

/**
 * "I have a class code" (issue #13): the class code from the teacher's card (forgiving: small
 * letters and spaces are fine), the child's nickname among the class's (big picture buttons),
 * then their three pictures. On success the device keeps its credential with a profile whose id
 * is the server's learner id; a child with stars on this device may bring them along.
 */
export function JoinClass() {
  const session = useSession();
  const [ready, setReady] = useState(false);
  const [step, setStep] = useState<Step>({ at: 'code' });
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadClassStrings().then(() => setReady(true)), []);
  // Each step is a new screen on one address: the keyboard follows the eye to its heading (the
  // app's router does it for the first one).
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('.join h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, [step.at]);
  if (!ready) return null;

  const go = (next: Step) => {
    setProblem(null);
    setStep(next);
  };

  const findClass = async (e: Event) => {
    e.preventDefault();
    if (busy || code.trim() === '') return;
    setBusy(true);
    const res = await childApi<{ children: ClassChild[] }>('POST', '/api/child/class', {
      body: { code },
    });
    setBusy(false);
    if (!res.ok) return setProblem(res.code);
    go({ at: 'who', children: res.body.children });
  };

  const signIn = async (child: ClassChild, pictures: readonly string[]) => {
    setBusy(true);
    const res = await childApi<{ token: string; learner: ChildLearner }>(
      'POST',
      '/api/child/sign-in',
      { body: { code, learner: child.id, pictures } },
    );
    if (!res.ok) {
      setBusy(false);
      return setProblem(res.code);
    }
    const { token, learner } = res.body;
    // Stars of an anonymous profile on this device may come along, if the child wants.
    const here = session.profile;
    const offer = here && !here.account && (await eventCount(here.id)) > 0 ? here.id : null;
    await linkProfile(learner, token);
    await setLanguage(learner.lang);
    await loadClassStrings();
    setBusy(false);
    if (offer) go({ at: 'bring', learner, from: offer });
    else await finish(learner);
  };

  const finish = async (learner: ChildLearner, from?: string) => {
    setBusy(true);
    if (from) await bringStars(from, learner.id);
    await session.refresh();
    requestSync();
    setBusy(false);
    go({ at: 'done', learner });
  };

  return (
    <main class="page join">
      {step.at === 'code' && (
        <form onSubmit={findClass}>
          <h1>
            {ct('join.codeTitle')} <SpeakButton text={ct('join.codeTitle')} />
          </h1>
          <p>{ct('join.codeHelp')}</p>
          <label class="field">
            <span>{ct('join.codeLabel')}</span>
            <input
              class="class-code"
              value={code}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxLength={20}
              onInput={(e) => setCode((e.target as HTMLInputElement).value)}
            />
          </label>
          {problem && <Problem code={problem} />}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? ct('join.working') : ct('join.codeGo')}
          </button>
        </form>
      )}

      {step.at === 'who' && (
        <section aria-labelledby="join-who">
          <h1 id="join-who">
            {ct('join.whoTitle')} <SpeakButton text={ct('join.whoTitle')} />
          </h1>
          <ul class="pick-grid" role="list">
            {step.children.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class="pick"
                  onClick={() => go({ at: 'pictures', child: c, children: step.children })}
                >
                  <img src={AVATARS[c.avatar]} alt="" width="64" height="64" />
                  <span>{c.nickname}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => go({ at: 'code' })}>
            {ct('join.back')}
          </button>
        </section>
      )}

      {step.at === 'pictures' && (
        <section aria-labelledby="join-pictures">
          <h1 id="join-pictures">
            {ct('join.picturesTitle')} <SpeakButton text={ct('join.picturesTitle')} />
          </h1>
          <p class="join-who">
            <img src={AVATARS[step.child.avatar]} alt="" width="48" height="48" />
            <span>{step.child.nickname}</span>
          </p>
          {problem && <Problem code={problem} />}
          <PictureTaps disabled={busy} onComplete={(p) => void signIn(step.child, p)} />
          <button
            type="button"
            class="secondary"
            onClick={() => go({ at: 'who', children: step.children })}
          >
            {ct('join.back')}
          </button>
        </section>
      )}

      {step.at === 'bring' && (
        <section aria-labelledby="join-bring">
          <h1 id="join-bring">
            {ct('join.bringTitle')} <SpeakButton text={ct('join.bringHelp')} />
          </h1>
          <p>{ct('join.bringHelp')}</p>
          <div class="two-buttons">
            <button
              type="button"
              class="choice-button"
              disabled={busy}
              onClick={() => void finish(step.learner, step.from)}
            >
              {ct('join.bringYes')}
            </button>
            <button
              type="button"
              class="choice-button"
              disabled={busy}
              onClick={() => void finish(step.learner)}
            >
              {ct('join.bringNo')}
            </button>
          </div>
        </section>
      )}

      {step.at === 'done' && <Welcome learner={step.learner} />}
    </main>
  );
}

/** Signed in: Kiri says hello by nickname; one button to play. */
function Welcome({ learner }: { learner: ChildLearner }) {
  const text = ct('join.welcome', { nickname: learner.nickname });
  return (
    <section class="kiri-says" aria-labelledby="join-done">
      <img src={KIRI.happy} alt="" width="80" height="104" />
      <div class="bubble">
        <h1 id="join-done" class="big">
          {text} <SpeakButton text={text} />
        </h1>
        <button type="button" class="primary" onClick={() => navigate('/', { replace: true })}>
          {ct('join.play')}
        </button>
      </div>
    </section>
  );
}
