/**
 * Whether a failed fetch failed because the device is offline (no network, and the service
 * worker had no saved copy), as opposed to the server answering "not found" or an error.
 */
export function isOfflineError(e: unknown): boolean {
  return !navigator.onLine || e instanceof TypeError;
}
