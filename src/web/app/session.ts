import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Profile } from '../store/profiles';

/** The player on this device right now, and how to change it. */
export interface Session {
  readonly profile: Profile | null;
  readonly profiles: readonly Profile[];
  /** Re-reads profiles from the device (after a change). */
  refresh(): Promise<void>;
  select(id: string): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <App>');
  return s;
}
