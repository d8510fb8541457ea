import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import { SignedInPage } from '../account/page';
import type { SignedIn } from '../account/page';
import { at } from '../account/strings';
import { dt, loadDeploymentStrings } from './strings';
import type { DeploymentKey } from './strings';
import './deployment.css';

/**
 * A deployment page: for coordinators and admins only (anyone else is told so in words; the
 * server refuses them anyway), with its strings loaded first.
 */
export function DeploymentPage(props: {
  title: DeploymentKey;
  children: (account: SignedIn) => ComponentChildren;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => void loadDeploymentStrings().then(() => setReady(true)), []);
  if (!ready) return <p class="page">{at('common.loading')}</p>;
  return (
    <SignedInPage title={dt(props.title)}>
      {(account) => (
        <>
          {account.user.role === 'coordinator' || account.user.role === 'admin' ? (
            <div class="deployment">{props.children(account)}</div>
          ) : (
            <p class="notice">{dt('deployment.common.role')}</p>
          )}
          <p>
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
