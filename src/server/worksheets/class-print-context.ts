// What the class documents (login cards, the parents' letter) need from the content: their
// words per language and the avatar pictures. Loaded once at start; the model builders that
// take it are pure.

import { loadAvatarPictures } from './avatar-pictures';
import type { AvatarPictures } from './avatar-pictures';
import { loadPrintTexts } from './print-texts';
import type { PrintTextsFor } from './print-texts';

export interface ClassPrintContext {
  readonly texts: PrintTextsFor;
  readonly avatars: AvatarPictures;
}

/** Reads and checks `content/print/` and the avatars; throws `PrintTextsError` when wrong. */
export function loadClassPrintContext(contentDir = 'content'): ClassPrintContext {
  return { texts: loadPrintTexts(contentDir), avatars: loadAvatarPictures(contentDir) };
}

/** A class document asked for an avatar id that is not one of the pictures. */
export class UnknownAvatarError extends Error {
  override readonly name = 'UnknownAvatarError';
}
