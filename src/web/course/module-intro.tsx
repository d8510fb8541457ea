import { useEffect } from 'preact/hooks';
import { courseProgress, firstOpenStep, recordStep } from '../../engine';
import type { CourseNext } from '../../engine';
import { useSession } from '../app/session';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { SpeakButton } from '../components/speak-button';
import { t } from '../i18n/i18n';
import { DoneMark } from '../progress/stars';
import { useAutoRead } from '../speech/auto-read';
import { effectiveBand } from '../store/profiles';
import { CourseMissing } from './course-missing';
import { goToStep, noteStep, stepHref, useCourse } from './use-course';
import './course.css';

/**
 * A module's first page: Kiri's short story (read aloud as it appears for 5–7, and by its
 * speaker button for everyone), then the module's steps with done marks and one button to the
 * first step not done.
 */
export function ModuleIntro({ id, module }: { id: string; module: string }) {
  const { profile } = useSession();
  const data = useCourse(profile, id);
  const ready = data && data !== 'missing' && !(data instanceof Error) ? data : null;
  const m = ready?.course.modules.find((x) => x.id === module);
  // Seeing the story is a step: coming back to the course returns here until the child goes on.
  useEffect(() => {
    if (ready && m && profile) void noteStep(profile.id, ready.record, { module, kind: 'intro' });
  }, [ready, m, profile, module]);
  const story = ready && m ? m.story.map(ready.text).join(' ') : null;
  const auto = profile ? (profile.readAloudAuto ?? effectiveBand(profile) === '5-7') : false;
  useAutoRead(auto ? story : null);
  if (!profile) return null;
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (!ready || !m) return <CourseMissing />;
  const { course, finished, text, activityTitle } = ready;
  const record = recordStep(ready.record, { module, kind: 'intro' });
  const progress = courseProgress(course, record, finished);
  const index = course.modules.indexOf(m);
  const status = progress.modules[index]!;
  const next: CourseNext = status.done
    ? index + 1 < course.modules.length
      ? { module: course.modules[index + 1]!.id, kind: 'intro' }
      : progress.complete
        ? { kind: 'certificate' }
        : progress.next
    : firstOpenStep(status);
  const go = (e: MouseEvent, step: CourseNext) => {
    e.preventDefault();
    void goToStep(profile.id, record, course.id, step);
  };
  return (
    <main class="page course-module-page">
      <p class="small">
        <Link href={`/course/${encodeURIComponent(course.id)}`}>{t('course.backToMap')}</Link>
      </p>
      <h1>
        <span class="course-module-n">{t('course.moduleN', { n: index + 1 })}</span> {text(m.title)}
      </h1>
      <section class="kiri-says course-story" aria-labelledby="story-title">
        <img src={KIRI.curious} alt="" width="72" height="94" />
        <div class="bubble">
          <h2 id="story-title" class="h3">
            {t('course.story')}
          </h2>
          {m.story.map((line) => (
            <p key={line.id}>{text(line)}</p>
          ))}
          {story && <SpeakButton text={story} />}
        </div>
      </section>
      <p>
        <a href={stepHref(course.id, next)} class="button primary" onClick={(e) => go(e, next)}>
          {status.done
            ? next.kind === 'certificate'
              ? t('course.certificateLink')
              : t('course.nextModule')
            : t('course.startModule')}
        </a>
      </p>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('course.steps')}</h2>
        <ol class="course-steps" role="list">
          {status.activities.map((a) => {
            const step = { module, kind: 'activity', activity: a.id } as const;
            return (
              <li key={a.id}>
                <a
                  href={stepHref(course.id, step)}
                  class="activity-card"
                  onClick={(e) => go(e, step)}
                >
                  <span class="activity-title">
                    {t('course.stepActivity', { title: activityTitle(a.id) })}
                  </span>
                  {a.finished && <DoneMark />}
                </a>
              </li>
            );
          })}
          <li>
            <a
              href={stepHref(course.id, { module, kind: 'check' })}
              class="activity-card"
              onClick={(e) => go(e, { module, kind: 'check' })}
            >
              <span class="activity-title">{t('course.stepCheck')}</span>
              {status.checkDone && <DoneMark />}
            </a>
          </li>
        </ol>
      </section>
    </main>
  );
}
