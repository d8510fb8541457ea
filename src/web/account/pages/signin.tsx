import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { navigate } from '../../app/router';
import { accountApi } from '../api';
import type { Stage } from '../api';
import { AccountForm, checks } from '../form';
import { AccountPage, goNext, nextPath } from '../page';
import { currentPasswordField, emailField } from '../fields';
import { at } from '../strings';

type Step = 'loading' | 'password' | 'code';

/**
 * Sign in: email and password, then, when the account has two-step sign-in, a code from the
 * authenticator app (or a recovery code). A role that needs two-step sign-in and has none set
 * goes on to set it up first.
 */
export function SignInPage() {
  const [step, setStep] = useState<Step>('loading');
  const codeHeading = useRef<HTMLHeadingElement>(null);

  const after = (stage: Stage) => {
    if (stage === 'full') goNext(nextPath());
    else if (stage === 'enrol') navigate('/account/mfa', { replace: true });
    else setStep('code');
  };

  useEffect(() => {
    // Already signed in (or half-way: the code is still to come)?
    accountApi.session().then(
      (s) => (s.user ? after(s.stage) : setStep('password')),
      () => setStep('password'),
    );
  }, []);
  useEffect(() => {
    if (step === 'code') codeHeading.current?.focus();
  }, [step]);

  return (
    <AccountPage title={at('signin.title')}>
      {step === 'loading' && <p>{at('common.loading')}</p>}
      {step === 'password' && (
        <>
          <p>{at('signin.intro')}</p>
          <AccountForm
            id="signin"
            fields={[emailField(), currentPasswordField()]}
            submitLabel={at('signin.submit')}
            onSubmit={async (v) => after((await accountApi.signin(v.email!, v.password!)).stage)}
          />
          <ul class="account-links">
            <li>
              <Link href="/account/reset">{at('signin.forgot')}</Link>
            </li>
            <li>
              <Link href="/account/signup">{at('signin.new')}</Link>
            </li>
          </ul>
        </>
      )}
      {step === 'code' && (
        <>
          <h2 tabIndex={-1} ref={codeHeading}>
            {at('signin.codeTitle')}
          </h2>
          <p>{at('signin.codeIntro')}</p>
          <AccountForm
            id="signin-code"
            fields={[
              {
                name: 'code',
                label: at('field.code'),
                hint: at('signin.codeHint'),
                autocomplete: 'one-time-code',
                maxLength: 12,
                check: checks.codeOrRecovery,
                invalid: at('field.codeOrRecoveryInvalid'),
              },
            ]}
            submitLabel={at('signin.codeSubmit')}
            onSubmit={async (v) =>
              after((await accountApi.signinMfa(v.code!.replace(/\s/g, ''))).stage)
            }
          />
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void accountApi.signout().then(
                () => setStep('password'),
                () => setStep('password'),
              )
            }
          >
            {at('signin.codeCancel')}
          </button>
        </>
      )}
    </AccountPage>
  );
}
