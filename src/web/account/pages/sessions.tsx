import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { navigate } from '../../app/router';
import { language } from '../../i18n/i18n';
import { accountApi } from '../api';
import type { DeviceSession } from '../api';
import { ActionButton } from '../form';
import { SignedInPage } from '../page';
import { problemOf } from '../problems';
import { at } from '../strings';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
};

function SessionList() {
  const [sessions, setSessions] = useState<readonly DeviceSession[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setSessions((await accountApi.sessions()).sessions);
    } catch (error) {
      setFailed(problemOf(error, [], () => null).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (failed) return <p class="notice">{failed}</p>;
  if (!sessions) return <p>{at('common.loading')}</p>;
  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        {at('sessions.count', { n: sessions.length })}
      </h2>
      <ul class="device-list">
        {sessions.map((s) => (
          <li key={s.id} class="card device">
            <h3>
              {s.device || at('sessions.unknownDevice')}
              {s.current && <span class="badge">{at('sessions.current')}</span>}
            </h3>
            <p class="small">
              {at('sessions.since', { date: when(s.createdAt) })}
              <br />
              {at('sessions.lastSeen', { date: when(s.lastSeenAt) })}
            </p>
            {!s.current && (
              <ActionButton
                label={at('sessions.revoke')}
                run={async () => {
                  await accountApi.revokeSession(s.id);
                  await load();
                  setStatus(at('sessions.revoked', { device: s.device }));
                  heading.current?.focus();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <p role="status" class="saved">
        {status}
      </p>
    </>
  );
}

/** The devices signed in to this account, with a way to sign any other one out. */
export function SessionsPage() {
  return (
    <SignedInPage title={at('sessions.title')}>
      {() => (
        <>
          <p>{at('sessions.intro')}</p>
          <SessionList />
          <section class="card" aria-labelledby="sessions-all">
            <h2 id="sessions-all">{at('settings.everywhere')}</h2>
            <p id="sessions-all-note">{at('settings.everywhereNote')}</p>
            <ActionButton
              label={at('settings.everywhere')}
              describedBy="sessions-all-note"
              run={async () => {
                await accountApi.signOutEverywhere();
                navigate('/account/signin', { replace: true });
              }}
            />
          </section>
          <p>
            <Link href="/account">{at('common.toAccount')}</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
