import { isProgressFold } from '../../engine';
import type { MeasureEvent, ProgressEvent, ProgressFold, ProgressLog } from '../../engine';
import { done, getAllByIndex, inTransaction } from './idb';
import { newLocalId } from './ids';
import type { Profile } from './profiles';

/** What {@link recordEvent} hands the caller to build the event: the device and its next number. */
export interface EventSlot {
  readonly device: string;
  readonly seq: number;
}

/** Where the per-device counter and the device id live in the `meta` store. */
const SEQ_KEY = 'seq';
const DEVICE_KEY = 'device';

/** An entry of the sync queue (`unsynced`): an event of a class-linked profile not yet acked. */
export interface Unsynced {
  readonly id: string;
  readonly learner: string;
}

/**
 * Reads and advances this device's event counter inside `tx` (which must include `meta`): the
 * device id (made on first use) and the next sequence number, shared by progress and
 * measurement events. Written in the caller's transaction, so the number is used once.
 */
export async function takeSlot(tx: IDBTransaction): Promise<EventSlot> {
  const meta = tx.objectStore('meta');
  const [device, last] = await Promise.all([
    done(meta.get(DEVICE_KEY)) as Promise<string | undefined>,
    done(meta.get(SEQ_KEY)) as Promise<number | undefined>,
  ]);
  const slot: EventSlot = { device: device ?? newLocalId(), seq: (last ?? 0) + 1 };
  if (device === undefined) meta.put(slot.device, DEVICE_KEY);
  meta.put(slot.seq, SEQ_KEY);
  return slot;
}

/**
 * Records one of the engine's progress events of a profile, append-only, on this device
 * (PATH-4), in ONE readwrite transaction: it reads and advances the per-device counter, writes
 * the event with that number, queues it for sync when the profile is class-linked, and runs
 * `alsoWrite` (e.g. the checkpoint) in the same transaction. Two tabs or two taps can never get
 * the same number, and a half-written answer cannot exist: either the counter, the event, its
 * queue entry and `alsoWrite` all land, or none does.
 */
export function recordEvent(
  build: (slot: EventSlot) => ProgressEvent,
  alsoWrite?: (tx: IDBTransaction) => void,
): Promise<ProgressEvent> {
  return inTransaction(['meta', 'events', 'profiles', 'unsynced'], 'readwrite', async (tx) => {
    const slot = await takeSlot(tx);
    const event = build(slot);
    if (event.seq !== slot.seq || event.device !== slot.device)
      throw new Error('recordEvent: the event must carry the slot it was given');
    tx.objectStore('events').add(event);
    alsoWrite?.(tx);
    const profile = (await done(tx.objectStore('profiles').get(event.learner))) as
      Profile | undefined;
    if (profile?.account) {
      const entry: Unsynced = { id: event.id, learner: event.learner };
      tx.objectStore('unsynced').put(entry);
    }
    return event;
  });
}

/**
 * A learner's progress events on this device, for every progress view (home's stars, done
 * marks, recommendations): the quick checks' measurement events in the same store are left out
 * (they have a `kind`; progress events have none).
 */
export async function eventsOf(learner: string): Promise<ProgressEvent[]> {
  const all = await getAllByIndex<ProgressEvent | MeasureEvent>('events', 'learner', learner);
  return all.filter((e): e is ProgressEvent => !('kind' in e));
}

/**
 * A learner's progress events and the server's folds of events it no longer keeps (synced down
 * like events; docs/classes.md "Retention"), for the views that fold progress with `summarize`.
 */
export async function progressLogOf(learner: string): Promise<ProgressLog> {
  const all = await getAllByIndex<ProgressEvent | MeasureEvent | ProgressFold>(
    'events',
    'learner',
    learner,
  );
  return all.filter((e) => !('kind' in e) || isProgressFold(e));
}

/** This device's id in events (made on first use, as {@link recordEvent} would). */
export function deviceId(): Promise<string> {
  return inTransaction(['meta'], 'readwrite', async (tx) => {
    const meta = tx.objectStore('meta');
    const known = (await done(meta.get(DEVICE_KEY))) as string | undefined;
    if (known !== undefined) return known;
    const id = newLocalId();
    meta.put(id, DEVICE_KEY);
    return id;
  });
}
