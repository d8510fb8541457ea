import type {
  ActivityId,
  ChallengeId,
  ContentId,
  CountryCode,
  GuideId,
  LocaleCode,
  PackId,
  SkillId,
  TopicId,
} from '../ids';
import type { Activity } from './activity';
import type { CountryPack } from './country';
import type { Course } from './course';
import type { MeasureBank } from './measurement';
import type { IndustryFramework } from '../industry/types';
import type { Band, Text } from './text';
import type { UiStrings } from '../i18n/ui-areas';

/** The 4 Cs of online risk. */
export const RISKS = ['content', 'contact', 'conduct', 'contract'] as const;
/** One of the 4 Cs. */
export type Risk = (typeof RISKS)[number];
/** Cross-cutting concerns beside the 4 Cs. */
export const CROSS_CUTTING = ['privacy', 'health'] as const;
/** A cross-cutting concern. */
export type CrossCutting = (typeof CROSS_CUTTING)[number];

/**
 * Strands of learning frameworks an activity or topic maps to, by framework id:
 * `{ "efcw-2020": ["online-relationships"], "itu-cop-2020": ["grooming"] }`.
 */
export type FrameworkMapping = Readonly<Record<string, readonly string[]>>;

/** One strand (area, key area) of a learning framework. */
export interface FrameworkStrand {
  readonly id: string;
  readonly title: Text;
  /** Where the framework names or describes the strand (section, page or heading). */
  readonly section: string;
}

/** A learning framework teachers are asked about, with its source (`frameworks/<id>.json`). */
export interface Framework {
  readonly id: string;
  readonly title: Text;
  readonly publisher: string;
  /** Edition or year, e.g. "2020 edition". */
  readonly edition: string;
  /** Where the framework (or the page that lists its strands) was read. */
  readonly source: string;
  /** How the strands were checked; for coordinators, never shown to children. */
  readonly note?: string;
  readonly strands: readonly FrameworkStrand[];
}

/** A skill the learner model tracks; its title explains recommendations. */
export interface Skill {
  readonly id: SkillId;
  /** Short noun phrase used in reasons: "spotting fake links". */
  readonly title: Text;
}

/** A topic (an island on the map) with its 4 Cs mapping and its skills. */
export interface Topic {
  readonly id: TopicId;
  readonly title: Text;
  readonly summary: Text;
  readonly risks: readonly Risk[];
  readonly crossCutting?: readonly CrossCutting[];
  readonly skills: readonly Skill[];
  /** Framework strands the whole topic maps to (each activity may add its own). */
  readonly frameworks?: FrameworkMapping;
}

/** A content pack's manifest (`pack.json`). */
export interface Pack {
  readonly id: PackId;
  readonly title: Text;
  readonly description: Text;
}

/** Text lists of one audience's part of a guide. */
export interface GuideAudience {
  readonly conversationStarters: readonly Text[];
  readonly ifSomethingHappened: readonly Text[];
}

/** The adults' guide for one topic and band (ADULT-1). */
export interface Guide {
  readonly id: GuideId;
  readonly topic: TopicId;
  readonly band: Band;
  readonly title: Text;
  /** What the risk is, in plain words. */
  readonly risk: readonly Text[];
  /** What the child practises in the activities. */
  readonly practises: readonly Text[];
  readonly parents: GuideAudience & { readonly settingsChecklist: readonly Text[] };
  readonly teachers: GuideAudience & { readonly inClass: readonly Text[] };
  /** Adapting the activities for children with disabilities or special educational needs. */
  readonly adapting?: readonly Text[];
}

/** Who a challenge is for. */
export type ChallengeAudience = 'child' | 'family' | 'class';

/** An offline mission (LIB-2). */
export interface Challenge {
  readonly id: ChallengeId;
  readonly topic: TopicId;
  readonly bands: readonly Band[];
  readonly for: ChallengeAudience;
  readonly title: Text;
  readonly summary: Text;
  readonly steps: readonly Text[];
  readonly minutes: number;
}

/** How far a translation has come: made by a machine, a person's draft, or reviewed. */
export type TranslationState = 'machine' | 'draft' | 'reviewed';

/** One translated string; `sourceHash` is the hash of the English text it was made from. */
export interface Translation {
  readonly text: string;
  readonly sourceHash: string;
  readonly status: TranslationState;
}

/** Where an entity came from, for error messages and tools. */
export interface SourceRef {
  readonly file: string;
  readonly pack?: PackId;
}

/** Where an English text is written: for translators' tools (PO export). */
export interface TextSource {
  /** The file, relative to the content root: `packs/core/activities/x.json`. */
  readonly file: string;
  /** The text object's path in it: `scenes.s3.hints[0]`. */
  readonly path: string;
  /** The writer's note for translators. */
  readonly note?: string;
}

/** Every pack under a content root, validated and indexed. Frozen. */
export interface Catalogue {
  readonly topics: ReadonlyMap<TopicId, Topic>;
  readonly skills: ReadonlyMap<SkillId, Skill & { readonly topic: TopicId }>;
  readonly packs: ReadonlyMap<PackId, Pack>;
  readonly activities: ReadonlyMap<ActivityId, Activity>;
  readonly guides: ReadonlyMap<GuideId, Guide>;
  readonly challenges: ReadonlyMap<ChallengeId, Challenge>;
  readonly countries: ReadonlyMap<CountryCode, CountryPack>;
  /** Guided courses by id (`packs/<pack>/courses/<id>.json`), one or more per band. */
  readonly courses?: ReadonlyMap<string, Course>;
  /**
   * Outcome-measurement item banks by id, one per topic (`packs/<pack>/measurement/<topic>.json`,
   * NATION-3); not sent to the app's bundles.
   */
  readonly measurement?: ReadonlyMap<string, MeasureBank>;
  /** Every English source string by content id. */
  readonly texts: ReadonlyMap<ContentId, string>;
  /** Translations per locale, by content id. */
  readonly locales: ReadonlyMap<LocaleCode, ReadonlyMap<ContentId, Translation>>;
  /**
   * Recordings by language, then content id: the file's path relative to the content root.
   * The app plays a recording, when there is one, instead of a synthetic voice.
   */
  readonly audio?: ReadonlyMap<LocaleCode, ReadonlyMap<ContentId, string>>;
  /** Learning frameworks by id (`frameworks/<id>.json`); the curriculum map shows them. */
  readonly frameworks?: ReadonlyMap<string, Framework>;
  /**
   * Industry self-assessment frameworks by `<id>@v<version>` (`industry/<id>/v<version>.json`);
   * a published version never changes (`industry/published.json`).
   */
  readonly industry?: ReadonlyMap<string, IndustryFramework>;
  /**
   * Nickname suggestions by language (`nicknames/<lang>.json`), each one accepted by
   * `checkNickname`; for the form that adds children to a class.
   */
  readonly nicknames?: ReadonlyMap<LocaleCode, readonly string[]>;
  /** Source file of each entity, keyed `activity:<id>`, `guide:<id>`, ... */
  readonly sources: ReadonlyMap<string, SourceRef>;
  /**
   * The app's UI strings by area (`root`, `account`, …; `ui/` under the content root): the
   * English and each language's translations. Tools only (reports, PO export); the app loads
   * its UI files itself.
   */
  readonly ui?: ReadonlyMap<string, UiStrings>;
  /** Where each English text is written (tools only). */
  readonly textSources?: ReadonlyMap<ContentId, TextSource>;
}
