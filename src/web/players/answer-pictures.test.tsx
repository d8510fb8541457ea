import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import type { ComponentType } from 'preact';
import { act } from 'preact/test-utils';
import type { InteractionOf, InteractionType, Text } from '../../engine';
import { RecordingsContext } from '../speech/recordings';
import type { PlayerProps } from './types';
import ChoicePlayer from './choice/choice-player';
import SortPlayer from './sort/sort-player';
import SequencePlayer from './sequence/sequence-player';
import ChatPlayer from './chat/chat-player';

// Children of 5–7 choose by picture: every player shows an answer's picture with its alt text
// inside the answer, and a speaker per answer that plays only that answer's recording.
const tx = (text: string) => ({ id: `t.${text.toLowerCase().replace(/\W+/g, '-')}`, text }) as Text;
const pic = (name: string) => ({ src: `/content/art/answers/${name}.svg`, alt: tx(`A ${name}`) });

const CASES: [InteractionType, ComponentType<PlayerProps>, unknown, string[]][] = [
  [
    'choice',
    ChoicePlayer as ComponentType<PlayerProps>,
    {
      options: [
        { id: 'a', text: tx('Show my grown-up'), media: pic('tell-grown-up') },
        { id: 'b', text: tx('Write back'), media: pic('write-back') },
      ],
    },
    ['Show my grown-up', 'Write back'],
  ],
  [
    'sort',
    SortPlayer as ComponentType<PlayerProps>,
    {
      bins: [
        { id: 'ok', label: tx('OK') },
        { id: 'tell', label: tx('Tell') },
      ],
      items: [
        { id: 'x', text: tx('A song from Dad'), media: pic('song') },
        { id: 'y', text: tx('Keep this a secret'), media: pic('secret') },
      ],
    },
    ['A song from Dad', 'Keep this a secret'],
  ],
  [
    'sequence',
    SequencePlayer as ComponentType<PlayerProps>,
    {
      steps: [
        { id: 'a', text: tx('Stop the game'), media: pic('stop-hand') },
        { id: 'b', text: tx('Brush your teeth'), media: pic('toothbrush') },
        { id: 'c', text: tx('Go to sleep'), media: pic('sleep') },
      ],
    },
    ['Stop the game', 'Brush your teeth', 'Go to sleep'],
  ],
  [
    'chat',
    ChatPlayer as ComponentType<PlayerProps>,
    {
      participants: [{ id: 'p', name: tx('Someone') }],
      messages: [{ from: 'p', text: tx('hi') }],
      replies: [
        { id: 'r', text: tx('No thanks'), media: pic('no-reply') },
        { id: 's', text: tx('Show a grown-up'), media: pic('tell-grown-up'), kind: 'action' },
      ],
    },
    ['No thanks', 'Show a grown-up'],
  ],
];

let root: HTMLElement;
let played: string[];
beforeEach(() => {
  played = [];
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    played.push(this.src);
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function mount(type: InteractionType, Player: ComponentType<PlayerProps>, args: unknown) {
  root = document.createElement('div');
  document.body.append(root);
  const interaction = {
    type,
    args,
    answerGroups: [],
    defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
  } as unknown as InteractionOf<InteractionType>;
  await act(() =>
    render(
      <RecordingsContext.Provider value={(t) => [`/content/packs/core/audio/en/${t.id}.ogg`]}>
        <Player
          interaction={interaction}
          text={(t) => t.text}
          onAnswer={() => {}}
          locked={false}
          solution={null}
          sceneKey="s:0"
        />
      </RecordingsContext.Provider>,
      root,
    ),
  );
}

describe.each(CASES)('%s player with pictures', (type, Player, args, answers) => {
  it('shows each picture with its alt text inside its answer, after the words', async () => {
    await mount(type, Player, args);
    for (const answer of answers) {
      const holder = [...root.querySelectorAll<HTMLElement>('button, .seq-card')].find(
        (b) => b.textContent?.includes(answer) && b.querySelector('img[src*="/answers/"]'),
      );
      expect(holder, answer).toBeDefined();
      const img = holder!.querySelector('img[src*="/answers/"]')!;
      expect(img.getAttribute('alt')).toMatch(/^A [a-z-]+$/);
      // A screen reader says the answer, then the picture.
      if (holder!.tagName === 'BUTTON') expect(holder!.textContent!.startsWith(answer)).toBe(true);
    }
  });

  it("has a speaker for every answer that plays only that answer's recording", async () => {
    await mount(type, Player, args);
    for (const answer of answers) {
      const speaker = root.querySelector<HTMLButtonElement>(
        `button[aria-label="Listen"][title="Listen: ${answer}"]`,
      );
      expect(speaker, answer).not.toBeNull();
      played = [];
      await act(() => speaker!.click());
      expect(played).toEqual([
        new URL(`/content/packs/core/audio/en/${tx(answer).id}.ogg`, location.href).href,
      ]);
    }
  });
});
