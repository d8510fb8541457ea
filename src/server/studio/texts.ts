import { BANDS, sourceHash } from '../../engine';
import type { Band, Catalogue, LocaleCode } from '../../engine';
import { audioStatus, textsToRecord } from '../../content/audio';
import type { AudioManifest, SpokenText } from '../../content/audio';
import { bundleLanguages } from '../../content/bundle';

/** Where a text stands: no recording, a recording of an older text, or a current one. */
export type TextState = 'missing' | 'stale' | 'recorded';

export interface StudioText extends SpokenText {
  readonly state: TextState;
  /** Who made the recording there is (absent when none). */
  readonly by?: 'voice' | 'person' | undefined;
}

/** The texts of one pack, band and language to record, and those waiting for a translation. */
export interface StudioList {
  readonly texts: readonly StudioText[];
  /** Texts a child hears that have no current translation in this language yet. */
  readonly untranslated: number;
}

/**
 * Every text a child hears in a pack's activities of a band, in `lang`, with the state of its
 * recording. In a language other than English only texts with a current translation are
 * offered: an untranslated one would have the speaker read English.
 */
export function studioList(
  catalogue: Catalogue,
  pack: string,
  band: Band,
  lang: string,
  manifest: AudioManifest | null,
): StudioList {
  const all = textsToRecord(catalogue, pack, band, lang);
  const table = catalogue.locales.get(lang as LocaleCode);
  const english = lang === 'en' ? null : textsToRecord(catalogue, pack, band, 'en');
  const translated = all.filter((t, i) => {
    if (!english) return true;
    const source = english[i]!;
    const entry = table?.get(t.id as never);
    return entry !== undefined && entry.sourceHash === sourceHash(source.text);
  });
  const status = audioStatus(translated, manifest);
  const state = new Map<string, TextState>([
    ...status.missing.map((t) => [t.id, 'missing'] as const),
    ...status.stale.map((t) => [t.id, 'stale'] as const),
    ...status.current.map((t) => [t.id, 'recorded'] as const),
  ]);
  return {
    texts: translated.map((t) => ({
      ...t,
      state: state.get(t.id)!,
      by: manifest?.recordings[t.id]?.by,
    })),
    untranslated: all.length - translated.length,
  };
}

/** The packs, bands and languages the studio offers for this content. */
export function studioScope(catalogue: Catalogue): {
  packs: string[];
  bands: Band[];
  languages: string[];
} {
  const packs = [...catalogue.packs.keys()].map(String).sort();
  const bands = BANDS.filter((b) => [...catalogue.activities.values()].some((a) => a.band === b));
  return { packs, bands, languages: bundleLanguages(catalogue) };
}
