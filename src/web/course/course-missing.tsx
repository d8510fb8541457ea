import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/** A course (or module) this band does not have, or content that failed to load. */
export function CourseMissing() {
  return (
    <main class="page">
      <h1>{t('course.notFound')}</h1>
      <Link href="/" class="button primary">
        {t('notFound.home')}
      </Link>
    </main>
  );
}
