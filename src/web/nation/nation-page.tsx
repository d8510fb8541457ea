import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import { SignedInPage } from '../account/page';
import type { SignedIn } from '../account/page';
import { at } from '../account/strings';
import { loadNationStrings, nat } from './strings';
import './nation.css';

/**
 * A national page: for coordinators and admins only (anyone else is told so in words; the server
 * refuses them anyway), with its strings loaded first. `title` is read once they are.
 */
export function NationPage(props: {
  title: () => string;
  children: (account: SignedIn) => ComponentChildren;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => void loadNationStrings().then(() => setReady(true)), []);
  if (!ready) return <p class="page">{at('common.loading')}</p>;
  return (
    <SignedInPage title={props.title()}>
      {(account) => (
        <>
          {account.user.role === 'coordinator' || account.user.role === 'admin' ? (
            <div class="nation">{props.children(account)}</div>
          ) : (
            <p class="notice">{nat('nation.page.common.role')}</p>
          )}
          <p>
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
