import { emptyCourseRecord } from '../../engine';
import type { CourseRecord } from '../../engine';
import { get, inTransaction } from './idb';

/**
 * A child's course record (see the engine's `CourseRecord`: stories seen, checks answered
 * right, the last step) lives in `meta` under `course:<learner>:<course>`, so erasing the
 * learner erases it (store/erase.ts). Ids only: never a nickname.
 */
const key = (learner: string, course: string) => `course:${learner}:${course}`;

/** The child's record of a course (an empty one before they start). */
export async function loadCourseRecord(learner: string, course: string): Promise<CourseRecord> {
  return (await get<CourseRecord>('meta', key(learner, course))) ?? emptyCourseRecord(course);
}

/** Saves the child's record of a course (it replaces the last one). */
export function saveCourseRecord(learner: string, record: CourseRecord): Promise<void> {
  return inTransaction(['meta'], 'readwrite', async (tx) => {
    tx.objectStore('meta').put(record, key(learner, record.course));
  });
}
