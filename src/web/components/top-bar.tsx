import { useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { t } from '../i18n/i18n';
import { Link } from './link';
import { Draw, drawingOf } from './drawing';
import kiriIconSvg from '../../../content/art/kiri/kiri-icon.svg?raw';
import helpIconSvg from '../../../content/art/ui/help.svg?raw';
import eyeIcon from '../../../content/art/ui/eye.svg';

// The bar's pictures, drawn in the page (components/drawing.tsx): they are on every first screen.
const kiriIcon = drawingOf(kiriIconSvg);
const helpIcon = drawingOf(helpIconSvg);

// The list of who can see a class child's progress: its own chunk, loaded on the first tap.
const WatchersPanel = lazy(() =>
  import('../class-child/watchers-panel').then((m) => m.WatchersPanel),
);

/**
 * The bar on every child screen: home, and "Get help" always one tap away. A profile linked to a
 * class or a family also has the eye, "Who can see my progress" (PRIV-09), on every screen.
 */
export function TopBar({
  avatarSrc,
  watchedId,
}: {
  avatarSrc?: string | undefined;
  /** The id of the current profile when adults can see its progress (a class profile). */
  watchedId?: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <header class="top-bar">
      <Link href="/" class="brand" aria-label={t('nav.home')}>
        <Draw drawing={kiriIcon} width={36} />
        <span>{t('app.name')}</span>
      </Link>
      <nav class="top-actions" aria-label="Kite">
        <Link href="/library" class="library-link">
          {t('nav.library')}
        </Link>
        {watchedId && (
          <button
            type="button"
            class="icon-link watched"
            aria-haspopup="dialog"
            title={t('nav.privacy')}
            onClick={() => setOpen(true)}
          >
            <img src={eyeIcon} alt="" width="30" height="30" />
            <span class="visually-hidden">{t('nav.privacy')}</span>
          </button>
        )}
        {avatarSrc && (
          <Link href="/settings" class="icon-link" aria-label={t('nav.settings')}>
            <img src={avatarSrc} alt="" width="36" height="36" />
          </Link>
        )}
        <Link href="/help" class="help-link">
          <Draw drawing={helpIcon} width={28} />
          <span>{t('nav.help')}</span>
        </Link>
      </nav>
      {open && watchedId && (
        <Suspense fallback={null}>
          <WatchersPanel learner={watchedId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}
