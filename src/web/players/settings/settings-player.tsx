import type { PlayerProps } from '../types';

// Placeholder until the settings player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'settings'>) {
  return <p>The settings game is not built yet.</p>;
}
