import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { EXPORT_URL, accountApi } from '../api';
import { AccountForm } from '../form';
import { currentPasswordField } from '../fields';
import { SignedInPage } from '../page';
import { Done } from '../done';
import { at } from '../strings';
import type { AccountKey } from '../strings';

const CONSEQUENCES: readonly AccountKey[] = [
  'data.deleteWhat1',
  'data.deleteWhat2',
  'data.deleteWhat3',
  'data.deleteWhat4',
];

/** What deleting means in addition for a teacher: a class cannot be handed over yet. */
const TEACHER_CONSEQUENCES: readonly AccountKey[] = ['data.deleteTeacher'];

/**
 * My data (PRIV-14): download everything Kite holds about me as a file, or delete the account
 * at once, after the password, with what that means said plainly first.
 */
export function DataPage() {
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <Done title={at('data.deletedTitle')} next="/" nextLabel="common.toHome">
        <p>{at('data.deleted')}</p>
      </Done>
    );
  }
  return (
    <SignedInPage title={at('data.title')}>
      {({ user }) => (
        <>
          <section class="card" aria-labelledby="data-download">
            <h2 id="data-download">{at('data.downloadTitle')}</h2>
            <p>{at('data.downloadIntro')}</p>
            <p>
              <a class="button" href={EXPORT_URL} download="kite-my-data.json">
                {at('data.download')}
              </a>
            </p>
          </section>
          <section class="card danger-zone" aria-labelledby="data-delete">
            <h2 id="data-delete">{at('data.deleteTitle')}</h2>
            <p>{at('data.deleteIntro')}</p>
            <ul>
              {[...CONSEQUENCES, ...(user.role === 'teacher' ? TEACHER_CONSEQUENCES : [])].map(
                (k) => (
                  <li key={k}>{at(k)}</li>
                ),
              )}
            </ul>
            <p class="strong">{at('data.deleteFinal')}</p>
            <AccountForm
              id="delete"
              fields={[currentPasswordField('password', at('field.yourPassword'))]}
              submitLabel={at('data.deleteSubmit')}
              danger
              onSubmit={async (v) => {
                await accountApi.deleteAccount(v.password!);
                setDeleted(true);
              }}
            />
          </section>
          <p>
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
