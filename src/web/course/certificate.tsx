import { useEffect, useState } from 'preact/hooks';
import { courseProgress } from '../../engine';
import { useSession } from '../app/session';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { language, SCRIPT_FONTS, t } from '../i18n/i18n';
import { CourseMissing } from './course-missing';
import { useCourse } from './use-course';
import './course.css';

/**
 * The certificate at the end of a course, made on the device: the child types a name or
 * nickname, which lives only in this page's state — never in IndexedDB, localStorage, the URL
 * or a request — and prints it on one sheet (print CSS; "Save as PDF" in the print window).
 * Works offline: nothing is fetched but the course, kept since the map was first opened. The
 * fonts of every script Kite supports are loaded, so a name in Khmer prints as typed.
 */
export function Certificate({ id }: { id: string }) {
  const { profile } = useSession();
  const data = useCourse(profile, id);
  const [name, setName] = useState('');
  useEffect(() => {
    for (const load of Object.values(SCRIPT_FONTS)) void load().catch(() => {});
  }, []);
  if (!profile) return null;
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (data === 'missing' || data instanceof Error) return <CourseMissing />;
  const { course, record, finished, text } = data;
  const back = (
    <Link href={`/course/${encodeURIComponent(course.id)}`}>{t('course.backToMap')}</Link>
  );
  if (!courseProgress(course, record, finished).complete)
    return (
      <main class="page">
        <h1>{t('course.certificateTitle')}</h1>
        <p>{t('course.certificateNotYet')}</p>
        <p>{back}</p>
      </main>
    );
  const today = new Date().toLocaleDateString(language(), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return (
    <main class="page course-certificate-page">
      <div class="no-print">
        <p class="small">{back}</p>
        <label for="cert-name" class="cert-name-label">
          {t('course.nicknameLabel')}
        </label>
        <input
          id="cert-name"
          type="text"
          autocomplete="off"
          autocorrect="off"
          spellcheck={false}
          maxLength={40}
          value={name}
          aria-describedby="cert-name-help"
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <p id="cert-name-help" class="small">
          {t('course.nicknameHelp')}
        </p>
        <p>
          <button type="button" class="primary" onClick={() => window.print()}>
            {t('course.print')}
          </button>
        </p>
        <p class="small">{t('course.printHelp')}</p>
      </div>
      <article class="certificate" aria-labelledby="cert-title">
        <img class="cert-kiri" src={KIRI.proud} alt="" width="96" height="125" />
        <h1 id="cert-title">{t('course.certificateTitle')}</h1>
        <p class="cert-for">{t('course.certFor')}</p>
        <p class="cert-name">{name.trim() === '' ? '\u00a0' : name}</p>
        <p class="cert-course">{t('course.certFinished', { title: text(course.title) })}</p>
        <p class="cert-learned">{t('course.certLearned')}</p>
        <ul class="cert-modules">
          {course.modules.map((m) => (
            <li key={m.id}>{text(m.title)}</li>
          ))}
        </ul>
        <p class="cert-kiri-says">{t('course.certKiri')}</p>
        <p class="cert-date">{today}</p>
      </article>
    </main>
  );
}
