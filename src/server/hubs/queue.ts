// Which hub upload a server process takes when it is nearly full (issue #18, SCALE-11: "the
// queue favours the least recently synced hubs"). Each process takes at most `limit` uploads at
// once. The state it decides from is in the database (each hub's last successful upload,
// `kite_hub.last_sync_at`, written by whichever process took it), so every process behind the
// proxy favours the same hubs without talking to the others:
//
// - The last free slot goes only to a hub that has waited at least as long since its last
//   upload as every hub now uploading here. A hub in the middle of a catch-up (it uploaded a
//   moment ago) leaves it to one that has not uploaded for longer, or has never uploaded.
// - A hub turned away hears a `Retry-After` that is shorter the longer it has gone without an
//   upload: 1 s after ten minutes or more (or never), 2 s after a minute or more, 4 s within a
//   minute. Hubs that have waited long come back sooner and so take more of the free slots.
//
// Pure: the caller gives the times.

/** A hub's last successful upload in ms, or null for never. */
export type LastSync = number | null;

/** Seconds to wait, by how long the hub has gone without an upload. */
export function retryAfterSeconds(lastSync: LastSync, now: number): number {
  if (lastSync === null) return 1;
  const waited = now - lastSync;
  if (waited >= 600_000) return 1;
  if (waited >= 60_000) return 2;
  return 4;
}

/** Never uploaded counts as the longest wait. */
const since = (t: LastSync): number => t ?? Number.NEGATIVE_INFINITY;

/**
 * Whether a process with uploads in flight from hubs whose last uploads were `inFlight` takes
 * one more from a hub whose last upload was `lastSync`; if not, how long it should wait.
 */
export function admit(
  inFlight: readonly LastSync[],
  limit: number,
  lastSync: LastSync,
  now: number,
): { readonly admit: true } | { readonly admit: false; readonly retryAfterS: number } {
  const free = limit - inFlight.length;
  const refuse = { admit: false as const, retryAfterS: retryAfterSeconds(lastSync, now) };
  if (free <= 0) return refuse;
  // The last slot of several: kept for a hub that has waited at least as long as any served.
  if (free === 1 && limit >= 2) {
    const oldest = Math.min(...inFlight.map(since));
    if (since(lastSync) > oldest) return refuse;
  }
  return { admit: true };
}
