import { useEffect, useRef, useState } from 'preact/hooks';
import { bandIndex } from '../../engine';
import { useSession } from '../app/session';
import { AVATARS } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { effectiveBand } from '../store/profiles';
import { refreshMe } from '../sync/sync';
import { cachedMe } from './account';
import { childApi } from './api';
import type { ChildMe } from './api';
import { ct, loadClassStrings } from './strings';
import type { ClassKey } from './strings';

type Watcher = ChildMe['watchers'][number];

/** A watcher in the band's words: "Your teacher Ms Dara" for younger children. */
function watcherText(w: Watcher, older: boolean): string {
  const key = `watch.${w.role}${older ? 'Older' : ''}` as ClassKey;
  return ct(key, { name: w.displayName });
}

/**
 * "Who can see my progress" of a class child (PRIV-09, ADULT-5): the child on this device, and
 * every adult the server names (teacher, grown-ups), from GET /api/child/me or, offline, from
 * the last copy. A parent asking to see the progress is asked about here; "Not now" does nothing.
 */
export function WatchersList({ learner, heading }: { learner: string; heading: 'h1' | 'h2' }) {
  const { profile } = useSession();
  const [me, setMe] = useState<ChildMe | null>(null);
  const [saved, setSaved] = useState(false);
  const [ready, setReady] = useState(false);
  const [later, setLater] = useState<readonly string[]>([]);
  const [confirmed, setConfirmed] = useState(false);

  const load = async () => {
    const fresh = await refreshMe(learner);
    if (fresh) {
      setMe(fresh);
      setSaved(false);
      return;
    }
    const copy = await cachedMe(learner);
    setMe(copy ?? null);
    setSaved(copy !== undefined);
  };

  useEffect(() => {
    void loadClassStrings()
      .then(load)
      .finally(() => setReady(true));
  }, [learner]);

  const older = profile ? bandIndex(effectiveBand(profile)) >= bandIndex('11-13') : false;
  const watchers = me?.watchers ?? [];
  const asks = (me?.links ?? []).filter((l) => !later.includes(l.id));
  const said = [ct('watch.you'), ...watchers.map((w) => watcherText(w, older))].join('. ');
  const Heading = heading;

  const confirm = async (id: string) => {
    const token = profile?.account?.token;
    if (!token) return;
    const res = await childApi('POST', `/api/child/links/${id}/confirm`, { token });
    if (res.ok) {
      setConfirmed(true);
      await load();
    }
  };

  return (
    <>
      <Heading id="watchers-title">
        {ct('watch.title')} {ready && <SpeakButton text={said} small />}
      </Heading>
      {ready && (
        <>
          <ul class="who-can-see" role="list">
            <li>
              {profile && <img src={AVATARS[profile.avatar]} alt="" width="40" height="40" />}
              <span>{ct('watch.you')}</span>
            </li>
            {watchers.map((w, i) => (
              <li key={`${w.role}-${i}`}>
                <span>{watcherText(w, older)}</span>
              </li>
            ))}
          </ul>
          {saved && <p class="small">{ct('watch.saved')}</p>}
          {asks.map((l) => (
            <div class="card" key={l.id}>
              <p>{ct('watch.askTitle', { name: l.parent })}</p>
              <div class="two-buttons">
                <button type="button" class="choice-button" onClick={() => void confirm(l.id)}>
                  {ct('watch.askYes')}
                </button>
                <button
                  type="button"
                  class="choice-button"
                  onClick={() => setLater([...later, l.id])}
                >
                  {ct('watch.askNotNow')}
                </button>
              </div>
            </div>
          ))}
          {confirmed && <p role="status">{ct('watch.askDone')}</p>}
        </>
      )}
    </>
  );
}

/** {@link WatchersList} in a modal dialog, opened from the eye in the top bar. */
export function WatchersPanel({ learner, onClose }: { learner: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => before?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm watchers"
      aria-labelledby="watchers-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <WatchersList learner={learner} heading="h2" />
      <button type="button" class="secondary" onClick={onClose}>
        {ct('watch.close')}
      </button>
    </dialog>
  );
}
