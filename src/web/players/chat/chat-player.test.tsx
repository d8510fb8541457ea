import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import ChatPlayer from './chat-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'chat',
  args: {
    title: tx('Game chat'),
    participants: [{ id: 'jay', name: tx('Jay') }],
    messages: [
      { from: 'jay', text: tx('hi') },
      { from: 'me', text: tx('hello') },
      { from: 'jay', text: tx('free gems?') },
      { from: 'jay', text: tx('secret ok') },
    ],
    replies: [
      { id: 'yes', text: tx('Yes please') },
      { id: 'no', text: tx('No thanks') },
      { id: 'block', text: tx('Block'), kind: 'action' },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'chat'>;

let root: HTMLElement;

async function mount(props: Partial<Parameters<typeof ChatPlayer>[0]> = {}) {
  const player = await mountPlayer(ChatPlayer, { interaction, ...props });
  root = player.root;
  return player.onAnswer;
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;

describe('ChatPlayer', () => {
  it('shows the thread with who said what, inside the practice phone', async () => {
    await mount();
    expect(root.querySelector('.phone-practice')?.textContent).toBe('Practice');
    expect(root.querySelector('h2')?.textContent).toBe('Game chat');
    const msgs = [...root.querySelectorAll('.chat-msg')];
    expect(msgs.map((m) => m.querySelector('.chat-bubble')?.textContent)).toEqual([
      'Jay: hi',
      'You: hello',
      'Jay: free gems?',
      'Jay: secret ok',
    ]);
    expect(msgs[1]!.classList.contains('chat-me')).toBe(true);
  });

  it('announces only the messages that arrived after the child last wrote, in its own log', async () => {
    await mount();
    const log = root.querySelector('[role=log]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toBe('Jay says: free gems? Jay says: secret ok');
    expect(root.querySelector('[role=status]')).toBeNull();
  });

  it('answers with the reply or action id in labelled groups', async () => {
    const onAnswer = await mount();
    const groups = [...root.querySelectorAll('[role=group]')];
    expect(
      groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent),
    ).toEqual(['Choose a reply', 'Or do something']);
    await act(() => button('No thanks').click());
    await act(() => button('Block').click());
    expect(onAnswer.mock.calls).toEqual([
      [{ type: 'chat', reply: 'no' }],
      [{ type: 'chat', reply: 'block' }],
    ]);
  });

  it('marks the solution with words and honours locked', async () => {
    await mount({ solution: { type: 'chat', reply: 'block' }, locked: true });
    expect(button('Block').textContent).toContain('The answer');
    expect(button('Block').classList.contains('is-solution')).toBe(true);
    expect(button('Yes please').disabled).toBe(true);
  });
});
