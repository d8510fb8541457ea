import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { useSession } from '../app/session';
import { navigate } from '../app/router';
import { AVATARS, AVATAR_IDS } from '../components/art';
import type { Profile } from '../store/profiles';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ct, loadClassStrings } from '../class-child/strings';
import { forgetClassProfile } from '../sync/device';

/**
 * "Who is playing?": siblings often share one phone, so each child has a profile with a picture
 * and optionally a picture lock (three pictures in order). The lock keeps siblings apart; it is
 * not a password and guards no personal data.
 */
export function Profiles() {
  const session = useSession();
  const [unlocking, setUnlocking] = useState<Profile | null>(null);
  const [notMe, setNotMe] = useState<Profile | null>(null);
  useEffect(() => void loadClassStrings(), []);

  if (unlocking) {
    return (
      <PictureLock
        profile={unlocking}
        onDone={async () => {
          await session.select(unlocking.id);
          navigate('/');
        }}
        onCancel={() => setUnlocking(null)}
      />
    );
  }
  return (
    <main class="page profiles">
      <h1>{t('profiles.title')}</h1>
      <ul class="pick-grid" role="list">
        {session.profiles.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class="pick"
              aria-current={p.id === session.profile?.id ? 'true' : undefined}
              onClick={async () => {
                if (p.lock?.length) return setUnlocking(p);
                await session.select(p.id);
                navigate('/');
              }}
            >
              <img src={AVATARS[p.avatar]} alt="" width="64" height="64" />
              <span>{p.account ? p.account.nickname : t(`avatar.${p.avatar}` as UiKey)}</span>
            </button>
            {p.account && (
              <button
                type="button"
                class="secondary not-you"
                aria-label={`${ct('notYou.button')} ${p.account.nickname}`}
                onClick={() => setNotMe(p)}
              >
                {ct('notYou.button')}
              </button>
            )}
          </li>
        ))}
        <li>
          <button type="button" class="pick" onClick={() => navigate('/start')}>
            <span class="pick-mark" aria-hidden="true">
              +
            </span>
            <span>{t('profiles.add')}</span>
          </button>
        </li>
        <li>
          <button type="button" class="pick" onClick={() => navigate('/join')}>
            <span class="pick-mark" aria-hidden="true">
              #
            </span>
            <span>{t('first.classCode')}</span>
          </button>
        </li>
      </ul>
      {notMe?.account && (
        <ConfirmDialog
          message={ct('notYou.confirm', { nickname: notMe.account.nickname })}
          confirmLabel={t('common.yes')}
          cancelLabel={t('common.no')}
          onConfirm={async () => {
            await forgetClassProfile(notMe);
            setNotMe(null);
            await session.refresh();
          }}
          onCancel={() => setNotMe(null)}
        />
      )}
    </main>
  );
}

/** Tap three pictures in order to open a locked profile. */
function PictureLock(props: { profile: Profile; onDone: () => void; onCancel: () => void }) {
  const [taps, setTaps] = useState<string[]>([]);
  const [wrong, setWrong] = useState(false);
  const tap = (a: string) => {
    const next = [...taps, a];
    if (next.length < 3) return setTaps(next);
    if (next.join() === props.profile.lock?.join()) return props.onDone();
    setTaps([]);
    setWrong(true);
  };
  return (
    <main class="page profiles">
      <h1>{t('profiles.unlock')}</h1>
      <p class="dots" aria-live="polite">
        {[0, 1, 2].map((i) => (
          <span key={i} class={i < taps.length ? 'dot on' : 'dot'} aria-hidden="true" />
        ))}
        <span class="visually-hidden">{`${taps.length} / 3`}</span>
      </p>
      {wrong && <p role="alert">{t('profiles.wrongLock')}</p>}
      <div class="pick-grid avatars">
        {AVATAR_IDS.map((a) => (
          <button type="button" class="pick small" key={a} onClick={() => tap(a)}>
            <img src={AVATARS[a]} alt="" width="48" height="48" />
            <span>{t(`avatar.${a}` as UiKey)}</span>
          </button>
        ))}
      </div>
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </main>
  );
}
