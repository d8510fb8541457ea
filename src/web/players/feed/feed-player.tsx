import type { PlayerProps } from '../types';

// Placeholder until the feed player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'feed'>) {
  return <p>The feed game is not built yet.</p>;
}
