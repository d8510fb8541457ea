import { t } from '../i18n/i18n';
import { KIRI } from '../components/art';
import { Link } from '../components/link';

/** Before a sensitive activity: its content note, a confirm step, and help one tap away. */
export function SensitiveNote(props: {
  title: string;
  note: string;
  onStart: () => void;
  onNotNow: () => void;
}) {
  return (
    <main class="page play">
      <h1>{props.title}</h1>
      <section class="card" aria-labelledby="sensitive-title">
        <div class="kiri-says">
          <img src={KIRI.concerned} alt="" width="64" height="83" />
          <div class="bubble">
            <h2 id="sensitive-title">{t('play.sensitiveTitle')}</h2>
            <p>{props.note}</p>
          </div>
        </div>
        <div class="two-buttons">
          <button type="button" class="choice-button" onClick={props.onStart}>
            {t('play.sensitiveStart')}
          </button>
          <button type="button" class="choice-button" onClick={props.onNotNow}>
            {t('play.sensitiveNotNow')}
          </button>
        </div>
        <p>
          <Link href="/help" class="help-link">
            {t('nav.help')}
          </Link>
        </p>
      </section>
    </main>
  );
}
