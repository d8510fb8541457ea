import { measuresOfLog } from '../../engine';
import type { MeasureEvent, ProgressEvent, ProgressFold } from '../../engine';
import { done, getAllByIndex, inTransaction } from './idb';
import { takeSlot } from './events';
import type { EventSlot, Unsynced } from './events';
import type { Profile } from './profiles';

/**
 * Records one measurement event of a quick check (docs/measurement.md) on this device, in ONE
 * readwrite transaction like a progress event (`recordEvent`): the device's next number, the
 * event in the device's event store (`events`; progress views leave it out, `eventsOf`), and
 * its entry in the sync queue. Only a learner with an account is ever measured: for any other
 * profile the transaction is abandoned and nothing is written.
 */
export function recordMeasure(build: (slot: EventSlot) => MeasureEvent): Promise<MeasureEvent> {
  return inTransaction(['meta', 'events', 'profiles', 'unsynced'], 'readwrite', async (tx) => {
    const slot = await takeSlot(tx);
    const event = build(slot);
    if (event.seq !== slot.seq || event.device !== slot.device)
      throw new Error('recordMeasure: the event must carry the slot it was given');
    const profile = (await done(tx.objectStore('profiles').get(event.learner))) as
      Profile | undefined;
    if (!profile?.account) throw new Error('recordMeasure: only a learner with an account');
    tx.objectStore('events').add(event);
    const entry: Unsynced = { id: event.id, learner: event.learner };
    tx.objectStore('unsynced').put(entry);
    return event;
  });
}

/**
 * A learner's measurement events on this device (this device's and those synced down, with
 * those kept in the server's folds of events it no longer keeps).
 */
export async function measuresOf(learner: string): Promise<MeasureEvent[]> {
  const all = await getAllByIndex<ProgressEvent | MeasureEvent | ProgressFold>(
    'events',
    'learner',
    learner,
  );
  return measuresOfLog(all);
}
