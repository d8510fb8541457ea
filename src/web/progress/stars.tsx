import { starFills } from '../../engine';
import { t } from '../i18n/i18n';
import { Draw, drawingOf } from '../components/drawing';
import starFullSvg from '../../../content/art/ui/star-full.svg?raw';
import starEmptySvg from '../../../content/art/ui/star-empty.svg?raw';
import './stars.css';

/** The stars' fills: the engine's, so the teacher's report shows the same stars. */
export { starFills };

// Drawn in the page (components/drawing.tsx): home's first screen shows up to 30 stars.
const starFull = drawingOf(starFullSvg);
const starEmpty = drawingOf(starEmptySvg);

/** A topic's stars: full, partly filled (the one being earned) or empty. */
export function StarRow({ fills, label }: { fills: readonly number[]; label: string }) {
  return (
    <span class="stars" role="img" aria-label={label}>
      {fills.map((fill, i) => (
        <span key={i} class="star" data-fill={Math.round(fill * 100)}>
          <Draw drawing={starEmpty} width={22} />
          {fill > 0 && (
            <Draw
              class="star-fill"
              drawing={starFull}
              width={22}
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
      <Draw drawing={starFull} width={28} />
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
