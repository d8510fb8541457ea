import { useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { accountApi } from '../api';
import { AccountForm } from '../form';
import {
  PASSWORD_MIN,
  PASSWORD_MIN_SINGLE_FACTOR,
  emailField,
  nameField,
  newPasswordField,
} from '../fields';
import { AccountPage } from '../page';
import { at } from '../strings';
import { Done } from '../done';

type Role = 'parent' | 'teacher' | 'company';

/**
 * Sign-up for parents and carers, teachers, and organisations (which an administrator approves).
 * Children need no account to play, and the page says so first.
 */
export function SignUpPage() {
  const [done, setDone] = useState<{ status: string; email: string } | null>(null);
  if (done) {
    return done.status === 'verify_email' ? (
      <Done title={at('signup.checkMailTitle')}>
        <p>{at('signup.checkMail', { email: done.email })}</p>
        <p>{at('signup.checkMailMore')}</p>
      </Done>
    ) : (
      <Done title={at('signup.pendingTitle')}>
        <p>{at('signup.pending')}</p>
      </Done>
    );
  }
  return (
    <AccountPage title={at('signup.title')}>
      <p class="notice">{at('signup.noChildAccount')}</p>
      <AccountForm
        id="signup"
        fields={[
          {
            name: 'role',
            label: at('signup.role'),
            autocomplete: 'off',
            options: [
              { value: 'parent', label: at('role.parent'), hint: at('signup.roleParent') },
              { value: 'teacher', label: at('role.teacher'), hint: at('signup.roleTeacher') },
              { value: 'company', label: at('role.company'), hint: at('signup.roleCompany') },
            ],
          },
          nameField(),
          emailField(),
          newPasswordField({
            // Teachers must use two-step sign-in; the others start without it (SEC-03).
            min: (v) => (v.role === 'teacher' ? PASSWORD_MIN : PASSWORD_MIN_SINGLE_FACTOR),
            hint: at('signup.passwordHint'),
          }),
        ]}
        submitLabel={at('signup.submit')}
        onSubmit={async (v) => {
          const email = v.email!.trim();
          const { status } = await accountApi.signup({
            email,
            displayName: v.displayName!.trim(),
            password: v.password!,
            role: v.role as Role,
          });
          setDone({ status, email });
        }}
      >
        <p class="small">{at('signup.privacy')}</p>
      </AccountForm>
      <p>
        <Link href="/account/signin">{at('signup.haveAccount')}</Link>
      </p>
    </AccountPage>
  );
}
