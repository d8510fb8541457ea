import type { Text } from '../../engine';
import { t } from '../i18n/i18n';
import { useRecordings } from '../speech/recordings';
import { SpeakButton } from './speak-button';

/**
 * A small speaker next to one answer, card or step: reads only that text (its recording when
 * the pack has one), so a child who cannot read can hear each answer on its own. Its name is
 * just "Listen" (it sits next to its answer; the answer's words are its description), so an
 * answer's name stays unique on the page.
 */
export function ItemSpeaker({ tx, text }: { tx: Text; text: (t: Text) => string }) {
  const recordingsOf = useRecordings();
  const words = text(tx);
  return (
    <SpeakButton
      text={words}
      label={t('common.listen')}
      description={t('common.readThis', { text: words })}
      recordings={recordingsOf(tx)}
      small
    />
  );
}
