import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useSession } from '../app/session';
import { eraseProgress } from '../store/profiles';
import { requestPersistence } from '../store/persist';
import type { PersistState } from '../store/persist';
import { AVATARS } from '../components/art';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ClassErase } from '../class-child/class-erase';
import { WatchersList } from '../class-child/watchers-panel';

/**
 * "Who can see my progress" (ADULT-5, PRIV-09): here, only this profile on this device. The
 * class and family features extend this list. Also: erase my progress, and whether the browser
 * agreed to keep it.
 */
export function Privacy() {
  const { profile } = useSession();
  const [persist, setPersist] = useState<PersistState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState(false);
  useEffect(() => void requestPersistence().then(setPersist), []);
  if (!profile) return null;

  return (
    <main class="page privacy">
      {profile.account ? (
        <section class="card">
          <WatchersList learner={profile.id} heading="h1" />
          <p>{t('privacy.noName')}</p>
        </section>
      ) : (
        <>
          <h1>{t('privacy.title')}</h1>
          <section class="card" aria-label={t('privacy.title')}>
            <ul class="who-can-see">
              <li>
                <img src={AVATARS[profile.avatar]} alt="" width="48" height="48" />
                <span>{t('privacy.onlyHere')}</span>
              </li>
            </ul>
            <p>{t('privacy.noName')}</p>
          </section>
        </>
      )}

      <section class="card">
        {persist === 'kept' && <p>{t('privacy.storageKept')}</p>}
        {persist === 'not-kept' && <p class="notice">{t('privacy.storageNotKept')}</p>}
        {persist === 'unknown' && <p class="notice">{t('privacy.storageUnknown')}</p>}
      </section>

      {profile.account ? (
        <ClassErase profile={profile} />
      ) : (
        <section class="card">
          {erased ? (
            <p role="status">{t('privacy.erased')}</p>
          ) : (
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {t('privacy.erase')}
            </button>
          )}
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          message={t('privacy.eraseConfirm')}
          confirmLabel={t('common.yes')}
          cancelLabel={t('common.no')}
          onConfirm={async () => {
            await eraseProgress(profile.id);
            setConfirming(false);
            setErased(true);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </main>
  );
}
