import type { Outcome, Scene, Text } from '../../engine';
import { t } from '../i18n/i18n';
import type { RecordingsOf } from '../speech/recordings';
import { screenOrder } from '../speech/screen-order';
import { shuffled } from '../players/sequence/shuffle';
import { outcomeLabel } from './safety-badge';

/**
 * What the scene's speaker reads: the scene text, then the choices a child picks from (so a
 * child who cannot read yet can still play). Texts the child must inspect on purpose (a link's
 * real address, hidden clues) and anything typed are never read out. A sequence's steps are
 * read in the order on screen (`now`) or the order they start in, never in the order written,
 * which is often the answer.
 */
export function speakableTexts(
  scene: Scene,
  sceneKey: string,
  order: 'start' | 'now' = 'start',
): Text[] {
  const i = scene.interaction;
  const out: Text[] = [scene.body];
  switch (i.type) {
    case 'choice':
      out.push(...i.args.options.map((o) => o.text));
      break;
    case 'sort':
      out.push(...i.args.items.map((x) => x.text), ...i.args.bins.map((b) => b.label));
      break;
    case 'sequence': {
      const ids = i.args.steps.map((s) => s.id);
      const shown = order === 'now' ? screenOrder(sceneKey, ids) : shuffled(ids, sceneKey);
      const byId = new Map(i.args.steps.map((s) => [s.id, s.text]));
      out.push(...shown.map((id) => byId.get(id)).filter((x): x is Text => x !== undefined));
      break;
    }
    case 'chat':
      out.push(...i.args.messages.map((m) => m.text), ...i.args.replies.map((r) => r.text));
      break;
    default:
      break;
  }
  return out;
}

/** Words and recordings to read aloud together. */
export interface Speech {
  readonly text: string;
  /** One recording per text, or none unless every text has one (no half-recorded scene). */
  readonly recordings: readonly string[];
}

/** Joins texts into one stream, ending each with a full stop so voices pause between them. */
function joined(parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[.!?…]?\s*$/, (end) => end.trim() || '.')).join(' ');
}

function speechOf(texts: readonly Text[], text: (t: Text) => string, rec: RecordingsOf): Speech {
  const urls = texts.map((tx) => rec(tx)[0]);
  return {
    text: joined(texts.map(text)),
    recordings: urls.every((u): u is string => u !== undefined) ? urls : [],
  };
}

/** A scene's read-aloud. */
export function sceneSpeech(
  scene: Scene,
  sceneKey: string,
  text: (t: Text) => string,
  rec: RecordingsOf,
  order: 'start' | 'now' = 'start',
): Speech {
  return speechOf(speakableTexts(scene, sceneKey, order), text, rec);
}

/**
 * Feedback read aloud: the safety word and why. With a recording of the feedback, the
 * recording (the icon and the words on screen carry the safety word).
 */
export function feedbackSpeech(
  outcome: Outcome,
  text: (t: Text) => string,
  rec: RecordingsOf,
): Speech {
  const label = outcomeLabel(outcome);
  if (!outcome.feedback) return { text: joined([label]), recordings: [] };
  return { text: joined([label, text(outcome.feedback)]), recordings: rec(outcome.feedback) };
}

/** The ending read aloud: how it went, and who can help. */
export function endingSpeech(ending: Pick<Outcome, 'safety' | 'correct'>): Speech {
  return {
    text: joined([
      t('play.finished'),
      outcomeLabel(ending),
      t('play.whoCanHelp'),
      t('play.talkToAdult'),
    ]),
    recordings: [],
  };
}
