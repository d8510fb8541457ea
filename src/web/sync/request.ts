/**
 * Asks the sync runner (./runner.ts) to sync soon. A window event, so the answer path does not
 * load the sync code: when the runner is not running (no class profile), nothing happens.
 */
export const SYNC_EVENT = 'kite:sync';
export const requestSync = (): void => void dispatchEvent(new Event(SYNC_EVENT));
