import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/** Home's way into the band's courses (the young home and the teen home both show it). */
export function CourseCard({
  courses,
}: {
  courses: readonly { id: string; title: string; modules: number }[];
}) {
  if (courses.length === 0) return null;
  return (
    <section aria-labelledby="course-card-title" class="card course-card">
      <h2 id="course-card-title">{t('course.homeTitle')}</h2>
      <ul class="course-card-list" role="list">
        {courses.map((c) => (
          <li key={c.id}>
            <Link href={`/course/${encodeURIComponent(c.id)}`} class="button">
              {t('course.homeLink', { title: c.title, modules: c.modules })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
