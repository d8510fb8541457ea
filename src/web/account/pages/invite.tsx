import { useState } from 'preact/hooks';
import { accountApi } from '../api';
import { AccountForm } from '../form';
import { nameField, newPasswordField } from '../fields';
import { takeToken } from '../fragment';
import { AccountPage } from '../page';
import { Done } from '../done';
import { at } from '../strings';

/** An invitation from the mail (`#token=…`): choose a name and a password. */
export function InvitePage() {
  const [token] = useState(takeToken);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Done title={at('invite.doneTitle')}>
        <p>{at('invite.done')}</p>
      </Done>
    );
  }
  return (
    <AccountPage title={at('invite.title')}>
      {token ? (
        <>
          <p>{at('invite.intro')}</p>
          <AccountForm
            id="invite"
            fields={[nameField(), newPasswordField()]}
            submitLabel={at('invite.submit')}
            onSubmit={async (v) => {
              await accountApi.acceptInvite({
                token,
                displayName: v.displayName!.trim(),
                password: v.password!,
              });
              setDone(true);
            }}
          />
        </>
      ) : (
        <p class="notice">{at('token.missing')}</p>
      )}
    </AccountPage>
  );
}
