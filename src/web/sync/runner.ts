import { cachedMe } from '../class-child/account';
import { listProfiles } from '../store/profiles';
import { refreshMe, syncLearner } from './sync';
import { SYNC_EVENT } from './request';

/** What the app hears from a sync round. */
export type SyncNews =
  /** Events came down, or progress was erased elsewhere: re-read the device. */
  | 'changed'
  /** A learner was erased for good on the server and is gone from this device. */
  | 'forgotten'
  /** A profile was signed out by the teacher. */
  | 'signed-out';

/** After an answer, wait this long for more before syncing (a quick game makes one request). */
const DEBOUNCE_MS = 2_000;
/** While the app is visible, sync this often (another device's progress comes down). */
const EVERY_MS = 3 * 60_000;

/**
 * Runs sync for every signed-in class profile on this device: now, ~2 s after answers
 * ({@link SYNC_EVENT}), when the network comes back, and every few minutes while the page is
 * visible. One round at a time; a request during a round runs one more round after it. Offline
 * nothing happens and nothing breaks. Returns the function that stops it.
 */
export function startSync(tell: (news: SyncNews) => void): () => void {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const round = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const linked = (await listProfiles()).filter((p) => p.account && !p.account.signedOut);
        for (const p of linked) {
          const { end, changed: synced } = await syncLearner(p.id);
          let changed = synced;
          if (end === 'synced') {
            // New assignments or watchers show on home without a reload.
            const before = JSON.stringify(await cachedMe(p.id));
            const me = await refreshMe(p.id);
            changed ||= me !== null && JSON.stringify(me) !== before;
          }
          if (end === 'forgotten') tell('forgotten');
          else if (end === 'signed-out') tell('signed-out');
          else if (changed) tell('changed');
        }
      } while (again);
    } catch {
      // A storage or network surprise: the queue stays and the next round tries again.
    } finally {
      running = false;
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void round(), DEBOUNCE_MS);
  };
  const now = () => void round();
  const visible = () => {
    if (document.visibilityState === 'visible') now();
  };
  const every = setInterval(visible, EVERY_MS);
  addEventListener(SYNC_EVENT, soon);
  addEventListener('online', now);
  document.addEventListener('visibilitychange', visible);
  now();
  return () => {
    clearTimeout(timer);
    clearInterval(every);
    removeEventListener(SYNC_EVENT, soon);
    removeEventListener('online', now);
    document.removeEventListener('visibilitychange', visible);
  };
}
