import type { MeasureEvent, ProgressEvent } from '../../engine';
import { childApi } from '../class-child/api';
import type { ChildMe } from '../class-child/api';
import { cacheMe, saveAccount } from '../class-child/account';
import { done, get, getAllByIndex, inTransaction } from '../store/idb';
import { eraseLearner } from '../store/erase';
import { deviceId } from '../store/events';
import type { Unsynced } from '../store/events';
import type { Profile } from '../store/profiles';

/** At most this many events per request (the server refuses more: `batch_too_large`). */
export const BATCH = 100;
/** A bound on exchanges per sync, so a server that always says `more` cannot spin a phone. */
const MAX_ROUNDS = 200;

/** How a sync of one learner ended. */
export type SyncEnd =
  | 'synced'
  /** No network: nothing changed, the queue waits. */
  | 'offline'
  /** The teacher signed this device out: the profile is marked and plays on. */
  | 'signed-out'
  /** The learner was erased for good on the server: this device forgot them. */
  | 'forgotten'
  | 'failed'
  /** Not a signed-in class profile. */
  | 'skipped';

/** What a device syncs: progress events and the quick checks' measurement events. */
type LearnerEvent = ProgressEvent | MeasureEvent;

interface SyncAnswer {
  readonly epoch: number;
  readonly acked: readonly string[];
  readonly events: readonly LearnerEvent[];
  readonly cursor: string | null;
  readonly more: boolean;
}
type SyncReply = SyncAnswer | { readonly erased: { readonly epoch: number } };

/**
 * What a refused call means for the device: 410 `learner_erased` forgets the learner, a 401
 * marks the device signed out, no network waits. Returns how the sync ends.
 */
export async function onRefusal(learner: string, code: string, status: number): Promise<SyncEnd> {
  if (code === 'offline') return 'offline';
  if (status === 410) {
    await eraseLearner(learner);
    return 'forgotten';
  }
  if (status === 401) {
    await saveAccount(learner, { signedOut: true });
    return 'signed-out';
  }
  return 'failed';
}

/** The queued events of a learner, oldest first, and queue entries whose event is gone. */
async function queued(learner: string): Promise<{ events: LearnerEvent[]; orphans: string[] }> {
  const entries = await getAllByIndex<Unsynced>('unsynced', 'learner', learner);
  return inTransaction(['events'], 'readonly', async (tx) => {
    const store = tx.objectStore('events');
    const found = await Promise.all(
      entries.map((e) => done(store.get(e.id)) as Promise<LearnerEvent | undefined>),
    );
    const events = found.filter((e): e is LearnerEvent => e !== undefined);
    const orphans = entries.filter((_, i) => found[i] === undefined).map((e) => e.id);
    return { events: events.sort((a, b) => a.at - b.at || a.seq - b.seq), orphans };
  });
}

/**
 * Keeps one answer: acked events leave the queue, events from other devices are stored by id
 * (so twice is once) and the cursor and epoch move on — one transaction. Measurement events
 * (NATION-3) are kept too, so the quick checks see another device's answers and draws; the
 * progress views leave them out (`eventsOf`).
 */
function keep(learner: string, answer: SyncAnswer, orphans: readonly string[]): Promise<number> {
  return inTransaction(['events', 'unsynced', 'profiles'], 'readwrite', async (tx) => {
    const queue = tx.objectStore('unsynced');
    for (const id of [...answer.acked, ...orphans]) queue.delete(id);
    const events = tx.objectStore('events');
    const mine = answer.events.filter((e) => e.learner === learner);
    for (const e of mine) events.put(e);
    const profiles = tx.objectStore('profiles');
    const p = (await done(profiles.get(learner))) as Profile | undefined;
    if (p?.account)
      profiles.put({ ...p, account: { ...p.account, since: answer.cursor, epoch: answer.epoch } });
    return mine.length;
  });
}

/**
 * Syncs one class learner (docs/classes.md, POST /api/child/sync): sends the queue in batches
 * of at most {@link BATCH}, keeps what comes down, and asks again while the server says `more`
 * or the queue is not empty. `erased` (another device erased the progress) deletes this
 * learner's events and checkpoints here, takes the new epoch and starts again from the top.
 * Resolves with how it ended and whether the learner's events on this device changed.
 */
export async function syncLearner(learner: string): Promise<{ end: SyncEnd; changed: boolean }> {
  let changed = false;
  const device = await deviceId();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const profile = await get<Profile>('profiles', learner);
    const account = profile?.account;
    if (!account || account.signedOut) return { end: 'skipped', changed };
    const { events, orphans } = await queued(learner);
    const batch = events.slice(0, BATCH);
    const res = await childApi<SyncReply>('POST', '/api/child/sync', {
      token: account.token,
      body: { device, epoch: account.epoch, since: account.since, events: batch },
    });
    if (!res.ok) {
      const end = await onRefusal(learner, res.code, res.status);
      return { end, changed: changed || end === 'forgotten' };
    }
    if ('erased' in res.body) {
      await eraseLearner(learner, { keepProfile: true });
      await saveAccount(learner, { epoch: res.body.erased.epoch, since: null });
      changed = true;
      continue;
    }
    const stored = await keep(learner, res.body, orphans);
    changed ||= stored > 0;
    if (!res.body.more && events.length <= batch.length) return { end: 'synced', changed };
  }
  return { end: 'failed', changed };
}

/** Fetches GET /api/child/me and keeps it for offline (the panel and home read the copy). */
export async function refreshMe(learner: string): Promise<ChildMe | null> {
  const profile = await get<Profile>('profiles', learner);
  if (!profile?.account || profile.account.signedOut) return null;
  const res = await childApi<ChildMe>('GET', '/api/child/me', { token: profile.account.token });
  if (!res.ok) {
    await onRefusal(learner, res.code, res.status);
    return null;
  }
  await cacheMe(learner, res.body);
  return res.body;
}
