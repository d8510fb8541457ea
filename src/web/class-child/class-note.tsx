import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import { SpeakButton } from '../components/speak-button';
import { ct, loadClassStrings } from './strings';

/**
 * A calm note under the top bar: this device was signed out of the class (it still plays; a
 * way to sign in again), or a class profile was erased for good and forgotten here.
 */
export function ClassNote({
  kind,
  onDismiss,
}: {
  kind: 'signed-out' | 'forgotten';
  onDismiss?: (() => void) | undefined;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => void loadClassStrings().then(() => setReady(true)), []);
  if (!ready) return null;
  const text = ct(kind === 'forgotten' ? 'sync.forgotten' : 'sync.signedOut');
  return (
    <div class="notice class-note" role="status">
      <p>
        {text} <SpeakButton text={text} small />
      </p>
      {kind === 'signed-out' && (
        <Link href="/join" class="secondary">
          {ct('sync.signInAgain')}
        </Link>
      )}
      {onDismiss && (
        <button type="button" class="secondary" onClick={onDismiss}>
          {ct('watch.close')}
        </button>
      )}
    </div>
  );
}
