import { t } from '../i18n/i18n';
import { Link } from './link';
import kiriIcon from '../../../content/art/kiri/kiri-icon.svg';
import helpIcon from '../../../content/art/ui/help.svg';

/** The bar on every child screen: home, and "Get help" always one tap away. */
export function TopBar({ avatarSrc }: { avatarSrc?: string | undefined }) {
  return (
    <header class="top-bar">
      <Link href="/" class="brand" aria-label={t('nav.home')}>
        <img src={kiriIcon} alt="" width="36" height="36" />
        <span>{t('app.name')}</span>
      </Link>
      <nav class="top-actions" aria-label="Kite">
        <Link href="/library" class="library-link">
          {t('nav.library')}
        </Link>
        {avatarSrc && (
          <Link href="/settings" class="icon-link" aria-label={t('nav.settings')}>
            <img src={avatarSrc} alt="" width="36" height="36" />
          </Link>
        )}
        <Link href="/help" class="help-link">
          <img src={helpIcon} alt="" width="28" height="28" />
          <span>{t('nav.help')}</span>
        </Link>
      </nav>
    </header>
  );
}
