import type {
  Activity,
  Band,
  Challenge,
  CountryPack,
  Course,
  DeploymentHelpline,
  Framework,
  Guide,
  InteractionType,
  Level,
  MeasureBank,
  Scene,
  Topic,
} from '../../engine';

/**
 * The shapes of the content bundles the build writes under `/content/<lang>/`. Texts are
 * already in the bundle's language (English where a translation is missing); country
 * placeholders are filled in the browser, because the country is a deployment setting.
 */
export interface ActivitySummary {
  readonly id: string;
  readonly version: number;
  readonly topic: string;
  readonly band: Band;
  readonly level: Level;
  readonly title: string;
  readonly summary: string;
  readonly goal: string;
  readonly minutes: number;
  readonly skills: readonly string[];
  /** Interaction types used, in scene order, without duplicates. */
  readonly types: readonly InteractionType[];
  /** The youngest band this sensitive activity is offered to; absent when not sensitive. */
  readonly sensitiveMinBand?: Band;
  /** A sensitive activity's languages (besides English) whose translation of it is reviewed. */
  readonly reviewedIn?: readonly string[];
  /** Learning-framework strands (the topic's and the activity's own), by framework id. */
  readonly frameworks?: Readonly<Record<string, readonly string[]>>;
}

import type { LanguageOffer } from '../../engine';

export type { LanguageOffer };

/** `/content/languages.json`: every language of the bundles and where it is offered. */
export interface LanguagesIndex {
  readonly version: string;
  readonly languages: readonly LanguageOffer[];
}

export interface ContentIndex {
  /** Hash of the content this index was built from. */
  readonly version: string;
  readonly lang: string;
  readonly langs: readonly string[];
  /** The languages offered, as in `/content/languages.json`. */
  readonly languages?: readonly LanguageOffer[];
  readonly topics: readonly Topic[];
  readonly activities: readonly ActivitySummary[];
  readonly guides: readonly Guide[];
  readonly challenges: readonly Challenge[];
  /** Learning frameworks the activities map to, for the curriculum map. */
  readonly frameworks?: readonly Framework[];
  readonly countries: readonly string[];
  /** Ids of activities, guides and challenges of topics this deployment switched off (set by the server). */
  readonly notOffered?: readonly string[];
}

/**
 * An activity as home reads it (`/content/<lang>/home/<band>.json`, written by
 * `homeActivity` in src/content/bundle.ts): what the sky map, the topic list, the access rules,
 * recommendations and the learner model read. Scenes carry only their own difficulty.
 */
export interface HomeActivity extends Pick<
  Activity,
  'id' | 'version' | 'topic' | 'band' | 'level' | 'skills' | 'title' | 'minutes' | 'difficulty'
> {
  readonly sensitive?: { readonly minBand: Band; readonly reviewedIn?: readonly string[] };
  readonly scenes: Readonly<Record<string, { readonly difficulty: number }>>;
}

/** Home's index of a band (`/content/<lang>/home/<band>.json`). */
export interface HomeIndex {
  readonly version: string;
  readonly lang: string;
  readonly band: Band;
  readonly topics: readonly Topic[];
  readonly activities: readonly HomeActivity[];
  /** Every picture the band's activities show (URLs), for the offline cache. */
  readonly media: readonly string[];
  /** The band's courses, as home's card names them (the course pages read `courses/`). */
  readonly courses?: readonly { id: string; title: string; modules: number }[];
}

/** A band's courses (`/content/<lang>/courses/<band>.json`), translated. */
export interface CourseBundle {
  readonly version: string;
  readonly lang: string;
  readonly band: Band;
  readonly courses: readonly Course[];
}

/**
 * A band's quick-check item banks (`/content/<lang>/measurement/<band>.json`): each topic's
 * items of the band, translated; a bank not wholly translated into `lang` is not there.
 */
export interface MeasureBundle {
  readonly version: string;
  readonly lang: string;
  readonly band: Band;
  readonly banks: readonly MeasureBank[];
}

export type RenderedActivity = Activity;
export type RenderedScene = Scene;
export type RenderedCountry = CountryPack;

export interface ClientConfig {
  readonly country: string;
  readonly disabledTopics: readonly string[];
  /** Numbers in Latin digits or the language's own (KITE_DIGITS); absent: Latin. */
  readonly digits?: 'latin' | 'native';
  /** Outcome measurement on (KITE_MEASUREMENT, docs/measurement.md); absent: on. */
  readonly measurement?: boolean;
  /** The languages the deployment offers (docs/national.md); absent: every built one. */
  readonly languages?: readonly string[];
  /** Helplines the deployment adds before its country pack's; absent: none. */
  readonly helplines?: readonly DeploymentHelpline[];
}
