import { t } from '../i18n/i18n';

/**
 * An account page whose code did not load: adults' pages are not kept on the device for
 * offline use (the child's app is), so offline they say so plainly, with a way to try again.
 */
export function AccountUnavailable() {
  return (
    <main class="page">
      <h1>{t('account.unavailableTitle')}</h1>
      <p>{t('account.unavailable')}</p>
      <button type="button" class="primary" onClick={() => location.reload()}>
        {t('account.retry')}
      </button>
    </main>
  );
}
