/** The name of each content check; broken fixtures are named after these. */
export const CHECKS = [
  'json',
  'unknown-file',
  'missing-file',
  'schema',
  'file-name',
  'duplicate-id',
  'duplicate-content-id',
  'content-id-prefix',
  'unknown-ref',
  'missing-scene',
  'unreachable-scene',
  'dead-end',
  'no-correct-ending',
  'interaction-args',
  'rule-inputs',
  'unreachable-group',
  'solution',
  'worksheet',
  'sensitive-band',
  'course-activity',
  'course-check',
  'measure-item',
  'measure-format',
  'measure-form',
  'missing-media',
  'placeholder',
  'translation-unknown-id',
  'translation-placeholders',
  'ui-icu',
  'readability',
  'audio-unknown-id',
  'talk-to-adult',
  'near-duplicate',
  'intl-term',
  'nickname',
  'industry-sections',
  'industry-published-changed',
] as const;

/** A check that fails the content build. */
export type CheckName = (typeof CHECKS)[number];

/**
 * Checks that only warn: the content still builds and `content:check` still passes, but the
 * report counts them so they get fixed.
 */
export const WARNINGS = ['translation-stale', 'missing-picture'] as const;

/** A check that only warns. */
export type WarningName = (typeof WARNINGS)[number];

/** Whether an issue is a warning (does not fail the content build). */
export function isWarning(check: CheckName | WarningName): check is WarningName {
  return (WARNINGS as readonly string[]).includes(check);
}

/** One problem in one file, at one path inside it. */
export interface ContentIssue {
  readonly check: CheckName | WarningName;
  /** The file, as given to the loader (e.g. `content/packs/core/activities/x.json`). */
  readonly file: string;
  /** Path inside the file, e.g. `scenes.s3.interaction.answerGroups[1].outcome.next`. */
  readonly path: string;
  readonly message: string;
}

/**
 * One line for a person: `file: path: message`.
 *
 * @example
 * formatIssue(i) // 'content/packs/core/activities/x.json: scenes.s3.interaction.answerGroups[1].outcome.next: scene "s9" does not exist'
 */
export function formatIssue(i: ContentIssue): string {
  return i.path === '' ? `${i.file}: ${i.message}` : `${i.file}: ${i.path}: ${i.message}`;
}

/** Collects issues for one file. */
export class IssueSink {
  readonly issues: ContentIssue[] = [];

  /** Records an issue. */
  add(check: ContentIssue['check'], file: string, path: string, message: string): void {
    this.issues.push(Object.freeze({ check, file, path, message }));
  }
}
