import type { PlayerProps } from '../types';

// Placeholder until the hotspot player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'hotspot'>) {
  return <p>The hotspot game is not built yet.</p>;
}
