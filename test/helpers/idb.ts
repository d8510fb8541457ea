import type { Page } from 'playwright-core';

/** One record of the app's IndexedDB, whatever its store. */
export interface IdbRecord {
  readonly store: string;
  readonly key: unknown;
  readonly value: unknown;
}

/**
 * Every record of every object store of the app's database `kite`, read in the page. Lists the
 * stores from `objectStoreNames`, so a store added later is included without changing a test.
 */
export function dumpIdb(page: Page): Promise<IdbRecord[]> {
  return page.evaluate(
    () =>
      new Promise<IdbRecord[]>((resolve, reject) => {
        const open = indexedDB.open('kite');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const out: IdbRecord[] = [];
          if (names.length === 0) return resolve(out);
          const tx = db.transaction(names);
          for (const store of names) {
            const req = tx.objectStore(store).openCursor();
            req.onsuccess = () => {
              const cursor = req.result;
              if (!cursor) return;
              out.push({ store, key: cursor.primaryKey, value: cursor.value as unknown });
              cursor.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The records whose key or value names `id` anywhere (as JSON text). */
export const recordsOf = (records: readonly IdbRecord[], id: string) =>
  records.filter((r) => JSON.stringify([r.key, r.value]).includes(id));

/** The current profile's id (the `meta` record `currentProfile`). */
export async function currentProfileId(page: Page): Promise<string> {
  const found = (await dumpIdb(page)).find((r) => r.store === 'meta' && r.key === 'currentProfile');
  if (typeof found?.value !== 'string') throw new Error('no current profile');
  return found.value;
}

/** The progress events on the device (store `events`). */
export async function eventsIn(
  page: Page,
): Promise<{ learner: string; seq: number; scene: string }[]> {
  return (await dumpIdb(page))
    .filter((r) => r.store === 'events')
    .map((r) => r.value as { learner: string; seq: number; scene: string });
}
