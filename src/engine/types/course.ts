import type { ActivityId } from '../ids';
import type { Band, Text } from './text';

/** One answer of a module's closing check, with what Kiri says when it is tapped. */
export interface CourseChoice {
  /** Local id, unique in its check (saved as the answer, never shown). */
  readonly id: string;
  readonly text: Text;
  readonly correct: boolean;
  readonly feedback: Text;
}

/** The closing check of a module: one short question with two to four tap choices. */
export interface CourseCheck {
  readonly question: Text;
  readonly choices: readonly CourseChoice[];
}

/**
 * One module of a course (COURSE-1): Kiri's short story that introduces a situation, two to
 * four curriculum activities of the course's band, a closing check, and who can help.
 */
export interface CourseModule {
  /** Stable id, unique in its course (progress is saved under it). */
  readonly id: string;
  readonly title: Text;
  /** Kiri's story, a few short lines (read aloud for 5–7). */
  readonly story: readonly Text[];
  readonly activities: readonly ActivityId[];
  readonly check: CourseCheck;
  /** Kiri's last words of the module: who can help. */
  readonly help: Text;
}

/** A guided course for one band (`packs/<pack>/courses/<id>.json`): modules in order. */
export interface Course {
  readonly id: string;
  readonly band: Band;
  readonly title: Text;
  readonly summary: Text;
  readonly modules: readonly CourseModule[];
}
