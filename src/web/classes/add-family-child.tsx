import { useState } from 'preact/hooks';
import type { Band } from '../../engine';
import { AVATAR_IDS } from '../components/art';
import { language } from '../i18n/i18n';
import { classesApi } from './api';
import type { ChildLearner } from './api';
import { bandOptions, langOptions } from './choices';
import { keepOnThisDevice } from './child-device';
import { NicknameInput, nicknameProblem } from './nickname-input';
import { FAMILY_NOTICE, Notice } from './notice';
import { Picture, pictureName } from './pictures';
import { codeOf, problemMessage } from './problems';
import { ct } from './strings';

type Problems = Readonly<Partial<Record<'nickname' | 'avatar' | 'consent' | 'form', string>>>;

/**
 * "Add a child" (ADULT-4, PRIV-15): a nickname checked as it is typed, a picture, an age band
 * and a language, then what Kite keeps and the parent's consent. The server records the
 * consent with the notice's version and answers with a device credential: this device becomes
 * the child's.
 */
export function AddFamilyChild(props: { onAdded(child: ChildLearner): void }) {
  const [nickname, setNickname] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const langs = langOptions();
  const firstLang = langs.some((l) => l.value === language()) ? language() : langs[0]?.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const avatar = String(data.get('avatar') ?? '');
    const found: Record<string, string> = {};
    const n = nicknameProblem(nickname, true);
    if (n) found.nickname = n;
    if (!avatar) found.avatar = ct('family.pictureMissing');
    if (data.get('consent') !== 'yes') found.consent = ct('family.consentMissing');
    if (Object.keys(found).length) {
      setProblems({ ...found, form: ct('children.fix') });
      const first = ['nickname', 'avatar', 'consent'].find((k) => k in found);
      document.getElementById(`family-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      const made = await classesApi.addFamilyChild({
        nickname: nickname.trim(),
        avatar,
        band: String(data.get('band')) as Band,
        lang: String(data.get('lang')),
        noticeVersion: ct('familyNotice.version'),
      });
      await keepOnThisDevice(made.child, made.token, Date.now());
      props.onAdded(made.child);
    } catch (error) {
      const code = codeOf(error);
      const about = code === 'personal_data' || code === 'invalid_nickname' ? 'nickname' : 'form';
      setProblems({ [about]: problemMessage(error) });
      if (about === 'nickname') document.getElementById('family-nickname')?.focus();
    } finally {
      setBusy(false);
    }
  };

  const error = (key: keyof Problems) =>
    problems[key] ? (
      <p id={`family-${key}-error`} class="field-error">
        <span class="visually-hidden">{ct('form.errorPrefix')} </span>
        {problems[key]}
      </p>
    ) : null;

  return (
    <form class="account-form" noValidate onSubmit={submit}>
      <p role="alert" class="field-error">
        {problems.form ?? ''}
      </p>
      <NicknameInput
        id="family-nickname"
        label={ct('family.nickname')}
        hint={ct('family.nicknameHint')}
        value={nickname}
        problem={problems.nickname ?? null}
        onInput={(v) => {
          setNickname(v);
          setProblems(({ nickname: _, ...rest }) => rest);
        }}
      />
      <fieldset
        class={`field choice${problems.avatar ? ' invalid' : ''}`}
        aria-describedby={problems.avatar ? 'family-avatar-error' : undefined}
      >
        <legend>{ct('family.picture')}</legend>
        {error('avatar')}
        <div class="picture-choices">
          {AVATAR_IDS.map((a, i) => (
            <label class="picture-choice" key={a}>
              <input
                type="radio"
                name="avatar"
                value={a}
                id={i === 0 ? 'family-avatar' : undefined}
              />
              <Picture id={a} size={48} decorative />
              <span>{pictureName(a)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="field choice">
        <legend>{ct('family.band')}</legend>
        {bandOptions().map((o, i) => (
          <label class="radio" key={o.value}>
            <input type="radio" name="band" value={o.value} defaultChecked={i === 0} />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
      {langs.length > 1 ? (
        <fieldset class="field choice">
          <legend>{ct('family.lang')}</legend>
          {langs.map((o) => (
            <label class="radio" key={o.value}>
              <input
                type="radio"
                name="lang"
                value={o.value}
                defaultChecked={o.value === firstLang}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="lang" value={firstLang} />
      )}
      <Notice id="family-notice" title="familyNotice.title" points={FAMILY_NOTICE} />
      <div class={`field${problems.consent ? ' invalid' : ''}`}>
        {error('consent')}
        <label class="check">
          <input
            id="family-consent"
            type="checkbox"
            name="consent"
            value="yes"
            aria-describedby={problems.consent ? 'family-consent-error' : undefined}
          />
          <span>{ct('family.consent')}</span>
        </label>
      </div>
      <p class="field-hint">{ct('family.thisDevice')}</p>
      <button type="submit" class="primary" aria-disabled={busy}>
        {ct('family.addSubmit')}
      </button>
      <p role="status" class="small form-status">
        {busy ? ct('form.working') : ''}
      </p>
    </form>
  );
}
