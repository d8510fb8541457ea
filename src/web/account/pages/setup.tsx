import { useState } from 'preact/hooks';
import { accountApi } from '../api';
import { AccountForm } from '../form';
import { PASSWORD_MIN, emailField, nameField, newPasswordField } from '../fields';
import { takeToken } from '../fragment';
import { AccountPage } from '../page';
import { Done } from '../done';
import { at } from '../strings';

/**
 * The first administrator, from the one-time set-up link written to the server's console at
 * first start (`#token=…`). The link works once.
 */
export function SetupPage() {
  const [token] = useState(takeToken);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Done title={at('setup.doneTitle')}>
        <p>{at('setup.done')}</p>
      </Done>
    );
  }
  return (
    <AccountPage title={at('setup.title')}>
      {token ? (
        <>
          <p>{at('setup.intro')}</p>
          <AccountForm
            id="setup"
            fields={[nameField(), emailField(), newPasswordField({ min: PASSWORD_MIN })]}
            submitLabel={at('setup.submit')}
            onSubmit={async (v) => {
              await accountApi.setup({
                token,
                email: v.email!.trim(),
                displayName: v.displayName!.trim(),
                password: v.password!,
              });
              setDone(true);
            }}
          />
        </>
      ) : (
        <p class="notice">{at('setup.missing')}</p>
      )}
    </AccountPage>
  );
}
