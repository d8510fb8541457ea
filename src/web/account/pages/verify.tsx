import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { accountApi } from '../api';
import { takeToken } from '../fragment';
import { problemOf } from '../problems';
import { AccountPage } from '../page';
import { Done } from '../done';
import { at } from '../strings';

type State =
  | { kind: 'working' }
  | { kind: 'done'; status: 'active' | 'pending_approval' }
  | { kind: 'failed'; message: string };

/** The link from the confirmation mail (`#token=…`): confirms the address at once. */
export function VerifyPage() {
  const [token] = useState(takeToken);
  const [state, setState] = useState<State>(() =>
    token ? { kind: 'working' } : { kind: 'failed', message: at('token.missing') },
  );
  useEffect(() => {
    if (!token) return;
    accountApi.verifyEmail(token).then(
      ({ status }) => setState({ kind: 'done', status }),
      (error) => setState({ kind: 'failed', message: problemOf(error, [], () => null).message }),
    );
  }, [token]);

  if (state.kind === 'done') {
    return state.status === 'active' ? (
      <Done title={at('verify.doneTitle')}>
        <p>{at('verify.done')}</p>
      </Done>
    ) : (
      <Done title={at('verify.doneTitle')} next="/" nextLabel="common.toHome">
        <p>{at('verify.pending')}</p>
      </Done>
    );
  }
  return (
    <AccountPage title={at('verify.title')}>
      {state.kind === 'working' ? (
        <p role="status">{at('verify.working')}</p>
      ) : (
        <>
          <p class="notice">{state.message}</p>
          <p>
            <Link href="/account/signin">{at('common.toSignIn')}</Link>
          </p>
        </>
      )}
    </AccountPage>
  );
}
