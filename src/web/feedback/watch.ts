import { count } from '../store/idb';

/**
 * Sends queued feedback answers when the network comes back, and at start when some wait (the
 * app was closed offline). Small on purpose: the sending code (./outbox.ts) loads only then.
 * Returns the function that stops it.
 */
export function watchFeedback(): () => void {
  const flush = () => void import('./outbox').then((m) => m.flushFeedback()).catch(() => {});
  addEventListener('online', flush);
  void count('feedback')
    .then((n) => {
      if (n > 0) flush();
    })
    .catch(() => {});
  return () => removeEventListener('online', flush);
}
