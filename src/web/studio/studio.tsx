import { useEffect, useState } from 'preact/hooks';
import { isStudioError } from './request';
import { studioApi } from './api';
import type { Overview, Place } from './api';
import { errorText, st } from './strings';
import { RecordingSession } from './session';

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'overview'; readonly overview: Overview }
  | { readonly kind: 'record'; readonly place: Place; readonly overview: Overview };

/** The language a coordinator most likely records: the first that is not English. */
function defaultLang(languages: readonly string[]): string {
  return languages.find((l) => l !== 'en') ?? languages[0] ?? 'en';
}

/**
 * The studio: per language, what each pack and age band still lacks (recorded, stale,
 * missing), and from a row, the recording session of its texts.
 */
export function Studio() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [lang, setLang] = useState<string | null>(null);

  const load = async (wanted: string | null) => {
    try {
      let overview = await studioApi.overview(wanted ?? 'en');
      if (wanted === null) {
        const chosen = defaultLang(overview.languages);
        if (chosen !== overview.lang) overview = await studioApi.overview(chosen);
      }
      setLang(overview.lang);
      setView({ kind: 'overview', overview });
    } catch (e) {
      if (isStudioError(e) && e.code === 'unauthenticated') {
        location.assign(`/account/signin?next=${encodeURIComponent('/studio/')}`);
        return;
      }
      if (isStudioError(e) && (e.code === 'forbidden' || e.code === 'mfa_required'))
        setView({ kind: 'forbidden' });
      else if (isStudioError(e)) setView({ kind: 'failed', message: errorText(e.code, e.message) });
    }
  };

  useEffect(() => {
    void load(null);
  }, []);

  if (view.kind === 'record')
    return (
      <RecordingSession
        place={view.place}
        writable={view.overview.writable}
        onBack={() => void load(view.place.lang)}
      />
    );

  return (
    <main class="studio">
      <h1>{st('title')}</h1>
      {view.kind === 'loading' && <p role="status">{st('loading')}</p>}
      {view.kind === 'forbidden' && (
        <>
          <p role="alert">{st('forbidden')}</p>
          <p>
            <a href="/account">{st('toAccount')}</a>
          </p>
        </>
      )}
      {view.kind === 'failed' && <p role="alert">{view.message}</p>}
      {view.kind === 'overview' && (
        <>
          <p>{st('intro')}</p>
          {!view.overview.writable && (
            <p class="studio-notice" role="status">
              {st('readOnly')}
            </p>
          )}
          <label class="studio-field">
            {st('language')}{' '}
            <select
              value={lang ?? view.overview.lang}
              onChange={(e) => void load((e.target as HTMLSelectElement).value)}
            >
              {view.overview.languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <h2>{st('overview')}</h2>
          <table class="studio-table">
            <thead>
              <tr>
                <th scope="col">{st('col.pack')}</th>
                <th scope="col">{st('col.band')}</th>
                <th scope="col">{st('col.recorded')}</th>
                <th scope="col">{st('col.stale')}</th>
                <th scope="col">{st('col.missing')}</th>
                <th scope="col">{st('col.untranslated')}</th>
                <th scope="col">{st('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {view.overview.rows.map((r) => (
                <tr key={`${r.pack}/${r.band}`}>
                  <th scope="row">{r.pack}</th>
                  <td>{r.band}</td>
                  <td>{r.recorded}</td>
                  <td>{r.stale}</td>
                  <td>{r.missing}</td>
                  <td>{r.untranslated}</td>
                  <td>
                    <button
                      type="button"
                      disabled={r.total === 0}
                      onClick={() =>
                        setView({
                          kind: 'record',
                          overview: view.overview,
                          place: { pack: r.pack, band: r.band, lang: view.overview.lang },
                        })
                      }
                    >
                      {st('open', { pack: r.pack, band: r.band })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
