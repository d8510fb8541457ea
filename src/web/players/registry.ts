import type { InteractionType } from '../../engine';
import type { Player } from './types';

/** Each type's loader returns that type's player. */
type Loaders = { readonly [T in InteractionType]: () => Promise<{ default: Player<T> }> };

/**
 * One lazily loaded chunk per interaction type, so a child downloads only the games they play
 * (each chunk ≤ 30 KB gzipped; checked by the budget test).
 */
export const PLAYERS: Loaders = {
  choice: () => import('./choice/choice-player'),
  continue: () => import('./continue/continue-player'),
  sort: () => import('./sort/sort-player'),
  sequence: () => import('./sequence/sequence-player'),
  hotspot: () => import('./hotspot/hotspot-player'),
  password: () => import('./password/password-player'),
  chat: () => import('./chat/chat-player'),
  inbox: () => import('./inbox/inbox-player'),
  feed: () => import('./feed/feed-player'),
  settings: () => import('./settings/settings-player'),
};

/** The player of any type, for the Play page (which pairs it with a matching interaction). */
export async function loadPlayer(type: InteractionType): Promise<Player> {
  const mod = await PLAYERS[type]();
  return mod.default as unknown as Player;
}
