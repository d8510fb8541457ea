import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import PasswordPlayer from './password-player';
import { flagsOf, loadMeter } from './strength';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'password',
  args: {
    tiles: [
      { id: 'purple', text: tx('purple') },
      { id: 'river', text: tx('river') },
      { id: 'jumps', text: tx('jumps') },
      { id: 'sibling', text: tx('Nia') },
    ],
    personal: [tx('Nia'), tx('2016')],
    goal: 3,
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'password'>;

const match = (pattern: string, token: string, extra: Record<string, unknown> = {}) => ({
  pattern,
  token,
  i: 0,
  j: token.length - 1,
  ...extra,
});

describe('strength flags', () => {
  it('maps zxcvbn patterns to the engine flags', () => {
    const seq = [
      match('spatial', 'qwer'),
      match('repeat', 'aaa'),
      match('sequence', 'abc'),
      match('wordSequence', 'onetwo'),
      match('regex', '2015'),
    ];
    expect(flagsOf({ sequence: seq }, 'qweraaaabconetwo2015', []).sort()).toEqual(
      ['date', 'repeat', 'sequence', 'spatial'].sort(),
    );
  });

  it('flags a common word only when it is most of the password', () => {
    const word = match('dictionary', 'purple', { dictionaryName: 'passwords-common' });
    expect(flagsOf({ sequence: [word] }, 'purple', [])).toEqual(['dictionary', 'short']);
    expect(flagsOf({ sequence: [word] }, 'purple river jumps', [])).toEqual([]);
  });

  it('flags the story words however zxcvbn matched them', () => {
    const user = match('dictionary', 'nia', { dictionaryName: 'userInputs' });
    expect(flagsOf({ sequence: [user] }, 'nia', [])).toEqual(['personal', 'short']);
    expect(flagsOf({ sequence: [] }, 'cloud 2016 river', ['Nia', '2016'])).toEqual(['personal']);
  });
});

describe('the on-device meter', () => {
  it('scores common passwords low and random word passphrases high', async () => {
    const meter = await loadMeter();
    const weak = await meter('password', []);
    expect(weak.score).toBe(0);
    expect(weak.flags).toContain('dictionary');
    const strong = await meter('purple river jumps cloud', ['Nia', '2016']);
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.flags).toEqual([]);
    expect((await meter('Nia2016', ['Nia', '2016'])).flags).toEqual(
      expect.arrayContaining(['personal', 'short']),
    );
  }, 20_000);
});

describe('password player', () => {
  let root: HTMLElement;

  async function mount() {
    const player = await mountPlayer(PasswordPlayer, { interaction });
    root = player.root;
    await vi.waitFor(() => expect(root.querySelector('[role=meter]')).not.toBeNull(), {
      timeout: 15_000,
    });
    return player.onAnswer;
  }
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;

  it('is a plain text field outside any form, with nothing to save or autocomplete', async () => {
    await mount();
    const input = root.querySelector('input')!;
    expect(input.type).toBe('text');
    expect(input.getAttribute('autocomplete')).toBe('off');
    // spellcheck=false is a DOM property jsdom lacks; the e2e test checks it in Chromium.
    expect(input.closest('form')).toBeNull();
    expect(input.name).toBe('');
  }, 20_000);

  it('adds tiles, shows the meter in words and sends only the score and flags', async () => {
    const onAnswer = await mount();
    for (const w of ['purple', 'river', 'jumps']) await act(() => button(w).click());
    expect(root.querySelector('input')!.value).toBe('purple river jumps');
    await vi.waitFor(() =>
      expect(root.querySelector('[role=meter]')!.getAttribute('aria-valuenow')).toBe('4'),
    );
    expect(root.querySelector('.pw-word')?.textContent).toBe('Very hard to guess');
    expect(root.textContent).toContain('Goal reached!');
    await act(() => button('Use this passphrase').click());
    await vi.waitFor(() => expect(onAnswer).toHaveBeenCalled());
    expect(onAnswer).toHaveBeenCalledWith({ type: 'password', score: 4, flags: [] });
    expect(JSON.stringify(onAnswer.mock.calls)).not.toContain('purple');
  }, 20_000);

  it('asks for some text before checking', async () => {
    const onAnswer = await mount();
    await act(() => button('Use this passphrase').click());
    expect(onAnswer).not.toHaveBeenCalled();
    expect(root.querySelector('.pw-problem')?.textContent).toBe(
      'Type a passphrase or tap some words first.',
    );
  }, 20_000);
});
