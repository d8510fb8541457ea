import { inTransaction } from './idb';

/**
 * Whether `value` holds `id` anywhere: as a string equal to it, inside a string key such as
 * `checkpoint:<id>:<activity>`, or at any depth of an object or array.
 */
export function mentions(value: unknown, id: string): boolean {
  if (typeof value === 'string') return value.includes(id);
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value && typeof value === 'object')
    return Object.values(value as Record<string, unknown>).some((v) => mentions(v, id));
  return false;
}

/** The records that make a profile itself (not its progress): its entry and "current" pointer. */
const isProfileRecord = (store: string, key: IDBValidKey, id: string) =>
  (store === 'profiles' && key === id) || (store === 'meta' && key === 'currentProfile');

/**
 * Erases a learner from this device: every record in EVERY object store (whatever stores a
 * later version adds) whose key or value names the learner id — events, checkpoints, and any
 * future per-learner record. One transaction, so it is all gone or nothing is. Learner ids are
 * random, so nothing of another learner matches. With `keepProfile`, the profile stays (with a
 * fresh start): "Erase my progress"; without it the profile goes too: "Remove this profile".
 */
export function eraseLearner(id: string, { keepProfile = false } = {}): Promise<number> {
  if (id.length < 8) return Promise.reject(new Error('eraseLearner: not a learner id'));
  return inTransaction('all', 'readwrite', (tx) => {
    let erased = 0;
    const scans = [...tx.objectStoreNames].map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const req = tx.objectStore(name).openCursor();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) return resolve();
            const { primaryKey: key, value } = cursor;
            const keep = keepProfile && isProfileRecord(name, key, id);
            if (!keep && (mentions(key, id) || mentions(value, id))) {
              cursor.delete();
              erased++;
            }
            cursor.continue();
          };
        }),
    );
    return Promise.all(scans).then(() => erased);
  });
}
