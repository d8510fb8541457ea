import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { settings, settingValues } from './settings';
import type { SettingsArgs, SettingsRule } from './settings';

const args: SettingsArgs = {
  settings: [
    {
      id: 'profile',
      kind: 'select',
      label: text('profile'),
      options: ['everyone', 'friends'].map((id) => ({ id, label: text(id) })),
      initial: 'everyone',
    },
    { id: 'location', kind: 'toggle', label: text('location'), initial: 'on' },
  ],
};
const saved = (values: Record<string, string>) => ({ type: 'settings' as const, values });

describe('settings', () => {
  it('lists the values of toggles and selects', () => {
    expect(settingValues(args.settings[0]!)).toEqual(['everyone', 'friends']);
    expect(settingValues(args.settings[1]!)).toEqual(['on', 'off']);
  });

  it('needs a valid value for every setting', () => {
    expect(settings.isValidAnswer(args, saved({ profile: 'friends', location: 'off' }))).toBe(true);
    expect(settings.isValidAnswer(args, saved({ profile: 'friends' }))).toBe(false);
    expect(settings.isValidAnswer(args, saved({ profile: 'friends', location: 'maybe' }))).toBe(
      false,
    );
  });

  it('AllOf needs every listed value; AnyOf needs one', () => {
    const all: SettingsRule = { rule: 'AllOf', values: { profile: 'friends', location: 'off' } };
    const any: SettingsRule = { rule: 'AnyOf', values: { profile: 'everyone', location: 'on' } };
    expect(settings.matches(all, saved({ profile: 'friends', location: 'off' }), args)).toBe(true);
    expect(settings.matches(all, saved({ profile: 'friends', location: 'on' }), args)).toBe(false);
    expect(settings.matches(any, saved({ profile: 'friends', location: 'on' }), args)).toBe(true);
    expect(settings.matches(any, saved({ profile: 'friends', location: 'off' }), args)).toBe(false);
  });

  it('gives samples that satisfy each rule, including ones that move other settings', () => {
    const rules: SettingsRule[] = [
      { rule: 'AllOf', values: { location: 'off' } },
      { rule: 'AnyOf', values: { profile: 'everyone', location: 'on' } },
    ];
    for (const rule of rules) {
      const samples = settings.samples(rule, args);
      for (const s of samples) {
        expect(settings.isValidAnswer(args, s)).toBe(true);
        expect(settings.matches(rule, s, args)).toBe(true);
      }
      expect(samples.some((s) => s.values.profile === 'friends')).toBe(true);
    }
  });

  it('reports unknown settings or values, empty rules and a bad initial option', () => {
    expect(
      settings.checkRule({ rule: 'AllOf', values: { sound: 'on', location: 'loud' } }, args),
    ).toEqual([
      { path: 'values.sound', message: 'setting "sound" does not exist' },
      { path: 'values.location', message: 'setting "location" has no value "loud"' },
    ]);
    expect(settings.checkRule({ rule: 'AnyOf', values: {} }, args)[0]?.path).toBe('values');
    const select = args.settings[0] as Extract<
      SettingsArgs['settings'][number],
      { kind: 'select' }
    >;
    const bad: SettingsArgs = { settings: [{ ...select, initial: 'nobody' }] };
    expect(settings.checkArgs(bad)[0]?.path).toBe('settings[0].initial');
  });
});
