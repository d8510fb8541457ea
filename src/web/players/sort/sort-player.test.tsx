import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import SortPlayer from './sort-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'sort',
  args: {
    bins: [
      { id: 'share', label: tx('OK to share') },
      { id: 'private', label: tx('Keep private') },
    ],
    items: [
      { id: 'animal', text: tx('Your favourite animal') },
      { id: 'address', text: tx('Your home address') },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'sort'>;

let root: HTMLElement;

type Props = Parameters<typeof SortPlayer>[0];
async function mount(over: Partial<Props> = {}) {
  const player = await mountPlayer(SortPlayer, { interaction, ...over });
  root = player.root;
  return player.onAnswer;
}

const card = (name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('.sort-card')].find((b) =>
    b.textContent?.includes(name),
  )!;
const zoneOf = (name: string) =>
  card(name).closest('.sort-zone')?.querySelector('.sort-zone-name')?.textContent;
const head = (name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('.sort-zone-head')].find((b) =>
    b.textContent?.startsWith(name),
  )!;
const said = () => root.querySelector('[aria-live=polite]')?.textContent;
const key = (el: HTMLElement, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });

describe('sort player', () => {
  it('starts from a valid draft and reports every move on the draft channel', async () => {
    const drafts: unknown[] = [];
    // An unknown card and an unknown box in the draft are ignored: that card waits in the tray.
    await mount({
      draft: { address: 'private', animal: 'nowhere', ghost: 'share' },
      onDraft: (d) => drafts.push(d),
    });
    expect(zoneOf('address')).toBe('Keep private');
    expect(card('animal').closest('.sort-tray')).not.toBeNull();
    expect(drafts).toEqual([]);
    card('animal').focus();
    await key(card('animal'), 'ArrowDown');
    expect(drafts).toEqual([{ address: 'private', animal: 'share' }]);
  });

  it('moves a focused card from box to box with the arrow keys, keeping the focus', async () => {
    await mount();
    card('animal').focus();
    await key(card('animal'), 'ArrowDown');
    expect(zoneOf('animal')).toBe('OK to share');
    expect(document.activeElement).toBe(card('animal'));
    expect(said()).toBe('“Your favourite animal” is now in “OK to share”.');
    await key(card('animal'), 'ArrowDown');
    expect(zoneOf('animal')).toBe('Keep private');
    await key(card('animal'), 'ArrowDown'); // wraps round the boxes
    expect(zoneOf('animal')).toBe('OK to share');
    await key(card('animal'), 'Escape');
    expect(zoneOf('animal')).toBe('Cards to sort');
    expect(said()).toBe('“Your favourite animal” is back with the cards to sort.');
  });

  it('picks a card with a tap (or Enter) and puts it in the box tapped next', async () => {
    await mount();
    await act(() => head('Keep private').click());
    expect(said()).toBe('Pick a card first, then choose a box.');
    await act(() => card('address').click());
    expect(card('address').getAttribute('aria-pressed')).toBe('true');
    expect(said()).toBe('You picked “Your home address”. Now choose a box.');
    expect(head('Keep private').textContent).toContain('Put here');
    await act(() => head('Keep private').click());
    expect(zoneOf('address')).toBe('Keep private');
    expect(card('address').getAttribute('aria-pressed')).toBe('false');
  });

  it('checks only once every card is in a box', async () => {
    const onAnswer = await mount();
    const check = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check')!;
    await act(() => check.click());
    expect(onAnswer).not.toHaveBeenCalled();
    expect(root.querySelector('.sort-problem')?.textContent).toBe('Put every card in a box first.');
    await key(card('animal'), 'ArrowDown');
    await key(card('address'), 'ArrowUp');
    await act(() => check.click());
    expect(onAnswer).toHaveBeenCalledWith({
      type: 'sort',
      placement: { animal: 'share', address: 'private' },
    });
  });

  it('describes the keyboard use on every card and shows a released solution', async () => {
    await mount({
      solution: { type: 'sort', placement: { animal: 'share', address: 'private' } },
    });
    const help = document.getElementById(card('animal').getAttribute('aria-describedby')!);
    expect(help?.textContent).toContain('arrow keys');
    expect(card('address').textContent).toContain('The answer: Keep private');
  });
});
