import type { PlayerProps } from '../types';

// Placeholder until the sort player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'sort'>) {
  return <p>The sort game is not built yet.</p>;
}
