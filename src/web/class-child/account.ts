import { BANDS } from '../../engine';
import type { Band, ProgressEvent } from '../../engine';
import { done, get, inTransaction, put } from '../store/idb';
import { newEventId } from '../store/ids';
import type { Unsynced } from '../store/events';
import type { ClassAccount, Profile } from '../store/profiles';
import type { ChildLearner, ChildMe } from './api';

/**
 * Makes (or, after a new sign-in, updates) the profile of a signed-in class learner: the
 * profile's id is the server's learner id; band, language and avatar come from the server.
 */
export async function linkProfile(learner: ChildLearner, token: string): Promise<Profile> {
  const before = await get<Profile>('profiles', learner.id);
  const account: ClassAccount = {
    token,
    nickname: learner.nickname,
    epoch: before?.account?.epoch ?? learner.epoch,
    since: before?.account?.since ?? null,
  };
  const band = (BANDS as readonly string[]).includes(learner.band) ? (learner.band as Band) : null;
  const profile: Profile = {
    ...before,
    id: learner.id,
    avatar: learner.avatar,
    band,
    lang: learner.lang,
    createdAt: before?.createdAt ?? Date.now(),
    account,
  };
  await put('profiles', profile);
  await put('meta', profile.id, 'currentProfile');
  return profile;
}

/** Saves a class profile's account (sync cursor, epoch, signed out) if the profile is still here. */
export async function saveAccount(id: string, patch: Partial<ClassAccount>): Promise<void> {
  await inTransaction(['profiles'], 'readwrite', async (tx) => {
    const store = tx.objectStore('profiles');
    const p = (await done(store.get(id))) as Profile | undefined;
    if (p?.account) store.put({ ...p, account: { ...p.account, ...patch } });
  });
}

/**
 * "Bring my stars with me": copies every event of the anonymous profile `from` to the class
 * learner `to` (same content, the learner changed, new ids) and queues the copies for sync, in
 * one transaction. The anonymous profile keeps its own events. Returns how many were copied.
 */
export function bringStars(from: string, to: string): Promise<number> {
  return inTransaction(['events', 'unsynced'], 'readwrite', async (tx) => {
    const events = tx.objectStore('events');
    const mine = (await done(events.index('learner').getAll(from))) as ProgressEvent[];
    for (const e of mine) {
      const copy = { ...e, id: newEventId(), learner: to } as ProgressEvent;
      events.add(copy);
      const entry: Unsynced = { id: copy.id, learner: to };
      tx.objectStore('unsynced').put(entry);
    }
    return mine.length;
  });
}

/** How many events a profile has on this device. */
export function eventCount(learner: string): Promise<number> {
  return inTransaction(['events'], 'readonly', (tx) =>
    done(tx.objectStore('events').index('learner').count(learner)),
  );
}

/** Where the last answer of GET /api/child/me is kept for offline (erase.ts finds it by the id). */
const meKey = (learner: string) => `me:${learner}`;

export const cachedMe = (learner: string) => get<ChildMe>('meta', meKey(learner));
export const cacheMe = (learner: string, me: ChildMe) => put('meta', me, meKey(learner));
