import { useId, useState } from 'preact/hooks';
import type { SelectSetting, Setting, Text, ToggleSetting } from '../../../engine';
import { t } from '../../i18n/i18n';
import { PhoneFrame } from '../shared/phone-frame';
import { appIcon } from './app-icon';
import type { PlayerProps } from '../types';
import './settings-player.css';

type Values = Readonly<Record<string, string>>;

/**
 * `settings`: a mock app's profile settings screen with switches and option lists. Every
 * option looks the same, so the privacy-protective one is exactly as easy to pick (no dark
 * patterns); Save sends the value of every setting.
 */
export default function SettingsPlayer(props: PlayerProps<'settings'>) {
  // A new scene (or a replay) starts again from each setting's initial value.
  return <SettingsScreen key={props.sceneKey} {...props} />;
}

function SettingsScreen({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
}: PlayerProps<'settings'>) {
  const { args } = interaction;
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(args.settings.map((s) => [s.id, s.initial])),
  );
  const set = (id: string, value: string) => setValues((old) => ({ ...old, [id]: value }));
  const app = args.app ? text(args.app) : t('simSettings.title');

  return (
    <PhoneFrame
      app={app}
      icon={appIcon(args.app)}
      sub={args.app ? t('simSettings.title') : undefined}
      class="app-settings"
    >
      <div class="set-body">
        <ul class="set-list">
          {args.settings.map((s) => (
            <li key={s.id} class="set-row">
              {s.kind === 'toggle' ? (
                <Toggle
                  setting={s}
                  on={values[s.id] === 'on'}
                  text={text}
                  locked={locked}
                  onChange={(on) => set(s.id, on ? 'on' : 'off')}
                />
              ) : (
                <Select
                  setting={s}
                  answer={solution?.values[s.id]}
                  value={values[s.id] ?? s.initial}
                  text={text}
                  locked={locked}
                  onChange={(v) => set(s.id, v)}
                />
              )}
              {solution && <SolutionLine setting={s} value={solution.values[s.id]} text={text} />}
            </li>
          ))}
        </ul>
        <button
          type="button"
          class="primary set-save"
          disabled={locked}
          onClick={() => onAnswer({ type: 'settings', values })}
        >
          {t('simSettings.save')}
        </button>
      </div>
    </PhoneFrame>
  );
}

function Toggle(props: {
  setting: ToggleSetting;
  on: boolean;
  text: (t: Text) => string;
  locked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { setting, on, text } = props;
  const id = useId();
  return (
    <div class="set-toggle">
      <div class="set-words">
        <span id={`${id}-l`} class="set-label">
          {text(setting.label)}
        </span>
        {setting.help && (
          <span id={`${id}-h`} class="set-help">
            {text(setting.help)}
          </span>
        )}
      </div>
      <button
        type="button"
        role="switch"
        class="set-switch"
        aria-checked={on}
        aria-labelledby={`${id}-l`}
        aria-describedby={setting.help ? `${id}-h` : undefined}
        disabled={props.locked}
        onClick={() => props.onChange(!on)}
      >
        <span class="set-track" aria-hidden="true">
          <span class="set-knob" />
        </span>
        <span class="set-state" aria-hidden="true">
          {on ? t('simSettings.on') : t('simSettings.off')}
        </span>
      </button>
    </div>
  );
}

function Select(props: {
  setting: SelectSetting;
  answer: string | undefined;
  value: string;
  text: (t: Text) => string;
  locked: boolean;
  onChange: (value: string) => void;
}) {
  const { setting, value, text } = props;
  const id = useId();
  return (
    <fieldset class="set-select" aria-describedby={setting.help ? `${id}-h` : undefined}>
      <legend class="set-label">{text(setting.label)}</legend>
      {setting.help && (
        <p id={`${id}-h`} class="set-help">
          {text(setting.help)}
        </p>
      )}
      <div class="set-options">
        {setting.options.map((o) => (
          <label key={o.id} class={`set-option${props.answer === o.id ? ' is-solution' : ''}`}>
            <input
              type="radio"
              name={`${id}-${setting.id}`}
              value={o.id}
              checked={value === o.id}
              disabled={props.locked}
              onChange={() => props.onChange(o.id)}
            />
            <span>{text(o.label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Once the solution is released: the value it has for this setting, in words. */
function SolutionLine(props: { setting: Setting; value?: string; text: (t: Text) => string }) {
  const { setting, value, text } = props;
  if (value === undefined) return null;
  const label =
    setting.kind === 'toggle'
      ? t(value === 'on' ? 'simSettings.on' : 'simSettings.off')
      : text(setting.options.find((o) => o.id === value)?.label ?? setting.label);
  return (
    <p class="set-answer">
      <strong>{t('play.solutionLabel')}:</strong> {label}
    </p>
  );
}
