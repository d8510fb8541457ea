import type { PlayerProps } from '../types';

// Placeholder until the sequence player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'sequence'>) {
  return <p>The sequence game is not built yet.</p>;
}
