import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { KIRI } from '../components/art';

/** How long continuous play lasts before Kiri suggests a break. */
export const BREAK_AFTER_MS = 20 * 60 * 1000;
const SESSION_KEY = 'kite.playStartedAt';

/**
 * A gentle break suggestion after about 20 minutes of continuous play (no countdown is ever
 * shown, and nothing is locked). Continuous play is counted across activities in this tab;
 * closing the suggestion starts a new period.
 */
export function useBreakReminder() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const now = Date.now();
    const saved = Number(sessionStorage.getItem(SESSION_KEY));
    const started = saved && now - saved < BREAK_AFTER_MS * 2 ? saved : now;
    sessionStorage.setItem(SESSION_KEY, String(started));
    const timer = setTimeout(() => setShow(true), Math.max(0, started + BREAK_AFTER_MS - now));
    return () => clearTimeout(timer);
  }, [show]);
  if (!show) return null;
  return (
    <div class="break card" role="dialog" aria-labelledby="break-text">
      <div class="kiri-says">
        <img src={KIRI.happy} alt="" width="56" height="73" />
        <p id="break-text" class="bubble">
          {t('play.break')}
        </p>
      </div>
      <button
        type="button"
        class="primary"
        onClick={() => {
          sessionStorage.setItem(SESSION_KEY, String(Date.now()));
          setShow(false);
        }}
      >
        {t('play.breakOk')}
      </button>
    </div>
  );
}
