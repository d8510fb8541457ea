import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useSession } from '../app/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { Profile } from '../store/profiles';
import { eraseEverywhere } from '../sync/device';
import { ct, loadClassStrings } from './strings';

/**
 * "Erase my progress everywhere" of a class profile: on the server and every device, or, with
 * no connection, nothing at all and a gentle word why.
 */
export function ClassErase({ profile }: { profile: Profile }) {
  const session = useSession();
  const [ready, setReady] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  useEffect(() => void loadClassStrings().then(() => setReady(true)), []);
  if (!ready) return null;
  return (
    <section class="card">
      {outcome === 'erased' ? (
        <p role="status">{ct('erase.doneEverywhere')}</p>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          {ct('erase.everywhere')}
        </button>
      )}
      {outcome === 'offline' && (
        <p class="notice" role="alert">
          {ct('erase.needsConnection')}
        </p>
      )}
      {outcome === 'failed' && (
        <p class="notice" role="alert">
          {ct('error.other')}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          message={ct('erase.everywhereConfirm')}
          confirmLabel={t('common.yes')}
          cancelLabel={t('common.no')}
          onConfirm={async () => {
            const end = await eraseEverywhere(profile);
            setConfirming(false);
            setOutcome(end);
            await session.refresh();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
