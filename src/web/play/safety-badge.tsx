import type { Safety } from '../../engine/types/text';
import { t } from '../i18n/i18n';
import safeIcon from '../../../content/art/ui/safe.svg';
import riskyIcon from '../../../content/art/ui/risky.svg';
import unsafeIcon from '../../../content/art/ui/unsafe.svg';

const ICONS: Record<Safety, string> = { safe: safeIcon, risky: riskyIcon, unsafe: unsafeIcon };

/** Safe / risky / not safe: an icon whose shape carries the meaning, and words (never colour alone). */
export function SafetyBadge({ safety }: { safety: Safety }) {
  return (
    <p class={`safety safety-${safety}`}>
      <img src={ICONS[safety]} alt="" width="32" height="32" />
      <strong>{t(`play.${safety}`)}</strong>
    </p>
  );
}
