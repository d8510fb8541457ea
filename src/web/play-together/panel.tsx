import type { Activity, Scene, Text } from '../../engine';
import { t } from '../i18n/i18n';
import './play-together.css';

interface Props {
  /** A parent with a child (`family`) or a teacher at a projector with a class (`class`). */
  audience: 'family' | 'class';
  activity: Activity;
  /** The scene on screen; undefined between scenes. */
  scene: Scene | undefined;
  /** Nothing answered yet. */
  atStart: boolean;
  ended: boolean;
  text(t: Text): string;
}

/**
 * The adult's side of play-together mode (ADULT-2): the activity's prompts before starting,
 * the current scene's prompt while playing, and the conversation prompt at the end. All from
 * the content (`playTogether`, `Scene.playTogether`, `adultPrompt`). For a teacher with a class
 * only the scenes' prompts: the activity's own lines are written to a parent beside a child.
 */
export function PlayTogetherPanel({ audience, activity, scene, atStart, ended, text }: Props) {
  const now = !ended && scene?.playTogether;
  const teacher = audience === 'class';
  return (
    <aside class="together-panel" aria-labelledby="together-title">
      <h2 id="together-title">{teacher ? t('together.teacherTitle') : t('together.title')}</h2>
      {atStart && <p class="small">{teacher ? t('together.classIntro') : t('together.intro')}</p>}
      {now && (
        <div class="together-now">
          <h3>{t('together.now')}</h3>
          <p>{text(now)}</p>
        </div>
      )}
      {ended && !teacher ? (
        <div class="together-now">
          <h3>{t('together.after')}</h3>
          <p>{text(activity.adultPrompt)}</p>
        </div>
      ) : null}
      {!teacher && (atStart || ended) && activity.playTogether.length > 0 && (
        <div>
          <h3>{t('together.before')}</h3>
          <ul>
            {activity.playTogether.map((p) => (
              <li key={p.id}>{text(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
