import type { ProgressEvent } from '../../engine/progress/event';
import { get, getAllByIndex, put, removeByIndex } from './idb';
import { newLocalId } from './ids';

/** The engine's progress events of one profile, append-only, on this device (PATH-4). */
export async function appendEvent(event: ProgressEvent): Promise<void> {
  await put('events', event);
}

export function eventsOf(learner: string): Promise<ProgressEvent[]> {
  return getAllByIndex<ProgressEvent>('events', 'learner', learner);
}

/** Erases a profile's progress on this device (the profile itself stays). */
export async function eraseProgress(learner: string): Promise<void> {
  await removeByIndex('events', 'learner', learner);
}

/** This device's id (random, made once; identifies nothing outside Kite). */
export async function deviceId(): Promise<string> {
  let id = await get<string>('meta', 'device');
  if (!id) {
    id = newLocalId();
    await put('meta', id, 'device');
  }
  return id;
}

/** The next per-device sequence number for events. */
export async function nextSeq(): Promise<number> {
  const n = ((await get<number>('meta', 'seq')) ?? 0) + 1;
  await put('meta', n, 'seq');
  return n;
}
