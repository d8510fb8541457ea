import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { render } from 'preact';
import type { ComponentType } from 'preact';
import { act } from 'preact/test-utils';
import type { InteractionType } from '../../../engine';
import type { PlayerProps } from '../types';

/** A player rendered into the document for a component test. */
export interface MountedPlayer<T extends InteractionType> {
  readonly root: HTMLElement;
  /** The `onAnswer` the player was given (unless the test passed its own). */
  readonly onAnswer: Mock;
  /** Renders the same player again into the same root with some props changed. */
  rerender(over?: Partial<PlayerProps<T>>): Promise<void>;
  /** The first button whose text contains `name` (or matches it). */
  button(name: string | RegExp): HTMLButtonElement;
  /** Clicks an element inside `act`, so effects and state updates have run afterwards. */
  click(el: HTMLElement): Promise<void>;
}

const mounted = new Set<HTMLElement>();

/** Unmounts and removes every mounted player (after each test: `src/web/testing/setup.ts`). */
export function unmountPlayers(): void {
  for (const root of mounted) {
    render(null, root);
    root.remove();
  }
  mounted.clear();
}

/**
 * Mounts a game player as the Play page would, with the `PlayerProps` defaults of a fresh
 * scene: texts shown as written, not locked, no solution, scene key `s:0`. Override any prop.
 */
export async function mountPlayer<T extends InteractionType>(
  Player: ComponentType<PlayerProps<T>>,
  props: Partial<PlayerProps<T>> & Pick<PlayerProps<T>, 'interaction'>,
): Promise<MountedPlayer<T>> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.add(root);
  const onAnswer = vi.fn();
  let current: PlayerProps<T> = {
    text: (t) => t.text,
    onAnswer,
    locked: false,
    solution: null,
    sceneKey: 's:0',
    ...props,
  };
  const draw = () => act(() => render(<Player {...current} />, root));
  await draw();
  // Players that load something on mount (e.g. a dictionary) settle in the next task.
  await act(async () => {});
  return {
    root,
    onAnswer,
    rerender: async (over = {}) => {
      current = { ...current, ...over };
      await draw();
    },
    button: (name) => {
      const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        typeof name === 'string' ? b.textContent?.includes(name) : name.test(b.textContent ?? ''),
      );
      if (!found) throw new Error(`no button ${String(name)}`);
      return found;
    },
    click: (el) => act(() => el.click()),
  };
}
