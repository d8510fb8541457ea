/**
 * Asks the browser to keep Kite's storage (`navigator.storage.persist()`), so progress is not
 * evicted when the phone runs low on space. The answer is shown to the child's adult plainly.
 */
export type PersistState = 'kept' | 'not-kept' | 'unknown';

export async function requestPersistence(): Promise<PersistState> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return 'unknown';
  try {
    if (await storage.persisted()) return 'kept';
    return (await storage.persist()) ? 'kept' : 'not-kept';
  } catch {
    return 'unknown';
  }
}
