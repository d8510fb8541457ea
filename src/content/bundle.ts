import {
  BANDS,
  DEFAULT_LANGUAGE_THRESHOLD,
  contentTable,
  coverage,
  frameworkStrands,
  translatorFor,
} from '../engine';
import type {
  Activity,
  Band,
  Catalogue,
  InteractionType,
  LocaleCode,
  MeasureBank,
  Text,
  TextTable,
  Translate,
} from '../engine';
import { collectTexts } from '../engine/content';
import { languageOffers, reviewedIn } from './languages';

/** One file of the content bundles: JSON to write, or a media file to copy from the root. */
export type BundleFile =
  | { readonly path: string; readonly json: unknown }
  | { readonly path: string; readonly copyFrom: string };

/** Every language the bundles are written in: English and each locale with translations. */
export function bundleLanguages(catalogue: Catalogue): string[] {
  return ['en', ...[...catalogue.locales.keys()].filter((l) => l !== 'en').sort()];
}

/**
 * Applies `translate` to every `{ id, text }` string object in a value; everything else is
 * copied as is.
 */
function translateDeep(value: unknown, translate: Translate): unknown {
  if (Array.isArray(value)) return value.map((v) => translateDeep(v, translate));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = translateDeep(v, translate);
  if (typeof obj.id === 'string' && typeof obj.text === 'string') {
    out.text = translate(obj as unknown as Text);
  }
  return out;
}

/** Interaction types an activity uses, in scene order, without duplicates. */
export function interactionTypes(activity: Activity): InteractionType[] {
  const seen = new Set<InteractionType>();
  for (const scene of Object.values(activity.scenes)) seen.add(scene.interaction.type);
  seen.delete('continue' as InteractionType);
  return [...seen];
}

/**
 * What home reads of an activity, and no more (`home/<band>.json`): the fields the sky map, the
 * topic list, the access rules (`canPlay`), recommendations and the learner model read. Scenes
 * keep only their own difficulty (the learner model's `itemDifficulty`); a scene without one
 * falls back to the activity's, as in the full activity.
 */
export function homeActivity(a: Activity, reviewed?: readonly string[]) {
  const scenes: Record<string, { difficulty: number }> = {};
  for (const [id, scene] of Object.entries(a.scenes)) {
    if (scene.difficulty !== undefined) scenes[id] = { difficulty: scene.difficulty };
  }
  return {
    id: a.id,
    version: a.version,
    topic: a.topic,
    band: a.band,
    level: a.level,
    skills: a.skills,
    title: a.title,
    minutes: a.minutes,
    ...(a.difficulty !== undefined ? { difficulty: a.difficulty } : {}),
    ...(a.sensitive
      ? {
          sensitive: {
            minBand: a.sensitive.minBand,
            reviewedIn: reviewed ?? (a.sensitive as { reviewedIn?: string[] }).reviewedIn ?? [],
          },
        }
      : {}),
    scenes,
  };
}

/** Every media URL (`src` under `/content/`) in a value, sorted, without duplicates. */
export function mediaOf(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'src' && typeof x === 'string' && x.startsWith('/content/')) out.add(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return [...out].sort();
}

/**
 * Rewrites media paths to URLs: pack media (`media/x.svg`) under `/content/packs/<pack>/`,
 * shared art (`art/x.svg`) under `/content/art/`.
 */
function mediaUrls(value: unknown, pack: string): unknown {
  if (Array.isArray(value)) return value.map((v) => mediaUrls(v, pack));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] =
      k === 'src' && typeof v === 'string' && !v.startsWith('/')
        ? v.startsWith('art/')
          ? `/content/${v}`
          : `/content/packs/${pack}/${v}`
        : mediaUrls(v, pack);
  }
  return out;
}

/**
 * A topic's item bank as a band's device reads it (`measurement/<band>.json`): the items asked
 * in that band only, in the bundle's language. In a language other than English, a bank whose
 * items of the band are not all translated (current) is left out, so no check is offered
 * there: answers to the English words would not be comparable with the others', and the events
 * record the bank's version, not the language (docs/measurement.md).
 */
export function bandBank(
  catalogue: Catalogue,
  bank: MeasureBank,
  band: Band,
  lang: string,
): MeasureBank | null {
  const items = bank.items.filter((i) => i.bands.includes(band));
  if (items.length === 0) return null;
  if (lang !== 'en') {
    const ids = collectTexts(items).map((t) => t.id);
    if (coverage(contentTable(catalogue, lang as LocaleCode), ids).ratio < 1) return null;
  }
  return { id: bank.id, topic: bank.topic, version: bank.version, items };
}

/** What {@link contentBundles} needs beyond the catalogue to say which languages to offer. */
export interface LanguageOptions {
  /** The child's UI in a language as a text table (the engine's `uiTable`); none: English only. */
  readonly ui?: (lang: string) => TextTable;
  /** Languages with UI translations (they are listed even without content translations). */
  readonly uiLanguages?: readonly string[];
  /** KITE_LANGUAGE_THRESHOLD: the share a band needs before children are offered a language. */
  readonly threshold?: number;
}

/**
 * The files the web app reads under `/content/`: `languages.json`, the languages offered and
 * for which bands (also in every index, as `languages`); per language an index of everything (topics,
 * activity summaries, guides, challenges), one file per band with its full activities, one per
 * band with only what home shows and the learner model reads (home's first screen waits for
 * this small file, not the band's bundle), one per band with its courses, one per band with the
 * topics' measurement item banks (`measurement/<band>.json`, {@link bandBank}), one per
 * activity, an index of recordings and one per activity with only its own, one per country pack, one per industry framework version
 * (`industry/<id>/v<n>.json`); and the packs' media. Texts are
 * translated; country placeholders are filled in the browser.
 */
export function contentBundles(
  catalogue: Catalogue,
  version: string,
  options: LanguageOptions = {},
): BundleFile[] {
  const files: BundleFile[] = [];
  const langs = bundleLanguages(catalogue);
  const listed = [...new Set([...langs, ...(options.uiLanguages ?? [])])];
  const languages = languageOffers(
    catalogue,
    listed,
    options.ui,
    options.threshold ?? DEFAULT_LANGUAGE_THRESHOLD,
  );
  files.push({ path: 'languages.json', json: { version, languages } });
  // Each sensitive activity's reviewed languages: it is offered in no other (safety/access.ts).
  const reviewed = new Map<string, string[]>();
  for (const a of catalogue.activities.values())
    if (a.sensitive) reviewed.set(a.id, reviewedIn(catalogue, a.id, langs));
  const packOf = (key: string) => catalogue.sources.get(key)?.pack ?? '';
  const activities = [...catalogue.activities.values()].map(
    (a) => mediaUrls(a, packOf(`activity:${a.id}`)) as Activity,
  );

  for (const lang of langs) {
    // The engine's translator: a stale translation gives way to the current English.
    const translator = translatorFor(catalogue, lang as LocaleCode);
    const translate = <T>(v: T): T => translateDeep(v, translator) as T;
    const topics = translate([...catalogue.topics.values()]);
    // A sensitive activity carries the languages it is reviewed in, wherever it is read: the
    // index, home's band index, the band's bundle and its own file (safety/access.ts).
    const acts = activities.map(translate).map((a) =>
      a.sensitive
        ? ({
            ...a,
            sensitive: { ...a.sensitive, reviewedIn: reviewed.get(a.id) ?? [] },
          } as Activity)
        : a,
    );
    const courses = translate([...(catalogue.courses?.values() ?? [])]);
    files.push({
      path: `${lang}/index.json`,
      json: {
        version,
        lang,
        langs,
        languages,
        topics,
        activities: acts.map((a) => ({
          id: a.id,
          version: a.version,
          topic: a.topic,
          band: a.band,
          level: a.level,
          title: a.title.text,
          summary: a.summary.text,
          goal: a.goal.text,
          minutes: a.minutes,
          skills: a.skills,
          types: interactionTypes(a),
          ...(a.sensitive
            ? { sensitiveMinBand: a.sensitive.minBand, reviewedIn: reviewed.get(a.id) ?? [] }
            : {}),
          frameworks: frameworkStrands(catalogue, a),
        })),
        guides: translate([...catalogue.guides.values()]),
        challenges: translate([...catalogue.challenges.values()]),
        frameworks: translate([...(catalogue.frameworks?.values() ?? [])]),
        countries: [...catalogue.countries.keys()],
      },
    });
    for (const band of BANDS) {
      files.push({
        path: `${lang}/bands/${band}.json`,
        json: {
          version,
          lang,
          band,
          topics,
          activities: acts.filter((a) => a.band === (band as Band)),
        },
      });
      files.push({
        path: `${lang}/home/${band}.json`,
        json: {
          version,
          lang,
          band,
          topics,
          activities: acts
            .filter((a) => a.band === (band as Band))
            .map((a) => homeActivity(a, reviewed.get(a.id))),
          media: mediaOf(acts.filter((a) => a.band === (band as Band))),
          // The band's courses as home's card names them; the course pages read `courses/`.
          courses: courses
            .filter((c) => c.band === band)
            .map((c) => ({ id: c.id, title: c.title.text, modules: c.modules.length })),
        },
      });
      files.push({
        path: `${lang}/courses/${band}.json`,
        json: { version, lang, band, courses: courses.filter((c) => c.band === band) },
      });
      // The quick checks of a learner with an account (docs/measurement.md): a few KB.
      const banks = [...(catalogue.measurement?.values() ?? [])]
        .map((b) => bandBank(catalogue, b, band as Band, lang))
        .filter((b): b is MeasureBank => b !== null)
        .map((b) => translate(mediaUrls(b, packOf(`measurement:${b.id}`)) as MeasureBank));
      files.push({
        path: `${lang}/measurement/${band}.json`,
        json: { version, lang, band, banks },
      });
    }
    for (const a of acts) files.push({ path: `${lang}/activities/${a.id}.json`, json: a });
    const recordings = [...(catalogue.audio?.get(lang as never) ?? new Map<string, string>())].map(
      ([id, rel]) => [id, `/content/${rel}`] as const,
    );
    files.push({ path: `${lang}/audio.json`, json: Object.fromEntries(recordings) });
    // Each activity's own recordings (their ids start with the activity's): what a game opened
    // from a link waits for, a few hundred bytes rather than the language's whole index.
    for (const a of acts) {
      const own = recordings.filter(([id]) => id.startsWith(`${a.id}.`));
      files.push({ path: `${lang}/audio/${a.id}.json`, json: Object.fromEntries(own) });
    }
    for (const c of catalogue.countries.values()) {
      files.push({ path: `${lang}/countries/${c.code}.json`, json: translate(c) });
    }
    // Industry frameworks in the language (practice mode reads them; the server translates
    // assessments' frameworks with the same translator): adults' files, never precached.
    for (const f of catalogue.industry?.values() ?? [])
      files.push({ path: `${lang}/industry/${f.id}/v${f.version}.json`, json: translate(f) });
  }
  return files;
}

/** Pack media, recordings and shared art, to copy next to the bundles (same relative paths). */
export function mediaFiles(mediaPaths: readonly string[]): BundleFile[] {
  return mediaPaths
    .filter((p) => /^packs\/[^/]+\/(?:media|audio)\//.test(p) || /^art\/.+\.svg$/.test(p))
    .map((p) => ({ path: p, copyFrom: p }));
}
