import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { UiKey } from '../../i18n/i18n';
import { t } from '../../i18n/i18n';
import { PhoneFrame } from '../shared/phone-frame';
import padlock from '../../../../content/art/topics/passwords.svg';
import type { PlayerProps } from '../types';
import { loadMeter } from './strength';
import type { Meter, Strength } from './strength';
import './password-player.css';

const SCORE_WORDS: readonly UiKey[] = [
  'password.score0',
  'password.score1',
  'password.score2',
  'password.score3',
  'password.score4',
];
const scoreWord = (score: number) => t(SCORE_WORDS[Math.max(0, Math.min(4, score))]!);

/**
 * `password`: build a passphrase against a live strength meter. The typed text lives only in
 * this component's memory: it is measured on the device (zxcvbn, loaded lazily), and only the
 * score and flags are sent as the answer. It is never stored, logged or read aloud, and the
 * field sits outside any form so no browser offers to save it.
 */
export default function PasswordPlayer(props: PlayerProps<'password'>) {
  return <PasswordScreen key={props.sceneKey} {...props} />;
}

function PasswordScreen({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
}: PlayerProps<'password'>) {
  const { args } = interaction;
  const id = useId();
  const [value, setValue] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [meter, setMeter] = useState<Meter | 'failed' | null>(null);
  const [message, setMessage] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const run = useRef(0);
  const personal = useMemo(() => (args.personal ?? []).map(text), [args.personal, text]);
  const goal = args.goal;

  useEffect(() => {
    let live = true;
    loadMeter().then(
      (m) => live && setMeter(() => m),
      () => live && setMeter('failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const n = ++run.current;
    if (typeof meter !== 'function' || !value) {
      setStrength(null);
      return;
    }
    void meter(value, personal).then((s) => {
      if (run.current === n) setStrength(s);
    });
  }, [value, meter, personal]);

  const add = (word: string) => {
    setMessage('');
    setValue((v) => (v.trim() ? `${v.trimEnd()} ${word}` : word));
  };

  const submit = async () => {
    if (locked || typeof meter !== 'function') return;
    if (!value.trim()) {
      setMessage(t('password.needText'));
      input.current?.focus();
      return;
    }
    const s = await meter(value, personal);
    onAnswer({ type: 'password', score: s.score, flags: [...s.flags] });
  };

  const score = strength?.score ?? 0;
  const reached = strength !== null && goal !== undefined && strength.score >= goal;
  const word = strength ? scoreWord(strength.score) : t('password.empty');

  return (
    <PhoneFrame app={t('password.screen')} icon={padlock} class="app-password">
      <div class="pw-body">
        <label class="pw-label" for={`${id}-in`}>
          {t('password.label')}
        </label>
        <div class="pw-field">
          <input
            ref={input}
            id={`${id}-in`}
            class="pw-input"
            type="text"
            autocomplete="off"
            autocapitalize="none"
            autocorrect="off"
            spellcheck={false}
            enterkeyhint="done"
            maxLength={80}
            aria-describedby={`${id}-note`}
            value={value}
            disabled={locked}
            onInput={(e) => {
              setMessage('');
              setValue(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void submit();
            }}
          />
          <button
            type="button"
            class="pw-clear"
            disabled={locked || !value}
            onClick={() => {
              setValue('');
              input.current?.focus();
            }}
          >
            {t('password.clear')}
          </button>
        </div>
        <p id={`${id}-note`} class="pw-note">
          <svg viewBox="0 0 20 22" width="16" height="18" aria-hidden="true" focusable="false">
            <rect x="2.5" y="9" width="15" height="11" rx="3" fill="#2fbfae" />
            <path d="M6 9V6.5a4 4 0 0 1 8 0V9" fill="none" />
          </svg>
          {t('password.private')}
        </p>

        {args.tiles && args.tiles.length > 0 && (
          <div class="pw-tiles" role="group" aria-labelledby={`${id}-tiles`}>
            <p id={`${id}-tiles`} class="pw-tiles-label">
              {t('password.tiles')}
            </p>
            <ul class="pw-tile-list">
              {args.tiles.map((tile) => (
                <li key={tile.id}>
                  <button
                    type="button"
                    class="pw-tile"
                    disabled={locked}
                    onClick={() => add(text(tile.text))}
                  >
                    <span aria-hidden="true" class="pw-plus">
                      +
                    </span>
                    {text(tile.text)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div class="pw-meter-box">
          <p id={`${id}-meter`} class="pw-meter-label">
            {t('password.meter')}
          </p>
          {meter === 'failed' ? (
            <p class="pw-word">{t('password.loadFailed')}</p>
          ) : meter === null ? (
            <p class="pw-word">{t('password.loading')}</p>
          ) : (
            <>
              <div
                class={`pw-meter pw-score-${strength ? score : 'none'}`}
                role="meter"
                aria-labelledby={`${id}-meter`}
                aria-valuemin={0}
                aria-valuemax={4}
                aria-valuenow={score}
                aria-valuetext={word}
              >
                {[0, 1, 2, 3, 4].map((i) => (
                  <span
                    key={i}
                    class={`pw-seg${strength && i <= score ? ' on' : ''}${goal === i ? ' goal' : ''}`}
                  />
                ))}
              </div>
              <p class="pw-word" aria-live="polite">
                <StrengthIcon score={strength ? score : null} />
                <span>{word}</span>
              </p>
            </>
          )}
          {goal !== undefined && (
            <p class="pw-goal">
              {reached ? (
                <strong>✓ {t('password.goalReached')}</strong>
              ) : (
                t('password.goal', { level: scoreWord(goal) })
              )}
            </p>
          )}
          {strength && strength.flags.length > 0 && (
            <ul class="pw-tips">
              {strength.flags.map((f) => (
                <li key={f}>{t(`password.flag.${f}`)}</li>
              ))}
            </ul>
          )}
        </div>

        {solution && (
          <p class="pw-answer">
            <strong>{t('play.solutionLabel')}:</strong>{' '}
            {t('password.solution', { level: scoreWord(solution.score) })}
          </p>
        )}
        <p class="pw-problem" role="alert">
          {message}
        </p>
        <button
          type="button"
          class="primary pw-use"
          disabled={locked || typeof meter !== 'function'}
          onClick={() => void submit()}
        >
          {t('password.use')}
        </button>
      </div>
    </PhoneFrame>
  );
}

/** A shape per level so the meter never relies on colour: ×, !, ✓. */
function StrengthIcon({ score }: { score: number | null }) {
  if (score === null) return null;
  const d =
    score <= 1 ? 'M7 7l10 10M17 7 7 17' : score === 2 ? 'M12 5v9M12 19v.5' : 'M5 12.5l4.5 4.5L19 7';
  return (
    <svg class="pw-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" />
    </svg>
  );
}
