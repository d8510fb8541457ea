import { LEVELS, masteryProgress, topicMastery } from '../../engine';
import type { Catalogue, LearnerModel } from '../../engine';
import { t } from '../i18n/i18n';
import starFull from '../../../content/art/ui/star-full.svg';
import starEmpty from '../../../content/art/ui/star-empty.svg';
import './stars.css';

/**
 * How full each of a topic's three stars is (0 to 1), one per level: a mastered level's star is
 * full; the first star not yet lit fills with every graded answer (masteryProgress), so
 * finishing an activity visibly moves it; the stars after it stay empty.
 */
export function starFills(catalogue: Catalogue, model: LearnerModel, topic: string): number[] {
  let open = true;
  return LEVELS.map((level) => {
    const fill = masteryProgress(topicMastery(catalogue, model, topic as never, level));
    if (fill >= 1) return 1;
    if (!open) return 0;
    open = false;
    return fill;
  });
}

/** A topic's stars: full, partly filled (the one being earned) or empty. */
export function StarRow({ fills, label }: { fills: readonly number[]; label: string }) {
  return (
    <span class="stars" role="img" aria-label={label}>
      {fills.map((fill, i) => (
        <span key={i} class="star" data-fill={Math.round(fill * 100)}>
          <img src={starEmpty} alt="" width="22" height="22" />
          {fill > 0 && (
            <img
              class="star-fill"
              src={starFull}
              alt=""
              width="22"
              height="22"
              style={{ clipPath: `inset(${Math.round((1 - fill) * 100)}% 0 0 0)` }}
            />
          )}
        </span>
      ))}
    </span>
  );
}

/** The one picture-sentence that tells a child what stars and ticks mean. */
export function StarsExplained() {
  return (
    <p class="stars-explained">
      <img src={starFull} alt="" width="28" height="28" />
      <span class="done-tick" aria-hidden="true">
        ✓
      </span>
      <span>{t('home.starsExplain')}</span>
    </p>
  );
}

/** The mark on a finished activity: a tick with a word, not colour alone. */
export function DoneMark() {
  return (
    <span class="done-mark">
      <span class="done-tick" aria-hidden="true">
        ✓
      </span>
      {t('home.done')}
    </span>
  );
}
