import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { InteractionOf, Text } from '../../../engine';
import { mountPlayer } from '../testing/mount-player';
import type { MountedPlayer } from '../testing/mount-player';
import FeedPlayer from './feed-player';

const tx = (text: string) => ({ id: `t.${text}`, text }) as unknown as Text;
const interaction = {
  type: 'feed',
  args: {
    posts: [
      { id: 'drawing', author: tx('Leo'), text: tx('My dragon drawing!') },
      {
        id: 'prize',
        author: tx('Free Prizes'),
        text: tx('Share to win!'),
        source: tx('This account was made yesterday.'),
      },
    ],
    actions: [
      { id: 'like', label: tx('Like') },
      { id: 'share', label: tx('Share') },
      { id: 'report', label: tx('Report') },
    ],
  },
  answerGroups: [],
  defaultOutcome: { next: 'x', correct: false, safety: 'risky' },
} as unknown as InteractionOf<'feed'>;

let root: HTMLElement;
let player: MountedPlayer<'feed'>;

type Props = Parameters<typeof FeedPlayer>[0];
async function mount(over: Partial<Props> = {}) {
  player = await mountPlayer(FeedPlayer, {
    interaction,
    text: (t) => t.text.replace('{app:photo}', 'Picturebox'),
    ...over,
  });
  root = player.root;
  return player.onAnswer;
}

const group = (author: string) =>
  [...root.querySelectorAll('[role=group]')].find((g) =>
    g.getAttribute('aria-label')?.includes(author),
  )!;
const action = (author: string, label: string) =>
  [...group(author).querySelectorAll('button')].find((b) => b.textContent === label)!;
const done = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Done')!;

describe('feed player', () => {
  it('shows posts from invented people in the practice app', async () => {
    await mount();
    expect(root.textContent).toContain('Practice');
    expect(root.textContent).toContain('Picturebox');
    const articles = [...root.querySelectorAll('article')];
    expect(
      articles.map((a) => document.getElementById(a.getAttribute('aria-labelledby')!)?.textContent),
    ).toEqual(['Leo', 'Free Prizes']);
    expect(group('Leo').getAttribute('aria-label')).toBe(
      'What will you do with this post from Leo?',
    );
  });

  it('keeps one pressed action per post and sends them all with Done', async () => {
    const onAnswer = await mount();
    await act(() => action('Leo', 'Like').click());
    await act(() => action('Free Prizes', 'Share').click());
    await act(() => action('Free Prizes', 'Report').click());
    expect(action('Free Prizes', 'Share').getAttribute('aria-pressed')).toBe('false');
    expect(action('Free Prizes', 'Report').getAttribute('aria-pressed')).toBe('true');
    await act(() => done().click());
    expect(onAnswer).toHaveBeenCalledWith({
      type: 'feed',
      actions: { drawing: 'like', prize: 'report' },
    });
  });

  it('asks for an action on every post before Done', async () => {
    const onAnswer = await mount();
    await act(() => action('Leo', 'Like').click());
    await act(() => done().click());
    expect(onAnswer).not.toHaveBeenCalled();
    expect(root.querySelector('.feed-problem')?.textContent).toBe(
      'Choose what to do with every post first.',
    );
  });

  it('reveals the source when asked, and says so when there is nothing to show', async () => {
    await mount();
    const [leo, prize] = [...root.querySelectorAll<HTMLButtonElement>('.post-source-button')];
    const region = (b: HTMLElement) => document.getElementById(b.getAttribute('aria-controls')!)!;
    expect(region(prize!).hidden).toBe(true);
    await act(() => prize!.click());
    expect(prize!.getAttribute('aria-expanded')).toBe('true');
    expect(region(prize!).hidden).toBe(false);
    expect(region(prize!).textContent).toBe('This account was made yesterday.');
    await act(() => leo!.click());
    expect(region(leo!).textContent).toBe('No extra information about this account.');
  });

  it('resets when the scene changes', async () => {
    await mount();
    await act(() => action('Leo', 'Like').click());
    await player.rerender({ sceneKey: 's:1' });
    expect(action('Leo', 'Like').getAttribute('aria-pressed')).toBe('false');
  });
});
