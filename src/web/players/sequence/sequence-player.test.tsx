import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import type { MountedPlayer } from '../testing/mount-player';
import SequencePlayer from './sequence-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'sequence',
  args: {
    steps: [
      { id: 'a', text: tx('First') },
      { id: 'b', text: tx('Second') },
      { id: 'c', text: tx('Third') },
      { id: 'd', text: tx('Fourth') },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'sequence'>;

let root: HTMLElement;
let player: MountedPlayer<'sequence'>;

type Props = Parameters<typeof SequencePlayer>[0];
const onAnswer = vi.fn();
async function mount(props: Partial<Props> = {}) {
  onAnswer.mockReset();
  player = await mountPlayer(SequencePlayer, {
    interaction,
    onAnswer,
    sceneKey: 'steps:3',
    ...props,
  });
  root = player.root;
}

const order = () =>
  [...root.querySelectorAll<HTMLElement>('.seq-card')].map((c) => c.dataset.step!);
const byLabel = (label: string) =>
  root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
const names: Record<string, string> = { a: 'First', b: 'Second', c: 'Third', d: 'Fourth' };

describe('SequencePlayer', () => {
  it('starts shuffled (never in the authored order) and the same for the same scene', async () => {
    await mount();
    const first = order();
    expect([...first].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(first).not.toEqual(['a', 'b', 'c', 'd']);
    await mount();
    expect(order()).toEqual(first);
  });

  it('starts from a draft holding exactly its steps, and reports each move as a draft', async () => {
    const drafts: unknown[] = [];
    await mount({ draft: ['d', 'c', 'b', 'a'], onDraft: (d) => drafts.push(d) });
    expect(order()).toEqual(['d', 'c', 'b', 'a']);
    expect(drafts).toEqual([]);
    await act(() => byLabel(`Move down: ${names.d}`).click());
    expect(drafts).toEqual([['c', 'd', 'b', 'a']]);
    // A draft with a missing or repeated step is not used: the shuffled order is.
    await mount({ sceneKey: 'steps:3', draft: ['a', 'a', 'b', 'c'] });
    expect(new Set(order()).size).toBe(4);
    expect(order()).not.toEqual(['a', 'a', 'b', 'c']);
  });

  it('moves a step with its buttons, keeps focus on it and announces the move', async () => {
    await mount();
    const start = order();
    const id = start[2]!;
    const up = byLabel(`Move up: ${names[id]}`);
    up.focus();
    await act(() => up.click());
    expect(order()[1]).toBe(id);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Move up: ${names[id]}`);
    expect(root.querySelector('[aria-live=polite]')?.textContent).toBe(
      `${names[id]} is now number 2 of 4.`,
    );
    // At the top, "move up" is disabled and focus goes to "move down".
    await act(() => byLabel(`Move up: ${names[id]}`).click());
    expect(order()[0]).toBe(id);
    expect(byLabel(`Move up: ${names[id]}`).disabled).toBe(true);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Move down: ${names[id]}`);
  });

  it('sends the shown order with Check, and starts again when the scene changes', async () => {
    await mount();
    const shown = order();
    await act(() => byLabel(`Move down: ${names[shown[0]!]}`).click());
    const moved = order();
    await act(() =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check')!.click(),
    );
    expect(onAnswer).toHaveBeenCalledWith({ type: 'sequence', order: moved });
    await player.rerender({ sceneKey: 'steps:5' });
    expect(root.querySelector('[aria-live=polite]')?.textContent).toBe('');
  });

  it('shows where each step goes once the solution is released', async () => {
    await mount({ solution: { type: 'sequence', order: ['a', 'b', 'c', 'd'] } });
    const tags = [...root.querySelectorAll<HTMLElement>('.seq-card')].map(
      (c) => `${c.dataset.step}:${c.querySelector('.answer-tag')?.textContent}`,
    );
    expect(tags.sort()).toEqual([
      'a:The answer: number 1',
      'b:The answer: number 2',
      'c:The answer: number 3',
      'd:The answer: number 4',
    ]);
  });
});
