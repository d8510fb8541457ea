import { Link } from '../components/link';
import { isOfflineError } from '../content/client';
import { t } from '../i18n/i18n';

/**
 * A library page that cannot be shown, and the way back to the library. It says why: the
 * device is offline and has no saved copy ("You're offline"), the topic is switched off in this
 * deployment (KITE_DISABLED_TOPICS), or the page is unknown.
 */
export function NotHere({
  offered = true,
  error = null,
  title,
}: {
  offered?: boolean;
  error?: Error | null;
  title?: string;
}) {
  const offline = error !== null && isOfflineError(error);
  const message = offline
    ? t('library.offline')
    : offered
      ? t('library.notFound')
      : t('library.notOffered');
  return (
    <main class="page">
      <h1>{offline ? t('offline.title') : (title ?? t('library.title'))}</h1>
      <p>{message}</p>
      <Link href="/library">{t('library.back')}</Link>
    </main>
  );
}
