import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { navigate } from '../../app/router';
import { accountApi } from '../api';
import type { MfaSetup } from '../api';
import { AccountForm, ActionButton } from '../form';
import { totpField } from '../fields';
import { SignedInPage, goNext, nextPath } from '../page';
import type { SignedIn } from '../page';
import { problemOf } from '../problems';
import { RecoveryCodes } from '../recovery-codes';
import { at } from '../strings';

/** The key in groups of four, as authenticator apps show and accept it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The QR code the server drew, shown as a picture: an `<img>` of a blob URL, so the SVG's markup
 * is never put into the page itself.
 */
function QrCode({ svg }: { svg: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [svg]);
  return url ? <img class="qr" src={url} alt={at('mfa.qrAlt')} width="200" height="200" /> : null;
}

function Enrol({ account }: { account: SignedIn }) {
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const required = account.stage === 'enrol';

  useEffect(() => {
    accountApi.mfaSetup().then(setSetup, (e) => setFailed(problemOf(e, [], () => null).message));
  }, []);

  if (codes) {
    return <RecoveryCodes codes={codes} onSaved={() => goNext(nextPath())} />;
  }
  return (
    <>
      {required && <p class="notice">{at('mfa.required')}</p>}
      <p>{at('mfa.intro')}</p>
      {failed && <p class="notice">{failed}</p>}
      {setup && (
        <ol class="mfa-steps">
          <li>
            <p>{at('mfa.step1')}</p>
          </li>
          <li>
            <p>{at('mfa.step2')}</p>
            <QrCode svg={setup.qrSvg} />
            <p>{at('mfa.keyIntro')}</p>
            <p>
              <code class="secret">{grouped(setup.secret)}</code>
            </p>
          </li>
          <li>
            <p>{at('mfa.step3')}</p>
            <AccountForm
              id="mfa"
              fields={[totpField()]}
              submitLabel={at('mfa.submit')}
              onSubmit={async (v) => {
                const { recoveryCodes } = await accountApi.mfaConfirm(v.code!.replace(/\s/g, ''));
                setCodes(recoveryCodes);
              }}
            />
          </li>
        </ol>
      )}
      {required ? (
        <ActionButton
          label={at('settings.signOut')}
          run={async () => {
            await accountApi.signout();
            navigate('/account/signin', { replace: true });
          }}
        />
      ) : (
        <p>
          <Link href="/account">{at('common.toAccount')}</Link>
        </p>
      )}
    </>
  );
}

/**
 * Two-step sign-in (TOTP): scan the QR code or type the key into an authenticator app, enter a
 * code to prove it works, then keep the recovery codes, which are shown this once.
 */
export function MfaPage() {
  return (
    <SignedInPage title={at('mfa.title')} enrol>
      {(account) =>
        account.user.mfaEnabled && account.stage === 'full' ? (
          <>
            <p>{at('mfa.alreadyOn')}</p>
            <p>
              <Link href="/account">{at('common.toAccount')}</Link>
            </p>
          </>
        ) : (
          <Enrol account={account} />
        )
      }
    </SignedInPage>
  );
}
