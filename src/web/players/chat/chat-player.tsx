import type { PlayerProps } from '../types';

// Placeholder until the chat player lands (issue 4); it lets the build and other players run.
export default function Player(_props: PlayerProps<'chat'>) {
  return <p>The chat game is not built yet.</p>;
}
