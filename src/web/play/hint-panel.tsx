import type { Text, VisibleHelp } from '../../engine';
import { t } from '../i18n/i18n';

/** Hints in order, released by a request or a wrong answer (never a timer); the solution last. */
export function HintPanel(props: {
  help: VisibleHelp;
  text: (t: Text) => string;
  onRequest: () => void;
}) {
  const { help, text } = props;
  const hasAny = help.hints.length > 0 || help.solution || help.more;
  if (!hasAny) return null;
  return (
    <div class="hints">
      {help.hints.length > 0 && (
        <ol class="hint-list" aria-label={t('play.hint')}>
          {help.hints.map((h, i) => (
            <li key={h.id}>
              <strong>{t('play.hintLabel', { n: i + 1 })}:</strong> {text(h)}
            </li>
          ))}
        </ol>
      )}
      {help.solution && (
        <p class="solution">
          <strong>{t('play.solutionLabel')}:</strong> {text(help.solution.explanation)}
        </p>
      )}
      {help.more && (
        <button type="button" class="secondary" onClick={props.onRequest}>
          {t('play.hint')}
        </button>
      )}
    </div>
  );
}
