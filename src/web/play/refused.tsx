import type { Refusal } from '../../engine/safety/access';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/**
 * An activity the access rules do not open here (a deep link, a bookmark, the history, a
 * search result): a calm word, a way home and help one tap away. Nothing of it is shown.
 */
export function Refused({ reason }: { reason: Refusal }) {
  const older = reason === 'sensitive';
  return (
    <main class="page refused">
      <div class="kiri-says">
        <img src={KIRI.curious} alt="" width="72" height="94" />
        <div class="bubble">
          <h1>{older ? t('play.notForYouTitle') : t('play.notOfferedTitle')}</h1>
          <p>{older ? t('play.notForYou') : t('play.notOffered')}</p>
        </div>
      </div>
      <p class="links">
        <Link href="/" class="primary">
          {t('play.backHome')}
        </Link>
        <Link href="/help">{t('nav.help')}</Link>
      </p>
    </main>
  );
}
