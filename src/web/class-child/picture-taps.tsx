import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { AVATARS, AVATAR_IDS } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { ct } from './strings';

/**
 * Three taps from the twelve avatar pictures (a class picture password, SEC-04): dots show how
 * many are tapped, "Start again" clears them, and the third tap hands the three over, in order.
 * No timer.
 */
export function PictureTaps(props: {
  onComplete: (pictures: readonly string[]) => void;
  disabled?: boolean;
}) {
  const [taps, setTaps] = useState<readonly string[]>([]);
  const tap = (a: string) => {
    if (props.disabled) return;
    const next = [...taps, a];
    if (next.length < 3) return setTaps(next);
    setTaps([]);
    props.onComplete(next);
  };
  const help = ct('join.picturesHelp');
  return (
    <div class="picture-taps">
      <p>
        {help} <SpeakButton text={help} small />
      </p>
      <p class="dots" aria-live="polite">
        {[0, 1, 2].map((i) => (
          <span key={i} class={i < taps.length ? 'dot on' : 'dot'} aria-hidden="true" />
        ))}
        <span class="visually-hidden">{ct('join.progress', { n: taps.length })}</span>
      </p>
      <div class="pick-grid avatars">
        {AVATAR_IDS.map((a) => (
          <button
            type="button"
            class="pick small"
            key={a}
            disabled={props.disabled}
            onClick={() => tap(a)}
          >
            <img src={AVATARS[a]} alt="" width="56" height="56" />
            <span>{t(`avatar.${a}` as UiKey)}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        class="secondary"
        disabled={taps.length === 0}
        onClick={() => setTaps([])}
      >
        {ct('join.startAgain')}
      </button>
    </div>
  );
}
