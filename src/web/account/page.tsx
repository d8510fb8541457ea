import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isDocumentPath, safeReturnPath } from '../../engine';
import { navigate } from '../app/router';
import { accountApi } from './api';
import type { Stage, User } from './api';
import { problemOf } from './problems';
import { at } from './strings';

/** Whether the browser thinks it is online, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    // A change between the first render and now fired no event this page heard: read it again.
    update();
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * One account page: its heading, and a plain notice when the device is offline (these pages
 * talk to the server; the child's app does not need them).
 */
export function AccountPage({ title, children }: { title: string; children: ComponentChildren }) {
  const online = useOnline();
  return (
    <main class="page account-page">
      <h1>{title}</h1>
      {!online && (
        <p class="notice" role="status">
          {at('offline.notice')}
        </p>
      )}
      {children}
    </main>
  );
}

/** Where sign-in sends someone back to (`?next=`), if it is one of the app's pages. */
export function nextPath(fallback = '/account'): string {
  const next = new URLSearchParams(location.search).get('next');
  const safe = safeReturnPath(next);
  return next && safe !== '/' ? safe : fallback;
}

/**
 * Goes to `path` after signing in: an app page in the app, a document of its own (the
 * recording studio) by loading it.
 */
export function goNext(path: string): void {
  if (isDocumentPath(path.replace(/[?#].*$/, ''))) location.assign(path);
  else navigate(path, { replace: true });
}

/** Sends someone who is not (fully) signed in to sign-in, and back here afterwards. */
export function toSignIn(): void {
  navigate(`/account/signin?next=${encodeURIComponent(location.pathname)}`, { replace: true });
}

export interface SignedIn {
  readonly user: User;
  readonly stage: Stage;
  /** Reads the account again (after a change). */
  reload(): Promise<void>;
}

type GateState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | ({ readonly kind: 'ready' } & SignedIn);

/**
 * A page for a signed-in adult. Someone signed out goes to sign-in; someone whose role needs a
 * second step and has none set (stage `enrol`) goes to set it up, unless this is that page.
 */
export function SignedInPage({
  title,
  enrol = false,
  children,
}: {
  title: string;
  /** Whether this page serves the `enrol` stage (the MFA set-up page). */
  enrol?: boolean;
  children: (s: SignedIn) => ComponentChildren;
}) {
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      const s = await accountApi.session();
      if (!s.user || s.stage === 'mfa') return toSignIn();
      if (s.stage === 'enrol' && !enrol) return navigate('/account/mfa', { replace: true });
      setState({ kind: 'ready', user: s.user, stage: s.stage, reload: load });
    } catch (error) {
      setState({ kind: 'failed', message: problemOf(error, [], () => null).message });
    }
  }, [enrol]);
  useEffect(() => void load(), [load]);
  return (
    <AccountPage title={title}>
      {state.kind === 'loading' && <p>{at('common.loading')}</p>}
      {state.kind === 'failed' && <p class="notice">{state.message}</p>}
      {state.kind === 'ready' && children(state)}
    </AccountPage>
  );
}
