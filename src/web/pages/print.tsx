import { useCallback, useEffect, useState } from 'preact/hooks';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { isOfflineError } from '../content/client';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';

/** The printable documents the server makes, by the `/print/:kind/:id` kind. */
const KINDS = ['worksheets', 'challenges', 'guides'] as const;
type Kind = (typeof KINDS)[number];

/** Why a sheet did not open, in words for the reader. */
function failureText(status: number | 'offline'): UiKey {
  if (status === 'offline') return 'print.offline';
  if (status === 429 || status === 503) return 'print.busy';
  if (status === 404 || status === 400) return 'print.missing';
  return 'print.failed';
}

/**
 * Opens a printable PDF from the library (in its own tab): fetches it, and shows it when it
 * came (a blob URL would inherit the page's `object-src 'none'` and be blocked); when it did not (offline and not saved, rate limited, missing, a server error) the
 * reader gets a page in words with a way to try again, never the API's JSON.
 */
export function PrintPage({ kind, id }: { kind: string; id: string }) {
  const [failed, setFailed] = useState<number | 'offline' | null>(null);
  const known = (KINDS as readonly string[]).includes(kind);
  const url = `/api/${kind as Kind}/${encodeURIComponent(id)}.pdf${location.search}`;

  const open = useCallback(async () => {
    setFailed(null);
    try {
      const res = await fetch(url);
      if (!res.ok) return setFailed(res.status);
      if (!res.headers.get('content-type')?.startsWith('application/pdf')) return setFailed(500);
      // Read to the end so the browser (an hour) and the service worker keep it; showing it is
      // then a navigation to the same URL served from that copy, in the browser's PDF viewer.
      await res.arrayBuffer();
      location.replace(url);
    } catch (e) {
      setFailed(isOfflineError(e) ? 'offline' : 500);
    }
  }, [url]);

  useEffect(() => {
    if (known) void open();
  }, [known, open]);

  const status = known ? failed : 404;
  if (status === null) return <p class="page">{t('print.opening')}</p>;
  return (
    <main class="page print-failed">
      <div class="kiri-says">
        <img src={KIRI.concerned} alt="" width="64" height="83" />
        <div class="bubble">
          <h1>{status === 'offline' ? t('offline.title') : t('print.failedTitle')}</h1>
          <p>{t(failureText(status))}</p>
        </div>
      </div>
      <p>
        {known && (
          <button type="button" class="primary" onClick={() => void open()}>
            {t('print.retry')}
          </button>
        )}
        <Link href="/library" class="secondary">
          {t('library.back')}
        </Link>
      </p>
    </main>
  );
}
