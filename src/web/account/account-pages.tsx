import type { FunctionComponent } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { AccountUnavailable } from '../pages/account-unavailable';
import { loadAccountStrings } from './strings';
import './account.css';

/** A page's chunk, loaded when its path is opened; offline, a plain notice instead. */
const page = (load: () => Promise<FunctionComponent>) =>
  lazy(() => load().catch(() => AccountUnavailable));

const PAGES: Readonly<Record<string, FunctionComponent>> = {
  '/account': page(() => import('./pages/settings').then((m) => m.SettingsPage)),
  '/account/signup': page(() => import('./pages/signup').then((m) => m.SignUpPage)),
  '/account/signin': page(() => import('./pages/signin').then((m) => m.SignInPage)),
  '/account/verify': page(() => import('./pages/verify').then((m) => m.VerifyPage)),
  '/account/reset': page(() => import('./pages/reset').then((m) => m.ResetPage)),
  '/account/invite': page(() => import('./pages/invite').then((m) => m.InvitePage)),
  '/account/setup': page(() => import('./pages/setup').then((m) => m.SetupPage)),
  '/account/mfa': page(() => import('./pages/mfa').then((m) => m.MfaPage)),
  '/account/sessions': page(() => import('./pages/sessions').then((m) => m.SessionsPage)),
  '/account/data': page(() => import('./pages/data').then((m) => m.DataPage)),
};

/**
 * The adults' account pages (issue 12): one lazily loaded part of the app, which the child's
 * app never loads. The app routes every `/account…` path of APP_ROUTES here.
 */
export function AccountPages({ path }: { path: string }) {
  const [ready, setReady] = useState(false);
  // A mailed link opened where its page already shows changes only the fragment: start afresh.
  const [opened, setOpened] = useState(0);
  useEffect(() => void loadAccountStrings().then(() => setReady(true)), []);
  useEffect(() => {
    const onHash = () => {
      if (location.hash.includes('token=')) setOpened((n) => n + 1);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const Page = PAGES[path];
  const loading = <p class="page">{t('common.loading')}</p>;
  if (!ready || !Page) return loading;
  return (
    <Suspense fallback={loading}>
      <Page key={`${path}#${opened}`} />
    </Suspense>
  );
}
