import type { PlayerProps } from '../types';

// Placeholder until the inbox player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'inbox'>) {
  return <p>The inbox game is not built yet.</p>;
}
