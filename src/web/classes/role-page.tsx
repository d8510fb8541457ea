import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/link';
import type { Role } from '../account/api';
import { SignedInPage } from '../account/page';
import type { SignedIn } from '../account/page';
import { at } from '../account/strings';
import { loadClassesStrings } from './strings';
import { ct } from './strings';

/**
 * A classes' or families' page: for a signed-in adult of `role` only (anyone else is told so
 * in words, the server refuses them anyway), with the way back to the account at the end.
 */
export function RolePage(props: {
  title: string;
  role: Role;
  children: (account: SignedIn) => ComponentChildren;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => void loadClassesStrings().then(() => setReady(true)), []);
  return (
    <SignedInPage title={props.title}>
      {(account) => (
        <>
          {!ready ? (
            <p>{at('common.loading')}</p>
          ) : account.user.role === props.role ? (
            props.children(account)
          ) : (
            <p class="notice">{ct(props.role === 'teacher' ? 'role.teachers' : 'role.parents')}</p>
          )}
          <p class="no-print">
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
