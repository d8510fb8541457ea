import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import type { MountedPlayer } from '../testing/mount-player';
import SettingsPlayer from './settings-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'settings',
  args: {
    app: tx('{app:photo}'),
    settings: [
      {
        id: 'profile',
        kind: 'select',
        label: tx('Who can see my profile'),
        options: [
          { id: 'everyone', label: tx('Everyone') },
          { id: 'friends', label: tx('Friends only') },
        ],
        initial: 'everyone',
      },
      {
        id: 'location',
        kind: 'toggle',
        label: tx('Show where I am'),
        help: tx('Adds your place to photos.'),
        initial: 'on',
      },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'settings'>;

let root: HTMLElement;
let player: MountedPlayer<'settings'>;

type Props = Parameters<typeof SettingsPlayer>[0];
const props = (over: Partial<Props> = {}): Props => ({
  interaction,
  text: (t) => t.text.replace('{app:photo}', 'Picturebox'),
  onAnswer: vi.fn(),
  locked: false,
  solution: null,
  sceneKey: 's:0',
  ...over,
});

async function mount(p: Props) {
  player = await mountPlayer(SettingsPlayer, p);
  root = player.root;
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const radio = (label: string) =>
  [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
    (r) => r.parentElement?.textContent === label,
  )!;

describe('settings player', () => {
  it('saves every setting, starting from its initial value', async () => {
    const p = props();
    await mount(p);
    expect(root.textContent).toContain('Picturebox');
    await act(() => button('Save').click());
    expect(p.onAnswer).toHaveBeenLastCalledWith({
      type: 'settings',
      values: { profile: 'everyone', location: 'on' },
    });
  });

  it('changes a select with its radios and a toggle with its switch', async () => {
    const p = props();
    await mount(p);
    const sw = root.querySelector<HTMLButtonElement>('[role=switch]')!;
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById(sw.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Show where I am',
    );
    expect(document.getElementById(sw.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Adds your place to photos.',
    );
    await act(() => sw.click());
    expect(sw.getAttribute('aria-checked')).toBe('false');
    await act(() => radio('Friends only').click());
    await act(() => button('Save').click());
    expect(p.onAnswer).toHaveBeenLastCalledWith({
      type: 'settings',
      values: { profile: 'friends', location: 'off' },
    });
  });

  it('gives every option of a setting the same look (no pushed choice)', async () => {
    await mount(props());
    const options = [...root.querySelectorAll('.set-option')];
    expect(options.map((o) => o.className)).toEqual(['set-option', 'set-option']);
    expect(root.querySelector('legend')?.textContent).toBe('Who can see my profile');
  });

  it('starts again from the initial values when the scene changes', async () => {
    const p = props();
    await mount(p);
    await act(() => root.querySelector<HTMLButtonElement>('[role=switch]')!.click());
    await player.rerender({ sceneKey: 's:1' });
    expect(root.querySelector('[role=switch]')?.getAttribute('aria-checked')).toBe('true');
  });

  it('shows the released solution in words', async () => {
    await mount(
      props({ solution: { type: 'settings', values: { profile: 'friends', location: 'off' } } }),
    );
    const lines = [...root.querySelectorAll('.set-answer')].map((l) => l.textContent);
    expect(lines).toEqual(['The answer: Friends only', 'The answer: Off']);
    expect(radio('Friends only').parentElement?.classList.contains('is-solution')).toBe(true);
  });
});
