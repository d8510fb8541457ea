import type { ActivityId } from '../ids';
import type { LearnerModel } from '../learner/model';
import type { Course, CourseChoice, CourseModule } from '../types/course';

/**
 * What the device keeps of a child's course, beside the progress events (which say which
 * activities are finished): the stories seen, the closing checks answered right, and the
 * step the child was last on. Ids only; kept per learner and course.
 */
export interface CourseRecord {
  readonly course: string;
  /** Modules whose story the child has seen. */
  readonly intros: readonly string[];
  /** Modules whose closing check the child answered right. */
  readonly checks: readonly string[];
  /** The step the child was last on, to resume there. */
  readonly at?: CourseStep | undefined;
}

/** One step of a module: Kiri's story, one of its activities, or its closing check. */
export type CourseStep =
  | { readonly module: string; readonly kind: 'intro' }
  | { readonly module: string; readonly kind: 'activity'; readonly activity: ActivityId }
  | { readonly module: string; readonly kind: 'check' };

/** Where a course goes next: a step, or the certificate once every module is done. */
export type CourseNext = CourseStep | { readonly kind: 'certificate' };

/** Where one module stands. */
export interface ModuleStatus {
  readonly id: string;
  readonly introSeen: boolean;
  /** Each activity of the module, in order, and whether it is finished. */
  readonly activities: readonly { readonly id: ActivityId; readonly finished: boolean }[];
  readonly checkDone: boolean;
  /** Every activity finished and the closing check answered right. */
  readonly done: boolean;
}

/** Where a course stands, from the child's progress. */
export interface CourseProgress {
  readonly modules: readonly ModuleStatus[];
  /** How many modules are done. */
  readonly done: number;
  /** Every module done: the certificate is earned. */
  readonly complete: boolean;
  /** The first step not done yet, in course order (the certificate once complete). */
  readonly next: CourseNext;
  /** The module to highlight on the course map: the next step's, or null once complete. */
  readonly current: string | null;
}

/** A record of a course the child has not started. */
export const emptyCourseRecord = (course: string): CourseRecord => ({
  course,
  intros: [],
  checks: [],
});

/** The activities the learner model has seen reach an end (progress events folded). */
export function finishedActivities(model: LearnerModel): ReadonlySet<ActivityId> {
  return new Set(
    (Object.entries(model.activities) as [ActivityId, { finished: boolean } | undefined][])
      .filter(([, p]) => p?.finished === true)
      .map(([id]) => id),
  );
}

/** One module's status. */
export function moduleStatus(
  module: CourseModule,
  record: CourseRecord,
  finished: ReadonlySet<ActivityId>,
): ModuleStatus {
  const activities = module.activities.map((id) => ({ id, finished: finished.has(id) }));
  const checkDone = record.checks.includes(module.id);
  return {
    id: module.id,
    introSeen: record.intros.includes(module.id),
    activities,
    checkDone,
    done: checkDone && activities.every((a) => a.finished),
  };
}

/** A module's first step not done: its story if unseen, an unfinished activity, the check. */
export function firstOpenStep(status: ModuleStatus): CourseStep {
  if (!status.introSeen) return { module: status.id, kind: 'intro' };
  const open = status.activities.find((a) => !a.finished);
  if (open) return { module: status.id, kind: 'activity', activity: open.id };
  return { module: status.id, kind: 'check' };
}

/**
 * Where a course stands: each module's status, how many are done, and the next step. A module is
 * done when its activities are finished (reached an end, by the progress events) and its closing
 * check was answered right; the story does not count, but it comes first. The next step is the
 * first open step of the first module not done, so modules are taken in order.
 *
 * @example
 * const p = courseProgress(course, record, finishedActivities(summary.learner));
 * p.next // { module: 'someone-new', kind: 'activity', activity: 'contact-5-7-identify' }
 */
export function courseProgress(
  course: Course,
  record: CourseRecord,
  finished: ReadonlySet<ActivityId>,
): CourseProgress {
  const modules = course.modules.map((m) => moduleStatus(m, record, finished));
  const open = modules.find((m) => !m.done);
  return {
    modules,
    done: modules.filter((m) => m.done).length,
    complete: open === undefined,
    next: open ? firstOpenStep(open) : { kind: 'certificate' },
    current: open?.id ?? null,
  };
}

/** Whether `step` is one of `course`'s steps (content may have changed since it was saved). */
export function isCourseStep(course: Course, step: CourseStep): boolean {
  const m = course.modules.find((x) => x.id === step.module);
  if (!m) return false;
  return step.kind !== 'activity' || m.activities.includes(step.activity);
}

/**
 * Where to resume: the step the child was last on, when it is still a step of the course and
 * not done yet (an activity still unfinished, a check not yet answered right, a story of a
 * module not done) — so a child who left in the middle of an activity comes back to it,
 * whose own checkpoint then restores the scene; otherwise the course's next step.
 */
export function resumeCourse(
  course: Course,
  record: CourseRecord,
  finished: ReadonlySet<ActivityId>,
): CourseNext {
  const progress = courseProgress(course, record, finished);
  const at = record.at;
  if (!at || !isCourseStep(course, at)) return progress.next;
  const status = progress.modules.find((m) => m.id === at.module)!;
  if (status.done) return progress.next;
  if (at.kind === 'activity' && finished.has(at.activity)) return firstOpenStep(status);
  if (at.kind === 'check' && status.checkDone) return firstOpenStep(status);
  return at;
}

/** The record after the child saw a module's story and is at `step`. */
export function recordStep(record: CourseRecord, step: CourseStep): CourseRecord {
  const intros = record.intros.includes(step.module)
    ? record.intros
    : [...record.intros, step.module];
  return { ...record, intros, at: step };
}

/**
 * The record after the child tapped `choice` in a module's closing check: a right choice
 * marks the check done; a wrong one changes nothing (Kiri explains, the child tries again).
 */
export function recordCheck(
  record: CourseRecord,
  module: string,
  choice: CourseChoice,
): CourseRecord {
  if (!choice.correct || record.checks.includes(module)) return record;
  return { ...record, checks: [...record.checks, module] };
}
