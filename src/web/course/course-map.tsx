import { courseProgress, resumeCourse } from '../../engine';
import { useSession } from '../app/session';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';
import { DoneMark } from '../progress/stars';
import { CourseMissing } from './course-missing';
import { goToStep, stepHref, useCourse } from './use-course';
import './course.css';

/**
 * A course's map: its modules in order with done marks, the next one highlighted, and one
 * button that resumes exactly where the child left off (the step saved last, or the next one).
 */
export function CourseMap({ id }: { id: string }) {
  const { profile } = useSession();
  const data = useCourse(profile, id);
  if (!profile) return null;
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (data === 'missing' || data instanceof Error) return <CourseMissing />;
  const { course, record, finished, text } = data;
  const progress = courseProgress(course, record, finished);
  const resume = resumeCourse(course, record, finished);
  const started = record.intros.length > 0 || progress.done > 0;
  return (
    <main class="page course-map">
      <div class="kiri-says">
        <img src={KIRI.happy} alt="" width="72" height="94" />
        <div class="bubble">
          <h1>{text(course.title)}</h1>
          <p>{text(course.summary)}</p>
          <p class="small">{t('course.mapIntro')}</p>
        </div>
      </div>
      <p class="course-resume">
        {progress.complete ? (
          <Link href={stepHref(course.id, { kind: 'certificate' })} class="button primary">
            {t('course.certificateLink')}
          </Link>
        ) : (
          <a
            href={stepHref(course.id, resume)}
            class="button primary"
            onClick={(e) => {
              e.preventDefault();
              void goToStep(profile.id, record, course.id, resume);
            }}
          >
            {started ? t('course.continue') : t('course.start')}
          </a>
        )}
      </p>
      <section aria-labelledby="course-modules-title">
        <h2 id="course-modules-title">{t('course.modules')}</h2>
        <ol class="course-modules" role="list">
          {course.modules.map((m, i) => {
            const status = progress.modules[i]!;
            const current = progress.current === m.id;
            const steps = status.activities.length + 1;
            const stepsDone =
              status.activities.filter((a) => a.finished).length + (status.checkDone ? 1 : 0);
            return (
              <li key={m.id} class={`course-module${current ? ' current' : ''}`}>
                <Link
                  href={stepHref(course.id, { module: m.id, kind: 'intro' })}
                  class="course-module-link"
                  {...(current ? { 'aria-current': 'step' } : {})}
                >
                  <span class="course-module-n">{t('course.moduleN', { n: i + 1 })}</span>
                  <span class="course-module-title">{text(m.title)}</span>
                  {current && <span class="course-next-tag">{t('course.next')}</span>}
                  {status.done ? (
                    <DoneMark />
                  ) : (
                    <span class="small">
                      {t('course.moduleProgress', { done: stepsDone, total: steps })}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
    </main>
  );
}
