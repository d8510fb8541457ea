import { sourceHash, translatorFor } from '../engine';
import type { Activity, Band, Catalogue, LocaleCode, Text } from '../engine';
import { walkObjects } from '../engine/content';

/**
 * Recordings of a pack's texts (`packs/<pack>/audio/<lang>/<content-id>.ogg`) and their
 * manifest (`manifest.json` next to them): which text each recording says, by hash, and who
 * made it. `npm run audio:render` keeps synthetic ones up to date; recordings made by a person
 * (`"by": "person"`) are never overwritten, only reported when their text changed.
 */
export interface AudioManifest {
  /** The synthetic voice used, e.g. `espeak-ng en-gb+f3 -s 140` (absent when none was). */
  readonly voice?: string | undefined;
  /** The people whose voices these are, with their consent and the recordings' licence. */
  readonly speakers?: readonly Speaker[] | undefined;
  readonly recordings: Readonly<Record<string, AudioEntry>>;
}

export interface AudioEntry {
  /** `sourceHash` of the text the recording says (in this language). */
  readonly hash: string;
  readonly by: 'voice' | 'person';
  readonly bytes: number;
  /** Who spoke it (an id of `speakers`), for a person's recording made in the studio. */
  readonly speaker?: string | undefined;
}

/**
 * A person who recorded texts in the studio: an id, never a name, the day they agreed to their
 * voice being recorded and shared (the words of `statement`, a version of the studio's consent
 * text), and the licence of their recordings.
 */
export interface Speaker {
  readonly id: string;
  readonly consent: { readonly given: string; readonly statement: string };
  readonly licence: string;
}

/** A text a child hears in an activity, in one language. */
export interface SpokenText {
  readonly id: string;
  readonly text: string;
  readonly hash: string;
}

/** Keys whose texts are never read to the child (pictures' alt texts, prompts for adults). */
const NOT_SPOKEN = new Set(['alt', 'playTogether']);

/**
 * The texts a child hears in an activity: the title, every scene (body, answers, cards, steps,
 * messages), every feedback, hint and solution, and the note before a sensitive activity.
 * Texts with country placeholders are left out: their words differ per country, so the app
 * never plays a recording for them.
 */
export function spokenTexts(activity: Activity): Text[] {
  const out: Text[] = [activity.title];
  if (activity.sensitive) out.push(activity.sensitive.childNote);
  walkObjects(activity.scenes, (obj) => {
    if (typeof obj.id === 'string' && typeof obj.text === 'string')
      out.push(obj as unknown as Text);
    for (const k of NOT_SPOKEN) if (k in obj) delete (obj as Record<string, unknown>)[k];
  });
  const seen = new Set<string>();
  return out.filter((t) => !t.text.includes('{') && !seen.has(t.id) && seen.add(t.id));
}

/** Every text to record for a pack, band and language, translated, with its hash. */
export function textsToRecord(
  catalogue: Catalogue,
  pack: string,
  band: Band,
  lang: string,
): SpokenText[] {
  const translate = translatorFor(catalogue, lang as LocaleCode);
  const out: SpokenText[] = [];
  for (const a of [...catalogue.activities.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (a.band !== band || catalogue.sources.get(`activity:${a.id}`)?.pack !== pack) continue;
    // A copy: the walk drops texts nobody hears.
    const copy = JSON.parse(JSON.stringify(a)) as Activity;
    for (const t of spokenTexts(copy)) {
      const text = translate(t);
      out.push({ id: t.id, text, hash: sourceHash(text) });
    }
  }
  return out;
}

/** What is out of date between the texts and the manifest. */
export interface AudioStatus {
  /** No recording yet. */
  readonly missing: readonly SpokenText[];
  /** The text changed since it was recorded. */
  readonly stale: readonly SpokenText[];
  /** Recorded, and still says the current text. */
  readonly current: readonly SpokenText[];
}

export function audioStatus(
  texts: readonly SpokenText[],
  manifest: AudioManifest | null,
): AudioStatus {
  const missing: SpokenText[] = [];
  const stale: SpokenText[] = [];
  const current: SpokenText[] = [];
  for (const t of texts) {
    const entry = manifest?.recordings[t.id];
    if (!entry) missing.push(t);
    else if (entry.hash !== t.hash) stale.push(t);
    else current.push(t);
  }
  return { missing, stale, current };
}
