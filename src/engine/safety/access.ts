import { bandIndex } from '../types/text';
import type { Band } from '../types/text';

/**
 * Who is about to play. The one input of the rules below, used everywhere an activity is
 * offered or opened: recommendations, home, the library and its search, the Play page.
 */
export interface PlayContext {
  /** The band of the profile playing (the youngest band's when unsure). */
  readonly band: Band;
  /**
   * A play-together session started by a signed-in adult (teacher, parent). Needs adult
   * accounts; until they exist every caller passes `false`. A confirm button a child can tap is
   * not an adult session.
   */
  readonly adultSession: boolean;
  /**
   * A class playing together at a projector with no child profile (a teacher's class mode).
   * A class is not a 14–16 profile: without an adult session it plays no sensitive activity.
   */
  readonly classroom?: boolean;
  /** Topics this deployment switches off (KITE_DISABLED_TOPICS). */
  readonly disabledTopics?: readonly string[];
  /**
   * The language the activity would be shown in (absent: English, the source). A sensitive
   * activity is played only in English or a language whose translation of it is reviewed.
   */
  readonly lang?: string;
}

/** What the rules look at in an activity (a full activity or a content-index summary). */
export interface Gated {
  readonly topic: string;
  /**
   * Present on sensitive activities: the youngest band it is written for, and the languages
   * besides English whose translation of every one of its texts is reviewed (absent: none).
   */
  readonly sensitive?:
    { readonly minBand: Band; readonly reviewedIn?: readonly string[] | undefined } | undefined;
}

/** The band from which a child plays sensitive activities on their own profile. */
export const SENSITIVE_OWN_BAND: Band = '14-16';

/**
 * Why an activity is not played here: switched off by the deployment, sensitive (for older
 * players), or sensitive and its translation into the language shown not reviewed by a speaker.
 */
export type Refusal = 'topic-disabled' | 'sensitive' | 'not-reviewed';

/**
 * Whether a sensitive activity may be shown in `lang`: English (the source), or a language its
 * translation is reviewed in. A machine or draft translation of a sensitive activity may say
 * the wrong thing about a frightening situation, so it is never offered.
 */
export const reviewedFor = (
  sensitive: { readonly reviewedIn?: readonly string[] | undefined },
  lang: string | undefined,
): boolean => lang === undefined || lang === 'en' || (sensitive.reviewedIn ?? []).includes(lang);

/**
 * Whether a sensitive activity may be played: on a 14–16 profile, or in an adult-started
 * session for a band the activity is written for (its `minBand` or older). A class without an
 * adult session is not a profile, whatever its band.
 */
export function sensitiveAllowed(minBand: Band, ctx: PlayContext): boolean {
  if (bandIndex(ctx.band) < bandIndex(minBand)) return false;
  if (ctx.adultSession) return true;
  return ctx.classroom !== true && bandIndex(ctx.band) >= bandIndex(SENSITIVE_OWN_BAND);
}

/** Whether a topic is offered by this deployment (not in its switched-off topics). */
export const topicOffered = (topic: string, disabledTopics: readonly string[] = []): boolean =>
  !disabledTopics.includes(topic);

/** Why `activity` may not be played in `ctx`, or null when it may. */
export function refusal(activity: Gated, ctx: PlayContext): Refusal | null {
  if (!topicOffered(activity.topic, ctx.disabledTopics)) return 'topic-disabled';
  if (activity.sensitive && !sensitiveAllowed(activity.sensitive.minBand, ctx)) return 'sensitive';
  if (activity.sensitive && !reviewedFor(activity.sensitive, ctx.lang)) return 'not-reviewed';
  return null;
}

/** Whether `activity` is offered and may be started in `ctx` (see {@link refusal}). */
export const canPlay = (activity: Gated, ctx: PlayContext): boolean =>
  refusal(activity, ctx) === null;
