import { useCallback, useEffect, useState } from 'preact/hooks';
import { language } from '../i18n/i18n';
import { finishedActivities, recordStep, renderText } from '../../engine';
import type { ActivityId, Course, CourseNext, CourseRecord, CourseStep, Text } from '../../engine';
import { navigate } from '../app/router';
import { courseBundle } from '../content/client';
import { loadBand } from '../progress/use-band';
import type { BandData } from '../progress/use-band';
import { loadCourseRecord, saveCourseRecord } from '../store/courses';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';

/** Everything a course page needs: the course, the child's progress and record, the band. */
export interface CourseData {
  readonly course: Course;
  readonly band: BandData;
  readonly record: CourseRecord;
  readonly finished: ReadonlySet<ActivityId>;
  /** A course text in the child's language, country placeholders filled. */
  readonly text: (t: Text) => string;
  /** An activity's title as home knows it. */
  readonly activityTitle: (id: ActivityId) => string;
}

/** The course `id` of the child's band, or `'missing'` when the band has no such course. */
export async function loadCourse(profile: Profile, id: string): Promise<CourseData | 'missing'> {
  const bandName = effectiveBand(profile);
  const [bundle, band, record] = await Promise.all([
    courseBundle(language(), bandName),
    loadBand(profile),
    loadCourseRecord(profile.id, id),
  ]);
  const course = bundle.courses.find((c) => c.id === id);
  if (!course) return 'missing';
  return {
    course,
    band,
    record,
    finished: finishedActivities(band.summary.learner),
    text: (t) => renderText(t, band.pack, band.fallback),
    activityTitle: (a) => band.catalogue.activities.get(a)?.title.text ?? a,
  };
}

/** Loads {@link CourseData}; null while loading, an Error when it failed. */
export function useCourse(profile: Profile | null, id: string) {
  const [data, setData] = useState<CourseData | 'missing' | Error | null>(null);
  const reload = useCallback(() => {
    if (!profile) return;
    loadCourse(profile, id).then(setData, (e: unknown) =>
      setData(e instanceof Error ? e : new Error(String(e))),
    );
  }, [profile, id]);
  useEffect(() => {
    setData(null);
    reload();
  }, [reload]);
  return data;
}

/** The page of a course step (an activity opens in the Play page, which links back). */
export function stepHref(course: string, step: CourseNext): string {
  const c = encodeURIComponent(course);
  if (step.kind === 'certificate') return `/course/${c}/certificate`;
  const m = encodeURIComponent(step.module);
  if (step.kind === 'intro') return `/course/${c}/${m}`;
  if (step.kind === 'check') return `/course/${c}/${m}/check`;
  return `/play/${encodeURIComponent(step.activity)}?course=${c}&module=${m}`;
}

/** Saves that the child is now at `step` (so the course resumes there), then goes there. */
export async function goToStep(
  learner: string,
  record: CourseRecord,
  course: string,
  step: CourseNext,
): Promise<void> {
  if (step.kind !== 'certificate') await saveCourseRecord(learner, recordStep(record, step));
  navigate(stepHref(course, step));
}

/** Saves that the child is at `step` without leaving the page (a module's story or check). */
export function noteStep(learner: string, record: CourseRecord, step: CourseStep) {
  return saveCourseRecord(learner, recordStep(record, step));
}
