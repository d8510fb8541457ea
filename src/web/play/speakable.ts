import type { Scene } from '../../engine/types/activity';
import type { Text } from '../../engine/types/text';

/**
 * What the scene's speaker reads: the scene text, then the choices a child picks from (so a
 * child who cannot read yet can still play). Texts the child must inspect on purpose (a link's
 * real address, hidden clues) and anything typed are never read out.
 */
export function speakableTexts(scene: Scene): Text[] {
  const i = scene.interaction;
  const out: Text[] = [scene.body];
  switch (i.type) {
    case 'choice':
      out.push(...i.args.options.map((o) => o.text));
      break;
    case 'sort':
      out.push(...i.args.items.map((x) => x.text), ...i.args.bins.map((b) => b.label));
      break;
    case 'sequence':
      out.push(...i.args.steps.map((s) => s.text));
      break;
    case 'chat':
      out.push(...i.args.messages.map((m) => m.text), ...i.args.replies.map((r) => r.text));
      break;
    default:
      break;
  }
  return out;
}
