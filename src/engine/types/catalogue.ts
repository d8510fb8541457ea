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
import type { Band, Text } from './text';

/** The 4 Cs of online risk. */
export const RISKS = ['content', 'contact', 'conduct', 'contract'] as const;
/** One of the 4 Cs. */
export type Risk = (typeof RISKS)[number];
/** Cross-cutting concerns beside the 4 Cs. */
export const CROSS_CUTTING = ['privacy', 'health'] as const;
/** A cross-cutting concern. */
export type CrossCutting = (typeof CROSS_CUTTING)[number];

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

/** One translated string; `sourceHash` is the hash of the English text it was made from. */
export interface Translation {
  readonly text: string;
  readonly sourceHash: string;
}

/** Where an entity came from, for error messages and tools. */
export interface SourceRef {
  readonly file: string;
  readonly pack?: PackId;
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
  /** Every English source string by content id. */
  readonly texts: ReadonlyMap<ContentId, string>;
  /** Translations per locale, by content id. */
  readonly locales: ReadonlyMap<LocaleCode, ReadonlyMap<ContentId, Translation>>;
  /**
   * Recordings by language, then content id: the file's path relative to the content root.
   * The app plays a recording, when there is one, instead of a synthetic voice.
   */
  readonly audio?: ReadonlyMap<LocaleCode, ReadonlyMap<ContentId, string>>;
  /** Source file of each entity, keyed `activity:<id>`, `guide:<id>`, ... */
  readonly sources: ReadonlyMap<string, SourceRef>;
}
