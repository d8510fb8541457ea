/**
 * Branded identifier types. A brand keeps ids of different kinds apart at compile time
 * (an `ActivityId` cannot be passed where a `SceneId` is expected) at no runtime cost.
 */
declare const brand: unique symbol;

/** A string tagged with a compile-time brand. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An activity's stable, URL-safe slug (`[a-z0-9-]+`), unchanged across versions. */
export type ActivityId = Brand<string, 'ActivityId'>;
/** A scene key inside one activity. */
export type SceneId = Brand<string, 'SceneId'>;
/** A stable, globally unique id for one learner-facing string. */
export type ContentId = Brand<string, 'ContentId'>;
/** A topic slug, e.g. `scams`. */
export type TopicId = Brand<string, 'TopicId'>;
/** A skill slug, declared under a topic, e.g. `spot-phishing-links`. */
export type SkillId = Brand<string, 'SkillId'>;
/** A content pack slug; equals the pack's folder name. */
export type PackId = Brand<string, 'PackId'>;
/** An adult guide slug, conventionally `<topic>-<band>`. */
export type GuideId = Brand<string, 'GuideId'>;
/** A challenge (offline mission) slug. */
export type ChallengeId = Brand<string, 'ChallengeId'>;
/** A country pack code: `intl` or a lower-case ISO 3166-1 alpha-2 code. */
export type CountryCode = Brand<string, 'CountryCode'>;
/** A BCP-47 language tag, e.g. `en`, `km`. */
export type LocaleCode = Brand<string, 'LocaleCode'>;
/** An opaque learner id (device-local or server-issued). */
export type LearnerId = Brand<string, 'LearnerId'>;
/** An opaque device id. */
export type DeviceId = Brand<string, 'DeviceId'>;
/** A client-made progress event id (UUID v4 text). */
export type EventId = Brand<string, 'EventId'>;
/** A client-made id for one play-through of an activity. */
export type AttemptId = Brand<string, 'AttemptId'>;

/** Pattern every slug id follows: lower-case letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pattern of a content id: two or more slugs joined by dots, e.g. `phish-inbox.s1.body`. */
export const CONTENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** Tags a string as an id of kind `B`. Validate before calling; this only changes the type. */
export function asId<I extends Brand<string, string>>(value: string): I {
  return value as I;
}
