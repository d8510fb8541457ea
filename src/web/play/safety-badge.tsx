import type { Outcome, Safety } from '../../engine';
import { t } from '../i18n/i18n';
import safeIcon from '../../../content/art/ui/safe.svg';
import riskyIcon from '../../../content/art/ui/risky.svg';
import unsafeIcon from '../../../content/art/ui/unsafe.svg';
import kiriThinking from '../../../content/art/kiri/thinking.svg';

const ICONS: Record<Safety, string> = { safe: safeIcon, risky: riskyIcon, unsafe: unsafeIcon };

/**
 * The label of an outcome: safe / risky / not safe — or "not quite" for an answer that was
 * safe but not right (a question about feelings, say), so a wrong answer never reads as
 * "safe choice".
 */
export function outcomeLabel(outcome: Pick<Outcome, 'safety' | 'correct'>): string {
  return outcome.safety === 'safe' && !outcome.correct
    ? t('play.notQuite')
    : t(`play.${outcome.safety}`);
}

/** The label with an icon whose shape carries the meaning (never colour alone). */
export function SafetyBadge({ outcome }: { outcome: Pick<Outcome, 'safety' | 'correct'> }) {
  const notQuite = outcome.safety === 'safe' && !outcome.correct;
  return (
    <p class={`safety safety-${notQuite ? 'not-quite' : outcome.safety}`}>
      <img src={notQuite ? kiriThinking : ICONS[outcome.safety]} alt="" width="32" height="32" />
      <strong>{outcomeLabel(outcome)}</strong>
    </p>
  );
}
