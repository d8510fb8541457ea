import { newId } from '../../engine';

/**
 * A random id made on this device. Uses `crypto.getRandomValues`, which works on pages served
 * over plain HTTP (a school hub), where `crypto.randomUUID` does not.
 */
export const newLocalId = (): string =>
  newId<string>((bytes) => crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>));
