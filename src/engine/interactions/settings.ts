import type { Text } from '../types/text';
import { assignments } from './probe';
import { duplicateIds, idSet, isCompleteMap, issue, joinPath } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** One choice of a `select` setting. */
export interface SettingOption {
  readonly id: string;
  readonly label: Text;
}

/** An on/off switch; its values are `on` and `off`. */
export interface ToggleSetting {
  readonly id: string;
  readonly kind: 'toggle';
  readonly label: Text;
  readonly help?: Text;
  readonly initial: 'on' | 'off';
}

/** A setting with several options, e.g. who can message me: everyone / friends / nobody. */
export interface SelectSetting {
  readonly id: string;
  readonly kind: 'select';
  readonly label: Text;
  readonly help?: Text;
  readonly options: readonly SettingOption[];
  readonly initial: string;
}

/** One setting of the mock app. */
export type Setting = ToggleSetting | SelectSetting;

/** Set up a mock app profile safely; every setting starts at `initial`. */
export interface SettingsArgs {
  /** App name in the header, usually `{app:…}`. */
  readonly app?: Text;
  readonly settings: readonly Setting[];
}

/** The value of every setting when the child pressed Save: setting id → option id. */
export interface SettingsAnswer {
  readonly type: 'settings';
  readonly values: Readonly<Record<string, string>>;
}

/** `AllOf`: every listed setting has the listed value. `AnyOf`: at least one does. */
export type SettingsRule = {
  readonly rule: 'AllOf' | 'AnyOf';
  readonly values: Readonly<Record<string, string>>;
};

/** The values a setting can take. */
export function settingValues(setting: Setting): string[] {
  return setting.kind === 'toggle' ? ['on', 'off'] : setting.options.map((o) => o.id);
}

function initialValues(args: SettingsArgs): Record<string, string> {
  return Object.fromEntries(args.settings.map((s) => [s.id, s.initial]));
}

function answer(values: Record<string, string>): SettingsAnswer {
  return { type: 'settings', values };
}

/** Variants of `core`: unchanged, each other setting moved one at a time, all others at option k. */
function perturb(
  core: Record<string, string>,
  fixed: ReadonlySet<string>,
  args: SettingsArgs,
): SettingsAnswer[] {
  const others = args.settings.filter((s) => !fixed.has(s.id));
  const out = [answer(core)];
  for (const s of others)
    for (const v of settingValues(s)) out.push(answer({ ...core, [s.id]: v }));
  const widest = Math.max(0, ...others.map((s) => settingValues(s).length));
  for (let k = 0; k < widest; k++) {
    const all = { ...core };
    for (const s of others) {
      const values = settingValues(s);
      all[s.id] = values[Math.min(k, values.length - 1)] as string;
    }
    out.push(answer(all));
  }
  return out;
}

function samplesFor(rule: SettingsRule, args: SettingsArgs): SettingsAnswer[] {
  const base = initialValues(args);
  const entries = Object.entries(rule.values);
  const fixed = new Set(Object.keys(rule.values));
  if (rule.rule === 'AllOf') return perturb({ ...base, ...rule.values }, fixed, args);
  const out: SettingsAnswer[] = [];
  for (const [id, value] of entries) {
    const alone = { ...base, [id]: value };
    // The other listed settings away from their listed value, so only this pair matches.
    for (const [otherId, otherValue] of entries) {
      if (otherId === id) continue;
      const setting = args.settings.find((s) => s.id === otherId);
      const alt = setting ? settingValues(setting).find((v) => v !== otherValue) : undefined;
      if (alt !== undefined) alone[otherId] = alt;
    }
    out.push(...perturb({ ...base, [id]: value }, fixed, args), ...perturb(alone, fixed, args));
  }
  return out;
}

/** Behaviour of `settings`. */
export const settings: InteractionKind<SettingsArgs, SettingsAnswer, SettingsRule> = {
  isValidAnswer: (args, a) => {
    const byId = new Map(args.settings.map((s) => [s.id, s]));
    return isCompleteMap(
      a.values,
      [...byId.keys()],
      (k, v) => typeof v === 'string' && settingValues(byId.get(k) as Setting).includes(v),
    );
  },

  matches: (rule, a) => {
    const hit = ([id, value]: [string, string]) => a.values[id] === value;
    const entries = Object.entries(rule.values);
    return rule.rule === 'AllOf' ? entries.every(hit) : entries.some(hit);
  },

  samples: samplesFor,

  probes: (args) => {
    const byId = new Map(args.settings.map((s) => [s.id, s]));
    return assignments([...byId.keys()], (k) => settingValues(byId.get(k) as Setting)).map(answer);
  },

  checkRule: (rule, args): LocalIssue[] => {
    const out: LocalIssue[] = [];
    const entries = Object.entries(rule.values);
    if (entries.length === 0) out.push(issue('values', 'list at least one setting'));
    for (const [id, value] of entries) {
      const setting = args.settings.find((s) => s.id === id);
      const at = joinPath('values', id);
      if (!setting) out.push(issue(at, `setting "${id}" does not exist`));
      else if (!settingValues(setting).includes(value)) {
        out.push(issue(at, `setting "${id}" has no value "${value}"`));
      }
    }
    return out;
  },

  checkArgs: (args) => {
    const out = duplicateIds(args.settings, 'settings');
    args.settings.forEach((s, i) => {
      if (s.kind !== 'select') return;
      out.push(...duplicateIds(s.options, joinPath(joinPath('settings', i), 'options')));
      if (!idSet(s.options).has(s.initial)) {
        out.push(
          issue(
            joinPath(joinPath('settings', i), 'initial'),
            `option "${s.initial}" does not exist`,
          ),
        );
      }
    });
    return out;
  },
};
