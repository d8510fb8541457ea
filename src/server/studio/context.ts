import type { Catalogue } from '../../engine';
import { RecordingStore } from './store';

/** The consent statement's version: the words the studio shows (content/ui/studio/en.json). */
export const CONSENT_STATEMENT = 'studio-consent-1';
/** The licence of recordings made in the studio. */
export const RECORDING_LICENCE = 'CC-BY-4.0';

/** What the studio's routes need: the content's texts, where recordings go, the clock. */
export interface StudioContext {
  readonly catalogue: Catalogue;
  readonly store: RecordingStore;
  /** Whether the content folder may be written (checked once at start). */
  readonly writable: boolean;
  readonly now: () => number;
}

/** Studio settings of a deployment (`KITE_STUDIO_DIR`). */
export interface StudioOptions {
  /** The content folder recordings are written into (default: the content folder). */
  readonly dir: string;
}

export async function studioContext(
  catalogue: Catalogue,
  options: StudioOptions,
  now: () => number,
): Promise<StudioContext> {
  const store = new RecordingStore(options.dir);
  return { catalogue, store, writable: await store.writable(), now };
}
