import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/**
 * On the Play page of an activity opened from a course (`?course=<id>&module=<module>`): the
 * way back to the module's page, where the next step waits. Null for any other play.
 */
export function CourseReturn({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const course = params.get('course');
  const module = params.get('module');
  if (!course || !module) return null;
  return (
    <p class="course-return">
      <Link
        href={`/course/${encodeURIComponent(course)}/${encodeURIComponent(module)}`}
        class="button primary"
      >
        {t('course.backToActivity')}
      </Link>
    </p>
  );
}
