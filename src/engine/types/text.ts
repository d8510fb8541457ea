import type { ContentId } from '../ids';

/**
 * A learner- or adult-facing string in the English source, with its stable content id.
 * Translations are keyed by `id`; `note` is shown to translators only.
 */
export interface Text {
  readonly id: ContentId;
  readonly text: string;
  readonly note?: string;
}

/** An image shown in a scene or an interaction; `alt` is read by screen readers. */
export interface Media {
  /** `media/<file>` in the activity's pack, or `art/<path>` in the content root's shared art. */
  readonly src: string;
  readonly alt: Text;
}

/** Age bands (PATH-1). */
export const BANDS = ['5-7', '8-10', '11-13', '14-16'] as const;
/** One of the four age bands. */
export type Band = (typeof BANDS)[number];

/** The three levels of every topic (PATH-2), in order. */
export const LEVELS = ['identify', 'comprehend', 'evaluate'] as const;
/** Identify (is this OK?), comprehend (why?), evaluate (best response across situations). */
export type Level = (typeof LEVELS)[number];

/** Safety label of an outcome. */
export const SAFETY = ['safe', 'risky', 'unsafe'] as const;
/** How safe the choice that led to an outcome was. */
export type Safety = (typeof SAFETY)[number];

/** Index of a band in {@link BANDS}; lets callers compare bands. */
export function bandIndex(band: Band): number {
  return BANDS.indexOf(band);
}

/** Index of a level in {@link LEVELS}. */
export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}
