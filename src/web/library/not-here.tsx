import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/**
 * A library page that cannot be shown: unknown, or of a topic this deployment switched off
 * (KITE_DISABLED_TOPICS). Says which, and leads back to the library.
 */
export function NotHere({ offered }: { offered: boolean }) {
  return (
    <main class="page">
      <p>{offered ? t('library.notFound') : t('library.notOffered')}</p>
      <Link href="/library">{t('library.back')}</Link>
    </main>
  );
}
