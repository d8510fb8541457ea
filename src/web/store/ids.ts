import { newId, newTimeOrderedId } from '../../engine';

/**
 * A random id made on this device. Uses `crypto.getRandomValues`, which works on pages served
 * over plain HTTP (a school hub), where `crypto.randomUUID` does not.
 */
export const newLocalId = (): string =>
  newId<string>((bytes) => crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>));

/**
 * The id of a progress event made now on this device: time-ordered (UUID v7), so that the
 * server's index of event ids grows at its end (engine's `newTimeOrderedId`).
 */
export const newEventId = (): string =>
  newTimeOrderedId<string>(Date.now(), (bytes) =>
    crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>),
  );
