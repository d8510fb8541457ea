import { useEffect, useRef, useState } from 'preact/hooks';
import { courseProgress, recordCheck, recordStep } from '../../engine';
import type { CourseChoice, CourseNext } from '../../engine';
import { useSession } from '../app/session';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { SpeakButton } from '../components/speak-button';
import { t } from '../i18n/i18n';
import { WhoCanHelp } from '../play/who-can-help';
import { useAutoRead } from '../speech/auto-read';
import { saveCourseRecord } from '../store/courses';
import { effectiveBand } from '../store/profiles';
import { CourseMissing } from './course-missing';
import { goToStep, stepHref, useCourse } from './use-course';
import './course.css';

/**
 * A module's closing check: one question, tap choices, Kiri's feedback on each. A right answer
 * marks the check done; a wrong one explains and lets the child try again. The module ends
 * with who can help, then the next module (or the certificate).
 */
export function ModuleCheck({ id, module }: { id: string; module: string }) {
  const { profile } = useSession();
  const data = useCourse(profile, id);
  const [picked, setPicked] = useState<CourseChoice | null>(null);
  const [saved, setSaved] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const ready = data && data !== 'missing' && !(data instanceof Error) ? data : null;
  const m = ready?.course.modules.find((x) => x.id === module);
  const auto = profile ? (profile.readAloudAuto ?? effectiveBand(profile) === '5-7') : false;
  const spoken =
    ready && m ? (picked ? ready.text(picked.feedback) : ready.text(m.check.question)) : null;
  useAutoRead(auto ? spoken : null);
  useEffect(() => {
    if (picked) feedbackRef.current?.focus();
  }, [picked]);
  if (!profile) return null;
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (!ready || !m) return <CourseMissing />;
  const { course, finished, text } = ready;
  const here = recordStep(ready.record, { module, kind: 'check' });
  const record = picked ? recordCheck(here, module, picked) : here;
  const progress = courseProgress(course, record, finished);
  const index = course.modules.indexOf(m);
  const status = progress.modules[index]!;
  const right = picked?.correct === true;
  const next: CourseNext = !status.done
    ? { module, kind: 'intro' }
    : index + 1 < course.modules.length
      ? { module: course.modules[index + 1]!.id, kind: 'intro' }
      : progress.complete
        ? { kind: 'certificate' }
        : progress.next;

  const choose = async (choice: CourseChoice) => {
    setPicked(choice);
    setSaved(false);
    await saveCourseRecord(profile.id, recordCheck(here, module, choice));
    setSaved(true);
  };

  return (
    <main class="page course-check-page">
      <p class="small">
        <Link href={`/course/${encodeURIComponent(course.id)}`}>{t('course.backToMap')}</Link>
      </p>
      <h1>{t('course.checkTitle')}</h1>
      <div class="kiri-says">
        <img src={right ? KIRI.proud : KIRI.thinking} alt="" width="72" height="94" />
        <div class="bubble">
          <p class="big" id="check-question">
            {text(m.check.question)}
          </p>
          <SpeakButton text={text(m.check.question)} />
        </div>
      </div>
      <div class="course-choices" role="group" aria-labelledby="check-question">
        {m.check.choices.map((c) => (
          <button
            key={c.id}
            type="button"
            class="choice-button"
            aria-pressed={picked?.id === c.id}
            disabled={right}
            onClick={() => void choose(c)}
          >
            {text(c.text)}
          </button>
        ))}
      </div>
      {picked && (
        <div
          ref={feedbackRef}
          tabIndex={-1}
          class={`course-feedback ${right ? 'right' : 'wrong'}`}
          role="status"
        >
          <h2 class="h3">{right ? t('course.rightAnswer') : t('course.notQuite')}</h2>
          <p>{text(picked.feedback)}</p>
          {!right && <p>{t('course.tryAgain')}</p>}
        </div>
      )}
      {right && saved && (
        <>
          <section class="card course-help" aria-labelledby="course-help-title">
            <h2 id="course-help-title" class="h3">
              {text(m.title)}
            </h2>
            <p>{text(m.help)}</p>
          </section>
          <WhoCanHelp pack={ready.band.pack} fallback={ready.band.fallback} />
          {!status.done && <p>{t('course.playFirst')}</p>}
          <p>
            <a
              href={stepHref(course.id, next)}
              class="button primary"
              onClick={(e) => {
                e.preventDefault();
                void goToStep(profile.id, record, course.id, next);
              }}
            >
              {next.kind === 'certificate'
                ? t('course.certificateLink')
                : status.done
                  ? t('course.nextModule')
                  : t('course.backToActivity')}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
