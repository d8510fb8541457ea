import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { navigate } from '../../app/router';
import { accountApi } from '../api';
import { AccountForm, ActionButton } from '../form';
import {
  PASSWORD_MIN,
  PASSWORD_MIN_SINGLE_FACTOR,
  currentPasswordField,
  nameField,
  newPasswordField,
  totpField,
} from '../fields';
import { SignedInPage } from '../page';
import type { SignedIn } from '../page';
import { RecoveryCodes } from '../recovery-codes';
import { AdultHelplines } from '../../components/adult-helplines';
import { at } from '../strings';
import type { AccountKey } from '../strings';

/** A short confirmation after a change, announced politely. */
function Saved({ text }: { text: string | null }) {
  return (
    <p role="status" class="saved">
      {text ?? ''}
    </p>
  );
}

function NameSection({ account }: { account: SignedIn }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { user } = account;
  return (
    <section class="card" aria-labelledby="account-you">
      <h2 id="account-you">{at('settings.you')}</h2>
      <dl class="facts">
        <dt>{at('field.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{at('settings.role')}</dt>
        <dd>{at(`role.${user.role}` as AccountKey)}</dd>
      </dl>
      <AccountForm
        id="rename"
        fields={[{ ...nameField(), initial: user.displayName }]}
        submitLabel={at('settings.renameSubmit')}
        onSubmit={async (v) => {
          setSaved(null);
          await accountApi.rename(v.displayName!.trim());
          await account.reload();
          setSaved(at('settings.renamed'));
        }}
      />
      <Saved text={saved} />
    </section>
  );
}

function PasswordSection({ account }: { account: SignedIn }) {
  const { user } = account;
  const twoStep = user.mfaEnabled || user.mfaRequired;
  const [saved, setSaved] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  return (
    <section class="card" aria-labelledby="account-password">
      <h2 id="account-password">{at('settings.password')}</h2>
      <AccountForm
        key={round}
        id="password"
        fields={[
          currentPasswordField('currentPassword', at('field.currentPassword')),
          newPasswordField({
            name: 'newPassword',
            min: twoStep ? PASSWORD_MIN : PASSWORD_MIN_SINGLE_FACTOR,
          }),
        ]}
        rename={{ password_incorrect: 'currentPassword', weak_password: 'newPassword' }}
        submitLabel={at('settings.passwordSubmit')}
        onSubmit={async (v) => {
          setSaved(null);
          await accountApi.changePassword(v.currentPassword!, v.newPassword!);
          setRound((n) => n + 1); // empty fields for the next time
          setSaved(at('settings.passwordChanged'));
        }}
      />
      <Saved text={saved} />
    </section>
  );
}

function MfaSection({ account }: { account: SignedIn }) {
  const { user } = account;
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="account-mfa">
      <h2 id="account-mfa">{at('mfa.name')}</h2>
      {user.mfaEnabled ? (
        <>
          <p>{at('settings.mfaOn')}</p>
          {codes ? (
            <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />
          ) : (
            <>
              <h3>{at('settings.newCodes')}</h3>
              <p>{at('settings.newCodesIntro')}</p>
              <AccountForm
                id="recovery"
                fields={[totpField()]}
                submitLabel={at('settings.newCodesSubmit')}
                onSubmit={async (v) => {
                  setCodes(
                    (await accountApi.recoveryCodes(v.code!.replace(/\s/g, ''))).recoveryCodes,
                  );
                }}
              />
            </>
          )}
          <h3>{at('settings.mfaOffTitle')}</h3>
          {user.mfaRequired ? (
            <p>{at('settings.mfaRequired')}</p>
          ) : (
            <>
              <p>{at('settings.mfaOffIntro')}</p>
              <AccountForm
                id="mfa-off"
                fields={[
                  {
                    ...currentPasswordField('password', at('field.yourPassword')),
                    // A password shorter than 15 characters needs the second factor (SEC-03).
                    explain: (code) => (code === 'weak_password' ? at('error.mfaOffShort') : null),
                  },
                ]}
                rename={{ password_incorrect: 'password' }}
                submitLabel={at('settings.mfaOffSubmit')}
                danger
                onSubmit={async (v) => {
                  await accountApi.mfaDisable(v.password!);
                  await account.reload();
                  setSaved(at('settings.mfaTurnedOff'));
                }}
              />
            </>
          )}
        </>
      ) : (
        <>
          <p>{at(user.mfaRequired ? 'settings.mfaNeeded' : 'settings.mfaOffNow')}</p>
          <p>
            <Link href="/account/mfa" class="primary">
              {at('settings.mfaTurnOn')}
            </Link>
          </p>
        </>
      )}
      <Saved text={saved} />
    </section>
  );
}

/**
 * Account settings: name, password, two-step sign-in and recovery codes, the devices signed in,
 * the person's data, and signing out (here or everywhere).
 */
export function SettingsPage() {
  return (
    <SignedInPage title={at('settings.title')}>
      {(account) => (
        <>
          <p>{at('settings.hello', { name: account.user.displayName })}</p>
          {account.user.role === 'teacher' && (
            <p>
              <Link href="/account/classes" class="button primary">
                {at('settings.classes')}
              </Link>
            </p>
          )}
          {account.user.role === 'parent' && (
            <p>
              <Link href="/account/family" class="button primary">
                {at('settings.family')}
              </Link>
            </p>
          )}
          {account.user.role === 'company' && (
            <p>
              <Link href="/account/industry" class="button primary">
                {at('settings.industry')}
              </Link>
            </p>
          )}
          {(account.user.role === 'admin' || account.user.role === 'coordinator') && (
            <p>
              <Link href="/account/industry/review" class="button">
                {at('settings.industryReview')}
              </Link>
            </p>
          )}
          {(account.user.role === 'admin' || account.user.role === 'coordinator') && (
            <p>
              <Link href="/account/deployment" class="button">
                {at('settings.deployment')}
              </Link>
            </p>
          )}
          {(account.user.role === 'admin' || account.user.role === 'coordinator') && (
            <p>
              <Link href="/account/nation" class="button">
                {at('settings.nation')}
              </Link>
            </p>
          )}
          {(account.user.role === 'admin' || account.user.role === 'coordinator') && (
            <p>
              <a href="/studio/" class="button">
                {at('settings.studio')}
              </a>
            </p>
          )}
          <NameSection account={account} />
          <PasswordSection account={account} />
          <MfaSection account={account} />
          <section class="card" aria-labelledby="account-more">
            <h2 id="account-more">{at('settings.more')}</h2>
            <ul class="account-links">
              <li>
                <Link href="/account/sessions">{at('sessions.title')}</Link>
              </li>
              <li>
                <Link href="/account/data">{at('data.title')}</Link>
              </li>
            </ul>
          </section>
          <AdultHelplines />
          <section class="card" aria-labelledby="account-signout">
            <h2 id="account-signout">{at('settings.signOutTitle')}</h2>
            <ActionButton
              class="primary"
              label={at('settings.signOut')}
              run={async () => {
                await accountApi.signout();
                navigate('/account/signin', { replace: true });
              }}
            />
            <p id="everywhere-note" class="small">
              {at('settings.everywhereNote')}
            </p>
            <ActionButton
              label={at('settings.everywhere')}
              describedBy="everywhere-note"
              run={async () => {
                await accountApi.signOutEverywhere();
                navigate('/account/signin', { replace: true });
              }}
            />
          </section>
        </>
      )}
    </SignedInPage>
  );
}
