import { Link } from '../components/link';
import { isOfflineError } from '../content/client';
import { t } from '../i18n/i18n';

/**
 * What a library page shows when its content did not load: "You're offline" when the device
 * is offline and has no saved copy, else "could not find"; always the way back.
 */
export function LibraryNotHere({ error, title }: { error: Error | null; title?: string }) {
  const offline = error !== null && isOfflineError(error);
  return (
    <main class="page">
      <h1>{offline ? t('offline.title') : (title ?? t('library.title'))}</h1>
      <p>{offline ? t('library.offline') : t('library.notFound')}</p>
      <Link href="/library">{t('library.back')}</Link>
    </main>
  );
}
