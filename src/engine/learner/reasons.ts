import type { SkillId, TopicId } from '../ids';
import type { Catalogue } from '../types/catalogue';
import type { Level } from '../types/text';

/**
 * Why an activity is suggested, as data: the app renders it in the child's language.
 * `weight` is the reason's share of the ranking score (negative lowers the rank).
 */
export type Reason =
  | {
      readonly code: 'your-level';
      readonly topic: TopicId;
      readonly level: Level;
      readonly weight: number;
    }
  | {
      readonly code: 'next-level';
      readonly topic: TopicId;
      readonly level: Level;
      readonly weight: number;
    }
  | {
      readonly code: 'review';
      readonly topic: TopicId;
      readonly level: Level;
      readonly weight: number;
    }
  | { readonly code: 'hard-last-time'; readonly skill: SkillId; readonly weight: number }
  | { readonly code: 'practise-skill'; readonly skill: SkillId; readonly weight: number }
  | { readonly code: 'new'; readonly weight: number }
  | { readonly code: 'unfinished'; readonly weight: number }
  | { readonly code: 'done'; readonly weight: number };

function skillTitle(catalogue: Catalogue, id: SkillId): string {
  return catalogue.skills.get(id)?.title.text ?? id;
}

function topicTitle(catalogue: Catalogue, id: TopicId): string {
  return catalogue.topics.get(id)?.title.text ?? id;
}

/**
 * The reason in plain English (for adults' reports, logs and tests; the child's app uses
 * its own translated strings keyed by `code`).
 *
 * @example
 * describeReason({ code: 'hard-last-time', skill, weight: 1 }, cat)
 * // "suggested because spotting fake links was hard last time"
 */
export function describeReason(reason: Reason, catalogue: Catalogue): string {
  switch (reason.code) {
    case 'your-level':
      return `right for you in ${topicTitle(catalogue, reason.topic)} (${reason.level})`;
    case 'next-level':
      return `you are ready for the next level in ${topicTitle(catalogue, reason.topic)} (${reason.level})`;
    case 'review':
      return `a quick review of ${topicTitle(catalogue, reason.topic)} (${reason.level})`;
    case 'hard-last-time':
      return `suggested because ${skillTitle(catalogue, reason.skill)} was hard last time`;
    case 'practise-skill':
      return `more practice with ${skillTitle(catalogue, reason.skill)}`;
    case 'new':
      return 'you have not tried this one yet';
    case 'unfinished':
      return 'you started this one: finish it';
    case 'done':
      return 'you have already finished this one well';
  }
}
