import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import type { MountedPlayer } from '../testing/mount-player';
import InboxPlayer from './inbox-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'inbox',
  args: {
    messages: [
      {
        id: 'm1',
        from: tx('Amara'),
        address: tx('amara@postbox.example'),
        subject: tx('Football'),
        body: tx('See you Saturday'),
      },
      {
        id: 'm2',
        from: tx('Prize Team'),
        address: tx('win@prize-now.example'),
        subject: tx('You won'),
        body: tx('Tap the link now'),
        link: tx('http://prize-now.example/claim'),
        attachment: tx('prize.zip'),
      },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'inbox'>;

let root: HTMLElement;
let player: MountedPlayer<'inbox'>;

type Props = Parameters<typeof InboxPlayer>[0];
const onAnswer = vi.fn();
async function mount(props: Partial<Props> = {}) {
  onAnswer.mockReset();
  player = await mountPlayer(InboxPlayer, {
    interaction,
    text: (t) => (t.text === '{app:mail}' ? 'Postbox' : t.text),
    onAnswer,
    sceneKey: 'inbox:1',
    ...props,
  });
  root = player.root;
}
const button = (name: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  )!;
const click = (name: string | RegExp) => act(() => button(name).click());

describe('InboxPlayer', () => {
  it('lists the messages in the practice phone, closed', async () => {
    await mount();
    expect(root.querySelector('.phone-app-name h2')?.textContent).toBe('Postbox');
    const rows = [...root.querySelectorAll('.inbox-row')];
    expect(rows.map((r) => r.getAttribute('aria-expanded'))).toEqual(['false', 'false']);
    expect(root.querySelector('.inbox-address')).toBeNull();
  });

  it('opens a message to show its address, attachment and where its link goes', async () => {
    await mount();
    await click(/Prize Team/);
    expect(button(/Prize Team/).getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.inbox-address')?.textContent).toBe('win@prize-now.example');
    expect(root.querySelector('.inbox-attachment')?.textContent).toContain('prize.zip');
    const link = button('Link in this message');
    expect(link.getAttribute('aria-expanded')).toBe('false');
    await act(() => link.focus());
    expect(link.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.inbox-link-target')?.textContent).toContain(
      'This link goes to:http://prize-now.example/claim',
    );
  });

  it('flags with pressed toggle buttons and sends the tricks with Check', async () => {
    await mount();
    await click(/Prize Team/);
    await click('Trick');
    expect(button('Trick').getAttribute('aria-pressed')).toBe('true');
    expect(button('Looks OK').getAttribute('aria-pressed')).toBe('false');
    await click(/Amara/);
    await click('Looks OK');
    expect(root.querySelector('.inbox-count')?.textContent).toBe('Marked as tricks: 1');
    await click('Check');
    expect(onAnswer).toHaveBeenLastCalledWith({ type: 'inbox', flagged: ['m2'] });
    // Pressing again un-marks.
    await click('Looks OK');
    expect(button('Looks OK').getAttribute('aria-pressed')).toBe('false');
  });

  it('starts again when the scene changes, and shows the solution in words', async () => {
    await mount();
    await click(/Prize Team/);
    await click('Trick');
    await player.rerender({ sceneKey: 'inbox:3', solution: { type: 'inbox', flagged: ['m2'] } });
    expect(root.querySelector('.inbox-count')?.textContent).toBe('Marked as tricks: 0');
    expect([...root.querySelectorAll('.inbox-answer')].map((a) => a.textContent)).toEqual([
      'The answer: looks OK',
      'The answer: trick',
    ]);
  });
});
