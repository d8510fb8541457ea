import type { Refusal } from '../../engine';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';

/**
 * An activity the access rules do not open here (a deep link, a bookmark, the history, a
 * search result): a calm word, a way home and help one tap away. Nothing of it is shown.
 * In class mode the words are for the teacher, with the way back to the library. A sensitive
 * activity whose translation is not reviewed says so (`not-reviewed`).
 */
export function Refused({ reason, classMode = false }: { reason: Refusal; classMode?: boolean }) {
  const older = reason === 'sensitive';
  const [title, text] =
    reason === 'not-reviewed'
      ? [t('play.notReviewedTitle'), t('play.notReviewed')]
      : older
        ? classMode
          ? [t('class.notForClassTitle'), t('class.notForClass')]
          : [t('play.notForYouTitle'), t('play.notForYou')]
        : [t('play.notOfferedTitle'), t('play.notOffered')];
  if (classMode)
    return (
      <main class="page refused">
        <h1>{title}</h1>
        <p>{text}</p>
        <p class="links">
          <Link href="/library" class="primary">
            {t('class.backLibrary')}
          </Link>
        </p>
      </main>
    );
  return (
    <main class="page refused">
      <div class="kiri-says">
        <img src={KIRI.curious} alt="" width="72" height="94" />
        <div class="bubble">
          <h1>{title}</h1>
          <p>{text}</p>
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
