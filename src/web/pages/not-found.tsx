import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/** A path the app does not know: say so kindly and offer the way home. */
export function NotFound() {
  return (
    <main class="page not-found">
      <div class="kiri-says">
        <img src={KIRI.thinking} alt="" width="64" height="83" />
        <div class="bubble">
          <h1>{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
        </div>
      </div>
      <p>
        <Link href="/" class="primary">
          {t('notFound.home')}
        </Link>
      </p>
    </main>
  );
}
