import type { PlayerProps } from '../types';

// Placeholder until the password player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'password'>) {
  return <p>The password game is not built yet.</p>;
}
