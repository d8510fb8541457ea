import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { accountApi } from '../api';
import { AccountForm } from '../form';
import { emailField, newPasswordField } from '../fields';
import { takeToken } from '../fragment';
import { AccountPage } from '../page';
import { Done } from '../done';
import { at } from '../strings';

/**
 * A forgotten password. Without a token: ask for a link by email (the answer is the same
 * whether or not the address has an account). With the link's `#token=…`: choose a new
 * password, which signs out every device.
 */
export function ResetPage() {
  const [token] = useState(takeToken);
  const [sent, setSent] = useState<string | null>(null);
  const [reset, setReset] = useState(false);

  if (reset) {
    return (
      <Done title={at('reset.doneTitle')}>
        <p>{at('reset.done')}</p>
      </Done>
    );
  }
  if (sent !== null) {
    return (
      <Done title={at('reset.sentTitle')} next="/account/signin">
        <p>{at('reset.sent', { email: sent })}</p>
        <p>{at('reset.sentMore')}</p>
      </Done>
    );
  }
  if (token) {
    return (
      <AccountPage title={at('reset.newTitle')}>
        <p>{at('reset.newIntro')}</p>
        <AccountForm
          id="reset-new"
          fields={[newPasswordField()]}
          submitLabel={at('reset.newSubmit')}
          onSubmit={async (v) => {
            await accountApi.reset(token, v.password!);
            setReset(true);
          }}
        />
        <p>
          <Link href="/account/reset">{at('reset.again')}</Link>
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage title={at('reset.title')}>
      <p>{at('reset.intro')}</p>
      <AccountForm
        id="reset"
        fields={[emailField()]}
        submitLabel={at('reset.submit')}
        onSubmit={async (v) => {
          const email = v.email!.trim();
          await accountApi.resetRequest(email);
          setSent(email);
        }}
      />
      <p>
        <Link href="/account/signin">{at('common.toSignIn')}</Link>
      </p>
    </AccountPage>
  );
}
