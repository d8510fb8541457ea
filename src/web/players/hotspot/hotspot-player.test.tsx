import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import HotspotPlayer from './hotspot-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const base = { answerGroups: [], defaultOutcome: { next: 'x', correct: false, safety: 'risky' } };
const post = {
  type: 'hotspot',
  args: {
    parts: [
      { text: tx('From: Prize Team'), spot: 'sender' },
      { text: tx('You won!'), spot: 'prize' },
      { text: tx('or else.') },
      { text: tx('Have a lovely day!'), spot: 'greeting' },
    ],
    spots: [
      { id: 'sender', label: tx('The sender') },
      { id: 'prize', label: tx('The prize') },
      { id: 'greeting', label: tx('The greeting') },
    ],
  },
  ...base,
} as unknown as InteractionOf<'hotspot'>;
const picture = {
  type: 'hotspot',
  args: {
    media: { src: '/content/packs/x/media/park.svg', alt: tx('A selfie in the park') },
    spots: [
      { id: 'sign', label: tx('The sign'), rect: { x: 5, y: 25, w: 20, h: 11 } },
      { id: 'sun', label: tx('The sun'), rect: { x: 35, y: 10, w: 11, h: 15 } },
    ],
  },
  ...base,
} as unknown as InteractionOf<'hotspot'>;

let root: HTMLElement;

type Props = Parameters<typeof HotspotPlayer>[0];
const onAnswer = vi.fn();
async function mount(props: Partial<Props>) {
  onAnswer.mockReset();
  ({ root } = await mountPlayer(HotspotPlayer, {
    interaction: post,
    onAnswer,
    sceneKey: 'clues:2',
    ...props,
  }));
}
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name))!;

describe('HotspotPlayer', () => {
  it('makes the tappable parts of a post toggle buttons and sends them in spot order', async () => {
    await mount({});
    expect(root.querySelectorAll('.hotspot-part')).toHaveLength(3);
    expect(root.querySelector('.hotspot-plain')?.textContent).toBe('or else.');
    await act(() => button('You won!').click());
    await act(() => button('From: Prize Team').click());
    expect(button('You won!').getAttribute('aria-pressed')).toBe('true');
    expect(button('You won!').textContent).toContain('Clue');
    expect(root.querySelector('.hotspot-count')?.textContent).toBe('Clues you marked: 2');
    await act(() => button('Have a lovely day!').click());
    await act(() => button('Have a lovely day!').click());
    await act(() => button('Done').click());
    expect(onAnswer).toHaveBeenCalledWith({ type: 'hotspot', found: ['sender', 'prize'] });
  });

  it('puts a neutral, labelled button over each area of a picture', async () => {
    await mount({ interaction: picture });
    const img = root.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('A selfie in the park');
    const areas = [...root.querySelectorAll<HTMLButtonElement>('.hotspot-area')];
    expect(areas.map((a) => a.textContent)).toEqual(['The sign', 'The sun']);
    expect(areas[0]!.style.left).toBe('15%');
    expect(areas[0]!.style.top).toBe('30.5%');
    expect(areas.every((a) => a.getAttribute('aria-pressed') === 'false')).toBe(true);
    await act(() => areas[1]!.click());
    expect(areas[1]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('marks the nearest area when the picture itself is tapped near it', async () => {
    await mount({ interaction: picture });
    const pic = root.querySelector<HTMLElement>('.hotspot-picture')!;
    pic.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: 400, height: 300, right: 400, bottom: 300 }) as DOMRect;
    // Just left of the sign (x 3%, y 30%): inside its padded box.
    await act(() => {
      pic.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 12, clientY: 90 }));
    });
    // Far from everything: nothing.
    await act(() => {
      pic.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 390, clientY: 290 }));
    });
    await act(() => button('Done').click());
    expect(onAnswer).toHaveBeenCalledWith({ type: 'hotspot', found: ['sign'] });
  });

  it('shows the solution with words', async () => {
    await mount({ solution: { type: 'hotspot', found: ['prize'] } });
    expect(button('You won!').textContent).toContain('The answer');
    expect(button('From: Prize Team').textContent).not.toContain('The answer');
  });
});
