/**
 * A small promise wrapper over IndexedDB: the one database `kite` with its object stores.
 * Everything a child does stays here, on the device (PRIV-01).
 */
const DB_NAME = 'kite';
const DB_VERSION = 3;

/**
 * `profiles`, `events` (by id, indexed by learner), `meta` (keyed records), and since version 2
 * `unsynced`: the sync queue of class-linked profiles, `{ id, learner }` by event id (see
 * src/web/sync/). Every per-learner record names the learner, so erase.ts finds it. Since
 * version 3 `feedback`: children's anonymous feedback answers waiting to be sent (by their random
 * id; src/web/feedback/). These name no learner on purpose, so erasing a learner leaves them: they
 * are no one's, and leave the device once sent.
 */
export type StoreName = 'profiles' | 'events' | 'meta' | 'unsynced' | 'feedback';

let opening: Promise<IDBDatabase> | undefined;

/** Opens (and on first use creates) the database. */
export function openKiteDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('profiles'))
        db.createObjectStore('profiles', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('events')) {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('learner', 'learner');
      }
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('unsynced')) {
        const queue = db.createObjectStore('unsynced', { keyPath: 'id' });
        queue.createIndex('learner', 'learner');
      }
      if (!db.objectStoreNames.contains('feedback'))
        db.createObjectStore('feedback', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

export function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function getAll<T>(store: StoreName): Promise<T[]> {
  const db = await openKiteDb();
  return done(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}

export async function getAllByIndex<T>(store: StoreName, index: string, key: string): Promise<T[]> {
  const db = await openKiteDb();
  return done(db.transaction(store).objectStore(store).index(index).getAll(key)) as Promise<T[]>;
}

/** How many records a store holds. */
export async function count(store: StoreName): Promise<number> {
  const db = await openKiteDb();
  return done(db.transaction(store).objectStore(store).count());
}

/** Deletes one record by key. */
export async function remove(store: StoreName, key: string): Promise<void> {
  const db = await openKiteDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await finished(tx);
}

export async function get<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await openKiteDb();
  return done(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

/** Writes a value (with an explicit key for stores without a key path). */
export async function put(store: StoreName, value: unknown, key?: string): Promise<void> {
  const db = await openKiteDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await finished(tx);
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the
 * transaction has committed: every write inside lands, or none does. `work` issues its requests
 * from request callbacks (or awaits {@link done} only), so the transaction stays active.
 */
export async function inTransaction<T>(
  stores: readonly StoreName[] | 'all',
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const db = await openKiteDb();
  const tx = db.transaction(stores === 'all' ? [...db.objectStoreNames] : [...stores], mode);
  const committed = finished(tx);
  try {
    const result = await work(tx);
    await committed;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await committed.catch(() => {});
    throw e;
  }
}
