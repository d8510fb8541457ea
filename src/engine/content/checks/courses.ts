import type { ActivityId } from '../../ids';
import { sensitiveAllowed } from '../../safety/access';
import type { Activity } from '../../types/activity';
import type { Course } from '../../types/course';
import type { IssueSink } from '../issues';

/**
 * A course's references and its checks, each problem named by file and path:
 * `unknown-ref` an activity that does not exist; `course-activity` an activity of another band,
 * a sensitive activity a child of the course's band may not play on their own profile (the
 * engine's `sensitiveAllowed`, so a 5–7 course never leads to one), or an activity twice in
 * one course; `duplicate-id` two modules with one id, or two choices with one id in a check;
 * `course-check` a closing check with no right choice.
 */
export function checkCourse(
  course: Course,
  file: string,
  activities: ReadonlyMap<ActivityId, Activity>,
  sink: IssueSink,
): void {
  const modules = new Set<string>();
  const seen = new Map<string, string>();
  course.modules.forEach((m, i) => {
    const at = `modules[${i}]`;
    if (modules.has(m.id))
      sink.add('duplicate-id', file, `${at}.id`, `module "${m.id}" appears twice in this course`);
    modules.add(m.id);
    m.activities.forEach((id, j) => {
      const path = `${at}.activities[${j}]`;
      const a = activities.get(id);
      if (!a) {
        sink.add('unknown-ref', file, path, `activity "${id}" does not exist`);
        return;
      }
      if (a.band !== course.band)
        sink.add(
          'course-activity',
          file,
          path,
          `activity "${id}" is for band ${a.band}, not the course's band ${course.band}`,
        );
      else if (
        a.sensitive &&
        !sensitiveAllowed(a.sensitive.minBand, { band: course.band, adultSession: false })
      )
        sink.add(
          'course-activity',
          file,
          path,
          `activity "${id}" is sensitive: a child of band ${course.band} may not play it on their own profile`,
        );
      const before = seen.get(id);
      if (before !== undefined)
        sink.add('course-activity', file, path, `activity "${id}" is already in ${before}`);
      else seen.set(id, path);
    });
    const choices = new Set<string>();
    m.check.choices.forEach((c, j) => {
      if (choices.has(c.id))
        sink.add(
          'duplicate-id',
          file,
          `${at}.check.choices[${j}].id`,
          `choice "${c.id}" appears twice in this check`,
        );
      choices.add(c.id);
    });
    if (!m.check.choices.some((c) => c.correct))
      sink.add('course-check', file, `${at}.check.choices`, 'no choice is marked "correct": true');
  });
}
