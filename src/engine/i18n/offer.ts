import type { Band } from '../types/text';

/**
 * One language as the app offers it (`/content/languages.json` and every content index): its
 * own name in its own script, the bands children are offered it for, and how far its
 * translations have come (for the adults' note on machine translation).
 */
export interface LanguageOffer {
  readonly code: string;
  /** The language's name in itself ("ខ្មែរ", "English"), from the runtime's CLDR data. */
  readonly name: string;
  /** Bands whose child UI and content reach the threshold (every band for English). */
  readonly bands: readonly Band[];
  /** Current translations of the content and the child's UI by status, and the share done. */
  readonly status: {
    readonly machine: number;
    readonly draft: number;
    readonly reviewed: number;
    /** Share of the child's UI translated from its current English, 0–1. */
    readonly ui: number;
  };
}
